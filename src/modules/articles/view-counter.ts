// Page views are counted in memory and written in batches, so a page view costs a Map update
// and not a database write. A reader's view of an article counts once per 30 minutes (reloads
// do not inflate 많이 본 뉴스); crawlers are left out before this (articles.routes.tsx). Counts
// are kept per article per UTC hour (the ranking) and per Korea-time day and referrer kind.
import type { Kysely } from 'kysely'
import type { RecentKeys } from '../../platform/cache/recent-keys.js'
import type { Clock } from '../../platform/clock.js'
import { koreaDay } from '../../platform/korea-time.js'
import { addViewSources, addViews } from './articles.repository.js'
import type { ArticlesTables, ViewSource } from './articles.table.js'

/** How long a reader's view of one article keeps counting as the same view. */
export const SAME_VIEW_MS = 30 * 60_000

export interface PageView {
  articleId: number
  /** An anonymous name for the reader (platform/http/visitor-key.ts). */
  visitor: string
  source: ViewSource
}

export interface ViewCounter {
  record(view: PageView): void
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
  /** Who has been counted lately; shared across nodes when there is Redis. */
  recent: RecentKeys
}): ViewCounter {
  let hourly = new Map<string, number>()
  let daily = new Map<string, number>()
  const checking = new Set<Promise<void>>()
  const add = (map: Map<string, number>, key: string, n = 1) => map.set(key, (map.get(key) ?? 0) + n)

  function count(view: PageView) {
    const now = deps.clock.now()
    add(hourly, `${now.toISOString().slice(0, 13)}|${view.articleId}`)
    add(daily, `${koreaDay(now)}|${view.articleId}|${view.source}`)
  }

  /** Writes a batch; on failure its counts go back for the next attempt, none are lost. */
  async function persist(
    batch: Map<string, number>,
    pending: () => Map<string, number>,
    write: () => Promise<void>,
  ) {
    if (batch.size === 0) return
    try {
      await write()
    } catch {
      // E.g. the database restarting: counted again into whatever is pending now.
      for (const [key, n] of batch) add(pending(), key, n)
    }
  }

  const flush = async () => {
    await Promise.all(checking)
    const [hours, days] = [hourly, daily]
    hourly = new Map()
    daily = new Map()
    await persist(
      hours,
      () => hourly,
      () =>
        addViews(
          deps.db,
          [...hours].map(([key, views]) => {
            const [hour, id] = key.split('|') as [string, string]
            return { articleId: Number(id), hour, views }
          }),
        ),
    )
    await persist(
      days,
      () => daily,
      () =>
        addViewSources(
          deps.db,
          [...days].map(([key, views]) => {
            const [day, id, source] = key.split('|') as [string, string, ViewSource]
            return { articleId: Number(id), day, source, views }
          }),
        ),
    )
  }
  const timer = setInterval(() => void flush(), deps.flushEveryMs)
  timer.unref()
  return {
    record(view) {
      const check = deps.recent
        .firstSeen(`${view.articleId}:${view.visitor}`)
        .then((first) => {
          if (first) count(view)
        })
        .finally(() => checking.delete(check))
      checking.add(check)
    },
    addCounts: (counts) => addViews(deps.db, counts),
    flush,
    async stop() {
      clearInterval(timer)
      await flush()
    },
  }
}
