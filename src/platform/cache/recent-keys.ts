// "Seen in the last N minutes?" for keys such as a reader's visit to an article. One node keeps
// them in memory; several nodes share them through Redis (redis/redis-recent-keys.ts), so a
// reader bounced between nodes is still counted once.
import { LRUCache } from 'lru-cache'

export interface RecentKeys {
  /** True the first time a key is seen within the window; false while it is remembered. */
  firstSeen(key: string): Promise<boolean>
}

/** Time comes from `now` (the app's clock), so a test can let half an hour pass. */
export function createMemoryRecentKeys(options: {
  ttlMs: number
  now: () => number
  max?: number
}): RecentKeys {
  const expiresAt = new LRUCache<string, number>({ max: options.max ?? 200_000 })
  return {
    async firstSeen(key) {
      const now = options.now()
      if ((expiresAt.get(key) ?? 0) > now) return false
      expiresAt.set(key, now + options.ttlMs)
      return true
    },
  }
}
