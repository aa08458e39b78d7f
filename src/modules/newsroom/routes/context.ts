// What every newsroom route file shares: the services, the role guard, the page frame and
// a reply helper that never lets a newsroom page into any cache.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { Kysely } from 'kysely'
import type { VNode } from 'preact'
import type { Clock } from '../../../platform/clock.js'
import type { Database } from '../../../platform/db/database.js'
import { renderPage } from '../../../platform/views/render.js'
import type { ArticlesReader } from '../../articles/articles.reader.js'
import type { ArticlesWriter } from '../../articles/articles.writer.js'
import type { TodayPhotos } from '../../articles/today-photos.js'
import type { CommentsReader } from '../../comments/comments.reader.js'
import type { MediaService } from '../../media/media.service.js'
import type { PagesService } from '../../pages/pages.service.js'
import type { StaffService } from '../../staff/staff.service.js'
import type { HomeCuration } from '../home-curation.js'
import type { NewsroomAssets } from '../newsroom.assets.js'
import type { Need } from '../newsroom.guard.js'
import type { Frame } from '../views/layout.js'
import type { ModerationPort } from './moderation.port.js'

export interface NewsroomRouteDeps {
  db: Kysely<Database>
  clock: Clock
  secureCookies: boolean
  staff: StaffService
  reader: ArticlesReader
  writer: ArticlesWriter
  media: MediaService
  pages: Pick<PagesService, 'listTips'>
  comments: Pick<CommentsReader, 'sectionFor'>
  todayPhotos: Pick<TodayPhotos, 'pickTodayPhotos' | 'todayPhotos'>
  home: HomeCuration
  moderation: ModerationPort | null
  assets: NewsroomAssets
  /** The reader site's frame, for the preview. */
  site: () => Promise<import('../../../platform/views/site-context.js').SiteContext>
  /** Published articles matching words, for the related-articles picker (the search module's
   * search when wired; otherwise the headline match of the newsroom's repository). */
  searchRelated?(q: string): Promise<{ id: number; headline: string; publishedAt: string | null }[]>
  /** Whether mail goes to the console only (embedded mode): the link is then shown to the admin. */
  consoleMail: boolean
}

export interface RouteContext {
  deps: NewsroomRouteDeps
  guard(need: Need): preHandlerAsyncHookHandler
  frame(request: FastifyRequest, reply: FastifyReply): Promise<Frame>
  page(reply: FastifyReply, page: VNode, status?: number): FastifyReply
}

export function makeContext(deps: NewsroomRouteDeps, guard: (need: Need) => preHandlerAsyncHookHandler) {
  const context: RouteContext = {
    deps,
    guard,
    async frame(request, reply) {
      const css = await deps.assets.css()
      return { css: css.url, staff: request.staff ?? null, csrf: reply.generateCsrf() }
    },
    page(reply, page, status = 200) {
      return reply
        .code(status)
        .header('cache-control', 'private, no-store')
        .type('text/html; charset=utf-8')
        .send(renderPage(page))
    },
  }
  return context
}
