// The search module's public face: what other modules and the composition root may use.
//
//   const search = createSearch({ db, clock, bus, logError })   // in app.ts
//   await search.searchArticles({ q: '스타게이트', includeDrafts: true, sort: 'newest' })
//
// or, from anywhere holding the app, `searchArticles(app, params)`.
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import type { Db } from '../../platform/db/database.js'
import { createSearchIndexer } from './search.indexer.js'
import { createSearchIndex, createSearchService, type SearchArticlesParams } from './search.service.js'
import type { SearchSource } from './search.source.js'

export type { ReindexProgress, ReindexResult } from './search.indexer.js'
export { SEARCH_TAG } from './search.indexer.js'
export type { SearchArticlesParams, SearchArticlesResult, SearchHit } from './search.service.js'
export type { TextPiece } from './snippet.js'

export interface SearchDeps {
  /** Only the dialect and raw SQL over the index's own tables are used. */
  db: Pick<Db, 'kysely' | 'dialect'>
  clock: Clock
  bus: InvalidationBus
  /** The articles as the index reads them (the articles module's search source). */
  source: SearchSource
  logError: (message: string, error: unknown) => void
  /** Tests shorten the backoff between indexing retries. */
  retryDelaysMs?: readonly number[]
}

export function createSearch(deps: SearchDeps) {
  const index = createSearchIndex(deps.db)
  const service = createSearchService({ source: deps.source, index, clock: deps.clock })
  const indexer = createSearchIndexer({
    source: deps.source,
    index,
    bus: deps.bus,
    logError: deps.logError,
    retryDelaysMs: deps.retryDelaysMs,
  })
  return {
    searchArticles: service.searchArticles,
    /** Rebuilds the whole index; `sinmun reindex`. */
    reindex: indexer.reindex,
    /** Indexes (or removes) these articles now, bypassing the queue. */
    indexArticles: indexer.indexArticles,
    /** Resolves when queued indexing is done; for tests and batch jobs. */
    idle: indexer.idle,
    close: indexer.close,
  }
}

export type Search = ReturnType<typeof createSearch>

/** Searches articles through a built app: `searchArticles(app, { q, includeDrafts: true })`. */
export function searchArticles(app: { services: { search: Search } }, params: SearchArticlesParams) {
  return app.services.search.searchArticles(params)
}

export { runReindex } from './reindex-command.js'
export { searchRoutes } from './search.routes.js'
export type { SearchSource } from './search.source.js'
