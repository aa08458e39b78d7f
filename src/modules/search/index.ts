// The search module's public face: what other modules and the composition root may use.
//
//   const search = createSearch({ db, clock, bus, logError })   // in app.ts
//   await search.searchArticles({ q: '스타게이트', includeDrafts: true, sort: 'newest' })
//
// or, from anywhere holding the app, `searchArticles(app, params)`.
import type { Kysely } from 'kysely'
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import type { Db } from '../../platform/db/database.js'
import { createSearchAliases } from './search.aliases.js'
import type { ReindexResult } from './search.indexer.js'
import { createSearchIndexer } from './search.indexer.js'
import { createSearchIndex, createSearchService, type SearchArticlesParams } from './search.service.js'
import type { SearchSource } from './search.source.js'
import type { SearchTables } from './search.table.js'

export type { DeskAlias } from './search.aliases.js'
export { searchErrorCatalogue } from './search.errors.js'
export type { ReindexProgress, ReindexResult } from './search.indexer.js'
export { SEARCH_TAG } from './search.indexer.js'
export type { SearchArticlesParams, SearchArticlesResult, SearchHit } from './search.service.js'
export type { SearchTables } from './search.table.js'
export type { TextPiece } from './snippet.js'

export interface SearchDeps {
  /** The module's own tables: the index (raw SQL per dialect) and the desk's aliases. */
  db: { kysely: Kysely<SearchTables>; dialect: Db['dialect'] }
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
  const aliases = createSearchAliases({ db: deps.db.kysely, clock: deps.clock, bus: deps.bus })
  const service = createSearchService({
    source: deps.source,
    index,
    clock: deps.clock,
    aliases: aliases.dictionary,
  })
  const indexer = createSearchIndexer({
    source: deps.source,
    index,
    bus: deps.bus,
    logError: deps.logError,
    retryDelaysMs: deps.retryDelaysMs,
  })
  return {
    searchArticles: service.searchArticles,
    /** The desk's alias entries and the built-in list (newsroom: 검색 동의어). */
    aliases: { list: aliases.list, add: aliases.add, remove: aliases.remove, builtin: aliases.builtin },
    /**
     * Rebuilds the index in the background when it is empty but articles exist (after the
     * migration that added the byline and photo fields, or a restored database without it).
     */
    rebuildIfEmpty: async (): Promise<{ done: Promise<ReindexResult | null> } | null> => {
      if (!(await index.isEmpty()) || (await deps.source.countArticles()) === 0) return null
      const done = indexer.reindex().catch((error: unknown) => {
        deps.logError('search index rebuild failed; run `sinmun reindex`', error)
        return null
      })
      return { done }
    },
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

/** What the newsroom's alias screen (검색 동의어) uses: the desk's entries and the built-in list. */
export type SearchAliasesAdmin = Search['aliases']
