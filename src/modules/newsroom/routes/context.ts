// What every newsroom route file shares: the services, the role guard, the page frame and
// a reply helper that never lets a newsroom page into any cache.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { VNode } from 'preact'
import type { Clock } from '../../../platform/clock.js'
import { renderPage } from '../../../platform/views/render.js'
import type {
  ArticlesReadModel,
  DeskQueries,
  HomeZonesOf,
  SectionsAdmin,
  TodayPhotos,
  ViewStats,
} from '../../articles/index.js'
import type { CommentsReadModel } from '../../comments/index.js'
import type { InboxService } from '../../inbox/index.js'
import type { MediaService } from '../../media/index.js'
import type { OutletService, SetupService } from '../../outlet/index.js'
import type { PagesService } from '../../pages/index.js'
import type { SearchArticlesParams, SearchArticlesResult } from '../../search/index.js'
import type { StaffService } from '../../staff/index.js'
import type { PublishChecks } from '../checks/checks.service.js'
import type { DeskService } from '../desk.service.js'
import type { HomeCuration } from '../home-curation.js'
import type { NewsroomAssets } from '../newsroom.assets.js'
import type { Need } from '../newsroom.guard.js'
import type { Frame } from '../views/layout.js'
import type { ModerationPort } from './moderation.port.js'
import type { RedirectsPort } from './redirects.port.js'

export interface NewsroomRouteDeps {
  clock: Clock
  secureCookies: boolean
  staff: StaffService
  readModel: ArticlesReadModel
  desk: DeskService
  /** The articles' view figures. */
  stats: ViewStats
  /** 출고 전 점검 of a saved article. */
  checks: PublishChecks
  /** The articles as the newsroom's lists and pickers read them. */
  articles: DeskQueries
  media: MediaService
  pages: Pick<PagesService, 'listTitles' | 'findPage' | 'savePage'>
  outlet: Pick<OutletService, 'getOutlet' | 'saveOutlet' | 'missingLegalFields'>
  setup: SetupService
  sectionsAdmin: SectionsAdmin
  /** Reader tips and 정정·반론·추후보도 requests (the inbox module). */
  inbox: InboxService
  comments: Pick<CommentsReadModel, 'sectionFor'>
  todayPhotos: Pick<TodayPhotos, 'pickTodayPhotos' | 'todayPhotos' | 'pickedIds'>
  home: HomeCuration
  moderation: ModerationPort | null
  /** The redirect table of old addresses (the importers module's). */
  redirects?: RedirectsPort | null
  assets: NewsroomAssets
  /** The reader site's frame, for the preview. */
  site: () => Promise<import('../../../platform/views/site-context.js').SiteContext>
  /** Published articles matching words, for the related-articles picker (the search module's
   * search when wired; otherwise a headline match). */
  searchRelated?(q: string): Promise<{ id: number; headline: string; publishedAt: string | null }[]>
  /** What fills each zone of the reader's home under the given pins (the editor's preview). */
  homeZones?: HomeZonesOf
  /** The search module's search, drafts included, for the article list (the archive). */
  searchArticles?(params: SearchArticlesParams): Promise<SearchArticlesResult>
  /** 'console' when no SMTP server is set: links are then shown to the admin, never "sent". */
  mailTransport: 'smtp' | 'console'
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
      // Desk and admins are told which legal fields keep the site closed, on every page.
      const legalGaps =
        request.staff && request.staff.role !== 'reporter' ? await deps.outlet.missingLegalFields() : []
      return {
        css: css.url,
        staff: request.staff ?? null,
        csrf: reply.generateCsrf(),
        legalGaps,
        consoleMail: deps.mailTransport === 'console',
      }
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
