// Keeps the index in step with the articles: every write of an article's text or status
// publishes `article-text:<id>` on the invalidation bus (a comment publishes only
// `article:<id>`, which leaves the index alone), and those ids are (re)indexed or removed
// shortly after, off the request's path. Failures are logged and retried with backoff;
// `sinmun reindex` repairs all.
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import type { SearchIndex } from './search.index.js'
import type { SearchSource } from './search.source.js'

/** Published when the index changed, so cached search pages are dropped. */
export const SEARCH_TAG = 'search'

const ARTICLE_TEXT_TAG = /^article-text:(\d+)$/
const BATCH = 200
const RETRY_DELAYS_MS = [1_000, 5_000, 30_000, 120_000]

export interface SearchIndexerDeps {
  source: Pick<SearchSource, 'loadDocuments' | 'loadBatch' | 'countArticles'>
  index: SearchIndex
  bus: InvalidationBus
  logError: (message: string, error: unknown) => void
  retryDelaysMs?: readonly number[]
}

export interface ReindexProgress {
  done: number
  total: number
}

export interface ReindexResult {
  /** Articles read from the database. */
  scanned: number
  /** Documents written to the index (every status but withdrawn). */
  indexed: number
  /** Index entries whose article is gone or withdrawn. */
  removed: number
  ms: number
}

export function createSearchIndexer(deps: SearchIndexerDeps) {
  const { index, bus } = deps
  const retryDelays = deps.retryDelaysMs ?? RETRY_DELAYS_MS
  const pending = new Set<number>()
  let running: Promise<void> | null = null
  let timer: NodeJS.Timeout | null = null
  let failures = 0
  let closed = false

  const unsubscribe = bus.subscribe((changed, origin) => {
    // The node (or worker) that made the change indexes it; the index is shared.
    if (origin?.remote) return
    for (const tag of changed) {
      const id = ARTICLE_TEXT_TAG.exec(tag)?.[1]
      if (id) pending.add(Number(id))
    }
    if (pending.size > 0) schedule(0)
  })

  function schedule(delayMs: number) {
    if (running || timer || closed) return
    timer = setTimeout(() => {
      timer = null
      running = drain().finally(() => {
        running = null
        if (pending.size > 0)
          schedule(failures > 0 ? retryDelays[Math.min(failures, retryDelays.length) - 1]! : 0)
      })
    }, delayMs)
  }

  async function drain() {
    let changed = false
    try {
      while (pending.size > 0) {
        const ids = [...pending].slice(0, BATCH)
        for (const id of ids) pending.delete(id)
        try {
          await indexArticles(ids)
          changed = true
        } catch (error) {
          for (const id of ids) pending.add(id)
          throw error
        }
      }
      failures = 0
    } catch (error) {
      failures++
      deps.logError(`search indexing failed (attempt ${failures}); will retry`, error)
    } finally {
      if (changed) bus.publish([SEARCH_TAG])
    }
  }

  /** Brings the given articles' index entries up to date now. */
  async function indexArticles(ids: readonly number[]) {
    const { documents, gone } = await deps.source.loadDocuments(ids)
    await index.upsert(documents)
    await index.remove(gone)
  }

  return {
    indexArticles,

    /** Resolves once every queued article is indexed (or has failed and waits for a retry). */
    async idle(): Promise<void> {
      while (running || (timer && failures === 0)) {
        await (running ?? new Promise((r) => setTimeout(r, 5)))
      }
    },

    /** Rebuilds the whole index from the articles table, in batches. */
    async reindex(options: { batchSize?: number; onProgress?: (p: ReindexProgress) => void } = {}) {
      const started = performance.now()
      const batchSize = options.batchSize ?? 500
      const total = await deps.source.countArticles()
      const seen = new Set<number>()
      let scanned = 0
      let afterId = 0
      for (;;) {
        const batch = await deps.source.loadBatch(afterId, batchSize)
        if (batch.lastId === null) break
        await index.upsert(batch.documents)
        for (const d of batch.documents) seen.add(d.articleId)
        scanned += batch.scanned
        afterId = batch.lastId
        options.onProgress?.({ done: scanned, total: Math.max(total, scanned) })
      }
      const stale = (await index.indexedIds()).filter((id) => !seen.has(id))
      for (let i = 0; i < stale.length; i += batchSize) await index.remove(stale.slice(i, i + batchSize))
      await index.optimize()
      bus.publish([SEARCH_TAG])
      const result: ReindexResult = {
        scanned,
        indexed: seen.size,
        removed: stale.length,
        ms: Math.round(performance.now() - started),
      }
      return result
    },

    /** Stops listening and finishes what is queued, so a CLI run leaves a complete index. */
    async close() {
      closed = true
      unsubscribe()
      if (timer) clearTimeout(timer)
      timer = null
      await running
      if (pending.size > 0) await drain()
    },
  }
}

export type SearchIndexer = ReturnType<typeof createSearchIndexer>
