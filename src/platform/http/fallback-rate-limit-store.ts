// A rate-limit store for several nodes: counters in Redis while Redis answers in time, and the
// node's own counters while it does not. A hung Redis (process stopped, socket open) fails a
// command only at the command timeout; after one failure the node counts locally for a while
// instead of paying that timeout on every request, then tries Redis again. Limits stay in
// force throughout, per node, rather than being skipped.
import { createRequire } from 'node:module'
import type { FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { Redis } from 'ioredis'

type Result = { current: number; ttl: number }
type Callback = (error: Error | null, result: Result | null) => void
interface Store {
  incr(key: string, cb: Callback, timeWindow: number, max: number): void
  read(key: string, cb: Callback, timeWindow: number, max: number): void
  child(routeOptions: RouteOptions): Store
}
interface RouteOptions {
  continueExceeding?: boolean
  exponentialBackoff?: boolean
  routeInfo: { method: string; url: string }
}
type StoreClass = new (...args: unknown[]) => Store

// The plugin's own stores; it exports no module map, so they are required by path.
const require = createRequire(import.meta.url)
const RedisStore = require('@fastify/rate-limit/store/RedisStore.js') as StoreClass
const LocalStore = require('@fastify/rate-limit/store/LocalStore.js') as StoreClass

/** How long a node counts on its own after Redis failed or was too slow. */
export const LOCAL_PERIOD_MS = 5_000

interface Shared {
  /** Until when Redis is skipped (epoch ms); shared by every route's child store. */
  skipUntil: number
}

class FallbackStore implements Store {
  constructor(
    private readonly remote: Store,
    private readonly local: Store,
    private readonly shared: Shared,
  ) {}

  incr(key: string, cb: Callback, timeWindow: number, max: number) {
    this.run('incr', key, cb, timeWindow, max)
  }

  read(key: string, cb: Callback, timeWindow: number, max: number) {
    this.run('read', key, cb, timeWindow, max)
  }

  child(routeOptions: RouteOptions): Store {
    return new FallbackStore(this.remote.child(routeOptions), this.local.child(routeOptions), this.shared)
  }

  private run(method: 'incr' | 'read', key: string, cb: Callback, timeWindow: number, max: number) {
    if (Date.now() < this.shared.skipUntil) {
      this.local[method](key, cb, timeWindow, max)
      return
    }
    this.remote[method](
      key,
      (error, result) => {
        if (!error) return cb(null, result)
        this.shared.skipUntil = Date.now() + LOCAL_PERIOD_MS
        this.local[method](key, cb, timeWindow, max)
      },
      timeWindow,
      max,
    )
  }
}

/**
 * The `store` option of @fastify/rate-limit. The Redis connection must fail slow commands by
 * itself (ioredis `commandTimeout`, see redis-connections.ts); this store only decides where
 * to count.
 */
export function fallbackRateLimitStore(redis: Redis, nameSpace: string): FastifyRateLimitStoreCtor {
  const shared: Shared = { skipUntil: 0 }
  // The plugin calls `new Store(globalParams)`; a plain function returning the object serves.
  function Store(params: { continueExceeding?: boolean; exponentialBackoff?: boolean }) {
    return new FallbackStore(
      new RedisStore(params.continueExceeding, params.exponentialBackoff, redis, nameSpace),
      new LocalStore(params.continueExceeding, params.exponentialBackoff, 5000),
      shared,
    )
  }
  return Store as unknown as FastifyRateLimitStoreCtor
}
