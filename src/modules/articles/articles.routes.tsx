// Reader routes of the articles module: home, article, section, tag and reporter pages.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { isbot } from 'isbot'
import { z } from 'zod'
import { tags } from '../../platform/cache/invalidation.js'
import { messages as m, msg } from '../../platform/i18n/messages.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { CommentsReadModel } from '../comments/index.js'
import { Picture } from '../media/index.js'
import { reporterUrl, sectionUrl, tagUrl } from './article-views.js'
import { articlesErrors } from './articles.errors.js'
import type { ArticlesReadModel } from './articles.read-model.js'
import type { HomeSlots, HomeZonesOf } from './home-zones.js'
import type { TodayPhotos } from './today-photos.js'
import type { ViewCounter } from './view-counter.js'
import { viewSourceOf } from './view-source.js'
import { type ArticleNotice, ArticlePageView } from './views/article.view.js'
import { HomeView } from './views/home.view.js'
import { ListPageView } from './views/list.view.js'

export interface ArticlesRoutesDeps {
  readModel: ArticlesReadModel
  comments: CommentsReadModel
  todayPhotos: Pick<TodayPhotos, 'todayPhotos'>
  /** Corrections, rebuttals and follow-ups published on an article (the inbox module). */
  notices?: (articleId: number) => Promise<ArticleNotice[]>
  views: ViewCounter
  /** An anonymous daily name for the reader of a request (platform/http/visitor-key.ts). */
  visitorOf: (request: FastifyRequest) => string
  /** The site's own host name: a referrer from it is a reader moving inside the site. */
  ownHost: string
  site: () => Promise<SiteContext>
  /** The desk's pinned home slots (newsroom); unpinned slots keep the graded order. */
  homePins?: () => Promise<HomeSlots>
  homeZones: HomeZonesOf
}

/**
 * A view to count: a person's GET, not a crawler (isbot knows the portals' robots too: Yeti,
 * Daumoa …) and not a browser fetching ahead of a click that may never come.
 */
function isReaderView(request: FastifyRequest): boolean {
  const userAgent = request.headers['user-agent']
  // Browsers always name themselves; scripts that send nothing are not readers either.
  if (request.method !== 'GET' || !userAgent || isbot(userAgent)) return false
  const purpose = request.headers['sec-purpose'] ?? request.headers.purpose
  return !(typeof purpose === 'string' && purpose.includes('prefetch'))
}

const PER_PAGE = 20
const MAX_PAGE = 500
const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
})
// `?page=` must name a page that exists: anything else (0, abc, past the last) is not a page.
const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1) })
/** The page a list asks for, or null when the address names no page. */
const pageOf = (query: unknown): number | null => PageQuery.safeParse(query).data?.page ?? null
const idOf = (params: unknown): number | null => IdParams.safeParse(params).data?.id ?? null
/** Page 1 of an empty list exists (it says so); later pages exist only while they hold articles. */
const pastLastPage = (page: number, total: number) => page > 1 && (page - 1) * PER_PAGE >= total
const listCache = { query: ['page'] } as const

