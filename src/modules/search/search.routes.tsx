// GET /search: the reader's search page. Anonymous pages are cached per query and dropped
// whenever the index changes (SEARCH_TAG) or a shown article does.
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { ArticlesReadModel } from '../articles/index.js'
import type { Search } from './index.js'
import { SEARCH_TAG } from './search.indexer.js'
import type { SearchSource } from './search.source.js'
import { type SearchForm, SearchPageView, type SearchResultView } from './search.view.js'

export interface SearchRoutesDeps {
  search: Pick<Search, 'searchArticles'>
  articles: Pick<ArticlesReadModel, 'cards'>
  source: Pick<SearchSource, 'bylineReporters'>
  site: () => Promise<SiteContext>
}

const PER_PAGE = 20
const MAX_PAGE = 200
const DAY = /^\d{4}-\d{2}-\d{2}$/

// Anything a reader may type or tamper with is accepted; what does not parse is ignored.
const text = (max: number) => z.string().trim().max(max).catch('').default('')
const SearchParams = z.object({
  q: z
    .string()
    .catch('')
    .default('')
    .transform((q) => q.normalize('NFC').replace(/\s+/g, ' ').trim().slice(0, 200)),
  section: text(64),
  reporter: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional()
    .catch(undefined),
  from: z.string().regex(DAY).catch('').default(''),
  to: z.string().regex(DAY).catch('').default(''),
  sort: z.enum(['relevance', 'newest']).catch('relevance').default('relevance'),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).catch(1).default(1),
})

export const searchRoutes =
  (deps: SearchRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    const reporters = memo(() => deps.source.bylineReporters(), 300_000)
    const cacheQuery = ['q', 'section', 'reporter', 'from', 'to', 'sort', 'page'] as const

    app.get('/search', { config: { pageCache: { query: cacheQuery } } }, async (request, reply) => {
      const form: SearchForm = SearchParams.parse(
        Object.fromEntries(Object.entries(request.query as object).filter(([, v]) => typeof v === 'string')),
      )
      const [site, reporterList] = await Promise.all([deps.site(), reporters.get()])
      const section = site.sections.find((s) => s.slug === form.section)
      if (!section) form.section = ''
      const result = await deps.search.searchArticles({
        q: form.q,
        sectionId: section?.id,
        reporterId: form.reporter,
        from: form.from || undefined,
        to: form.to || undefined,
        sort: form.sort,
        limit: PER_PAGE,
        offset: (form.page - 1) * PER_PAGE,
      })
      const cards = await deps.articles.cards(result.hits)
      const results: SearchResultView[] = cards.map((card, i) => ({
        card,
        headline: result.hits[i]!.headlinePieces,
        snippet: result.hits[i]!.snippet,
      }))
      const html = renderPage(
        <SearchPageView
          site={site}
          form={form}
          reporters={reporterList}
          results={results}
          total={result.total}
          totalIsCapped={result.totalIsCapped}
          searched={result.searched}
          perPage={PER_PAGE}
        />,
      )
      return reply.sendPage(html, [SEARCH_TAG, tags.outlet, ...result.hits.map((h) => tags.article(h.id))])
    })
  }
