// Recent keys shared by every node through Redis (SET NX with an expiry). While Redis is away a
// node falls back to its own memory: a reader may then be counted once per node, never lost.
import type { Redis } from 'ioredis'
import { createMemoryRecentKeys, type RecentKeys } from '../cache/recent-keys.js'

export function createRedisRecentKeys(
  redis: Redis,
  options: { prefix: string; ttlMs: number; now: () => number },
): RecentKeys {
  const local = createMemoryRecentKeys(options)
  return {
    async firstSeen(key) {
      try {
        const set = await redis.set(`${options.prefix}${key}`, '1', 'PX', options.ttlMs, 'NX')
        return set === 'OK'
      } catch {
        return local.firstSeen(key)
      }
    },
  }
}
