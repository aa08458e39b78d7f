// Page views are counted in memory and written in batches, so a page view costs a Map
// update and not a database write. Counts are per article per UTC hour.
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import { addViews } from './articles.repository.js'
import type { ArticlesTables } from './articles.table.js'

export interface ViewCounter {
  record(articleId: number): void
  /** Adds counts of past hours at once (the demo's history of views). */
  addCounts(counts: { articleId: number; hour: string; views: number }[]): Promise<void>
  /** Writes what has been counted; called on a timer and at shutdown. */
  flush(): Promise<void>
  stop(): Promise<void>
}

export function createViewCounter(deps: {
  db: Kysely<ArticlesTables>
  clock: Clock
  flushEveryMs: number
}): ViewCounter {
  let pending = new Map<string, number>()
  const flush = async () => {
    if (pending.size === 0) return
    const batch = pending
    pending = new Map()
    const counts = [...batch].map(([key, views]) => {
      const [hour, id] = key.split('|') as [string, string]
      return { articleId: Number(id), hour, views }
    })
    try {
      await addViews(deps.db, counts)
    } catch {
      // Keep the counts for the next attempt rather than losing them (e.g. database restarting).
      for (const [key, views] of batch) pending.set(key, (pending.get(key) ?? 0) + views)
    }
  }
  const timer = setInterval(() => void flush(), deps.flushEveryMs)
  timer.unref()
  return {
    record(articleId) {
      const key = `${deps.clock.now().toISOString().slice(0, 13)}|${articleId}`
      pending.set(key, (pending.get(key) ?? 0) + 1)
    },
    addCounts: (counts) => addViews(deps.db, counts),
    flush,
    async stop() {
      clearInterval(timer)
      await flush()
    },
  }
}
