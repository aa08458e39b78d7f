// The invalidation bus of several nodes: a write is applied to this node's caches at once and
// published on a Redis channel; every other node applies what it hears. While Redis is away
// each node still invalidates its own cache, and when the subscription comes back the node
// drops its whole page cache, since it may have missed messages meanwhile.
import { randomBytes } from 'node:crypto'
import { hostname } from 'node:os'
import { tags as cacheTags, type InvalidationBus, type InvalidationListener } from '../cache/invalidation.js'
import type { RedisConnections, RedisLog } from './redis-connections.js'

export const INVALIDATION_CHANNEL = 'sinmun:invalidate'

export interface RedisBusOptions {
  redis: RedisConnections
  log: RedisLog
  channel?: string
  nodeId?: string
}

interface Message {
  node: string
  tags: string[]
}

const parse = (raw: string): Message | null => {
  try {
    const value = JSON.parse(raw) as Partial<Message>
    return typeof value.node === 'string' && Array.isArray(value.tags)
      ? { node: value.node, tags: value.tags.filter((t): t is string => typeof t === 'string') }
      : null
  } catch {
    return null
  }
}

export function createRedisInvalidationBus(options: RedisBusOptions): InvalidationBus & { nodeId: string } {
  const { redis, log } = options
  const channel = options.channel ?? INVALIDATION_CHANNEL
  const nodeId = options.nodeId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
  const listeners = new Set<InvalidationListener>()
  const deliver = (changed: readonly string[], remote: boolean) => {
    for (const listener of listeners) {
      try {
        listener(changed, { remote })
      } catch (error) {
        log('an invalidation listener failed', error)
      }
    }
  }

  let subscribedOnce = false
  redis.subscriber.on('message', (from: string, raw: string) => {
    if (from !== channel) return
    const message = parse(raw)
    if (message && message.node !== nodeId) deliver(message.tags, true)
  })
  redis.subscriber.on('ready', () => {
    // ioredis re-subscribes after a reconnect; what was published in between is lost to us.
    if (subscribedOnce) deliver([cacheTags.outlet], true)
    subscribedOnce = true
  })
  redis.subscriber.subscribe(channel).catch((error: unknown) => log('Redis subscribe failed', error))

  return {
    nodeId,
    publish(changed) {
      deliver(changed, false)
      const message = JSON.stringify({ node: nodeId, tags: changed })
      redis.commands.publish(channel, message).catch(() => {
        // Redis is away: this node is already invalidated; the others expire by TTL.
      })
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
