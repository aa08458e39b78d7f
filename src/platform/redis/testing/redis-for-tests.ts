// The Redis the tests use: 127.0.0.1:6379 (TEST_REDIS_URL to change it). Under CI it must be
// there; elsewhere the Redis tests are skipped with the reason printed.
import { Redis } from 'ioredis'

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

let probe: Promise<string | null> | undefined

export function redisForTests(): Promise<string | null> {
  probe ??= (async () => {
    const client = new Redis(TEST_REDIS_URL, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    })
    client.on('error', () => {})
    try {
      await client.connect()
      await client.ping()
      return TEST_REDIS_URL
    } catch (error) {
      if (process.env.CI) throw new Error(`Redis is required under CI (${TEST_REDIS_URL})`, { cause: error })
      console.warn(`Skipping Redis tests: cannot reach ${TEST_REDIS_URL} (${(error as Error).message})`)
      return null
    } finally {
      client.disconnect()
    }
  })()
  return probe
}
