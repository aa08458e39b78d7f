// Recent keys over a real Redis: two nodes see one reader's visit once; while Redis is away a
// node still answers, from its own memory.
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { openRedis, type RedisConnections } from './redis-connections.js'
import { createRedisRecentKeys } from './redis-recent-keys.js'
import { redisForTests } from './testing/redis-for-tests.js'

const url = await redisForTests()
const opened: RedisConnections[] = []
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()))
})

describe.skipIf(!url)('Redis recent keys', () => {
  it('a key seen on one node is not new on another until it expires', async () => {
    const prefix = `sinmun-test-recent:${randomBytes(4).toString('hex')}:`
    const [a, b] = [openRedis(url!, () => {}), openRedis(url!, () => {})]
    opened.push(a, b)
    // Commands fail at once while a connection is still opening (and fall back to memory).
    for (const c of [a, b])
      if (c.commands.status !== 'ready') await new Promise((r) => c.commands.once('ready', r))
    const options = { prefix, ttlMs: 300, now: () => Date.now() }
    const nodeA = createRedisRecentKeys(a.commands, options)
    const nodeB = createRedisRecentKeys(b.commands, options)
    expect(await nodeA.firstSeen('12:reader')).toBe(true)
    expect(await nodeB.firstSeen('12:reader')).toBe(false)
    expect(await nodeB.firstSeen('13:reader')).toBe(true)
    await new Promise((r) => setTimeout(r, 400))
    expect(await nodeB.firstSeen('12:reader')).toBe(true)
  })

  it('without Redis a node falls back to its own memory', async () => {
    const down = openRedis('redis://127.0.0.1:1', () => {})
    opened.push(down)
    const keys = createRedisRecentKeys(down.commands, { prefix: 'x:', ttlMs: 60_000, now: () => Date.now() })
    expect(await keys.firstSeen('1:reader')).toBe(true)
    expect(await keys.firstSeen('1:reader')).toBe(false)
  })
})