export const articlesRoutes =
  (deps: ArticlesRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    const { readModel } = deps

    app.get('/', { config: { pageCache: {} } }, async (_request, reply) => {
      const site = await deps.site()
      const zones = await deps.homeZones(site.sections, await deps.homePins?.())
      const html = renderPage(<HomeView site={site} {...zones} />)
      return reply.sendPage(html, [
        tags.home,
        tags.latest,
        tags.outlet,
        ...(zones.opinionSectionId ? [tags.section(zones.opinionSectionId)] : []),
        ...zones.shownIds.map(tags.article),
      ])
    })

    app.get(
      '/news/:id',
      {
        config: {
          pageCache: {
            onServe: (request) => {
              const id = Number((request.params as { id: string }).id)
              if (Number.isInteger(id) && id > 0 && isReaderView(request)) {
                deps.views.record({
                  articleId: id,
                  visitor: deps.visitorOf(request),
                  source: viewSourceOf(request.headers.referer, request.headers['user-agent'], deps.ownHost),
                })
              }
            },
          },
        },
      },
      async (request, reply) => {
        const id = idOf(request.params)
        if (id === null) return reply.callNotFound()
        const [site, article] = await Promise.all([deps.site(), readModel.articlePage(id)])
        if (!article) {
          if (await readModel.isWithdrawn(id)) throw articlesErrors.withdrawn()
          return reply.callNotFound()
        }
        const [comments, mostRead, todayPhotos, notices] = await Promise.all([
          deps.comments.sectionFor(id, await deps.comments.viewerOf(request, reply)),
          readModel.mostRead(),
          deps.todayPhotos.todayPhotos(),
          deps.notices ? deps.notices(id) : [],
        ])
        const html = renderPage(
          <ArticlePageView
            site={site}
            article={article}
            comments={comments}
            mostRead={mostRead}
            todayPhotos={todayPhotos}
            notices={notices}
          />,
        )
        const shown = [...article.related.map((r) => r.id), article.previous?.id, article.next?.id]
        return reply.sendPage(html, [
          tags.article(id),
          ...shown.flatMap((other) => (other ? [tags.article(other)] : [])),
          ...article.reporters.map((r) => tags.reporter(r.id)),
          tags.outlet,
        ])
      },
    )

    app.get('/section/:slug', { config: { pageCache: listCache } }, async (request, reply) => {
      const { slug } = request.params as { slug: string }
      const page = pageOf(request.query)
      if (page === null) return reply.callNotFound()
      const [site, section] = await Promise.all([deps.site(), readModel.sectionBySlug(slug)])
      if (!section) return reply.callNotFound()
      // A section's page lists its sub-sections' articles too, as Korean outlets' pages do.
      const children = (await readModel.sections()).filter((s) => s.parentId === section.id).map((s) => s.id)
      const [list, mostRead] = await Promise.all([
        readModel.sectionList([section.id, ...children], PER_PAGE, (page - 1) * PER_PAGE),
        readModel.mostRead(),
      ])
      if (pastLastPage(page, list.total)) return reply.callNotFound()
      const html = renderPage(
        <ListPageView
          site={site}
          title={section.name}
          description={msg(m.lists.articleCount, { count: list.total })}
          path={sectionUrl(section.slug)}
          page={page}
          perPage={PER_PAGE}
          total={list.total}
          articles={list.articles}
          mostRead={mostRead}
          activeSection={section.id}
          feed={`/rss/${section.slug}.xml`}
        />,
      )
      return reply.sendPage(html, [
        tags.section(section.id),
        ...children.map(tags.section),
        tags.outlet,
        ...list.articles.map((a) => tags.article(a.id)),
      ])
    })

    app.get('/tag/:name', { config: { pageCache: listCache } }, async (request, reply) => {
      const { name } = request.params as { name: string }
      const page = pageOf(request.query)
      if (page === null) return reply.callNotFound()
      const [site, list, mostRead] = await Promise.all([
        deps.site(),
        readModel.tagList(name.normalize('NFC'), PER_PAGE, (page - 1) * PER_PAGE),
        readModel.mostRead(),
      ])
      if (!list || pastLastPage(page, list.total)) return reply.callNotFound()
      const html = renderPage(
        <ListPageView
          site={site}
          title={msg(m.lists.tagHeading, { tag: list.tag.name })}
          description={msg(m.lists.articleCount, { count: list.total })}
          path={tagUrl(list.tag.name)}
          page={page}
          perPage={PER_PAGE}
          total={list.total}
          articles={list.articles}
          mostRead={mostRead}
        />,
      )
      return reply.sendPage(html, [
        tags.tag(list.tag.id),
        tags.outlet,
        ...list.articles.map((a) => tags.article(a.id)),
      ])
    })

    app.get('/reporter/:id', { config: { pageCache: listCache } }, async (request, reply) => {
      const id = idOf(request.params)
      const page = pageOf(request.query)
      if (id === null || page === null) return reply.callNotFound()
      const [site, list, mostRead] = await Promise.all([
        deps.site(),
        readModel.reporterList(id, PER_PAGE, (page - 1) * PER_PAGE),
        readModel.mostRead(),
      ])
      if (!list || pastLastPage(page, list.total)) return reply.callNotFound()
      const r = list.reporter
      const html = renderPage(
        <ListPageView
          site={site}
          title={msg(m.lists.reporterTitle, { name: r.name })}
          description={r.bio || msg(m.lists.reporterArticles, { name: r.name })}
          path={reporterUrl(r.id)}
          page={page}
          perPage={PER_PAGE}
          total={list.total}
          articles={list.articles}
          mostRead={mostRead}
          intro={
            <section class="profile" aria-label={m.article.reporterBox}>
              {r.photo && <Picture photo={r.photo} sizes="96px" width={320} alt={r.name} />}
              <div>
                {r.department && <p class="reporter-department">{r.department}</p>}
                <p>{r.bio}</p>
                {r.email && (
                  <p>
                    <a href={`mailto:${r.email}`}>{r.email}</a>
                  </p>
                )}
              </div>
            </section>
          }
        />,
      )
      return reply.sendPage(html, [
        tags.reporter(r.id),
        tags.outlet,
        ...list.articles.map((a) => tags.article(a.id)),
      ])
    })
  }
