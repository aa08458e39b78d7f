// The node's two Redis connections: one for commands (publishing, rate-limit counters) and one
// held in subscriber mode. Both reconnect for ever in the background and fail commands at once
// while Redis is away, so a request never waits on Redis: callers degrade instead. A Redis that
// is there but does not answer (stopped, swapping, a blocked script) keeps its socket open, so
// no error comes by itself: every command on the commands connection has a timeout.
import { Redis, type RedisOptions } from 'ioredis'

export interface RedisConnections {
  commands: Redis
  subscriber: Redis
  close(): Promise<void>
}

export type RedisLog = (message: string, error?: unknown) => void

const options: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  connectTimeout: 2_000,
  retryStrategy: (attempt) => Math.min(100 * attempt, 2_000),
}

/** REDIS_COMMAND_TIMEOUT_MS's default: far above a healthy Redis's sub-millisecond answers. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 500

export function openRedis(
  url: string,
  log: RedisLog,
  commandTimeoutMs = DEFAULT_COMMAND_TIMEOUT_MS,
): RedisConnections {
  const commands = new Redis(url, { ...options, commandTimeout: commandTimeoutMs, connectionName: 'sinmun' })
  // The subscriber must queue its SUBSCRIBE until connected, and re-subscribes by itself.
  const subscriber = new Redis(url, { ...options, enableOfflineQueue: true, connectionName: 'sinmun-sub' })
  let down = false
  for (const connection of [commands, subscriber]) {
    // Without a listener ioredis prints every failed reconnect; one line per outage is enough.
    connection.on('error', (error) => {
      if (!down) log('Redis unreachable; continuing per node until it is back', error)
      down = true
    })
    connection.on('ready', () => {
      if (down) log('Redis reachable again')
      down = false
    })
  }
  return {
    commands,
    subscriber,
    async close() {
      await Promise.allSettled([commands.quit(), subscriber.quit()])
      commands.disconnect()
      subscriber.disconnect()
    },
  }
}
