// The invalidation bus over a real Redis: what one node publishes reaches the other, a node
// never applies its own message twice, and with Redis away publishing still works locally.
import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { openRedis, type RedisConnections } from './redis-connections.js'
import { createRedisInvalidationBus } from './redis-invalidation-bus.js'
import { redisForTests } from './testing/redis-for-tests.js'

const url = await redisForTests()
const opened: RedisConnections[] = []
const open = (u: string) => {
  const connections = openRedis(u, () => {})
  opened.push(connections)
  return connections
}
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()))
})

async function until(check: () => boolean, what: string, ms = 5_000) {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe.skipIf(!url)('Redis invalidation bus', () => {
  it('delivers a publish to the other node once, and to itself at once', async () => {
    const channel = `sinmun:test:${randomBytes(4).toString('hex')}`
    const a = createRedisInvalidationBus({ redis: open(url!), log: () => {}, channel })
    const b = createRedisInvalidationBus({ redis: open(url!), log: () => {}, channel })
    const heardA: string[][] = []
    const heardB: string[][] = []
    const originsB: boolean[] = []
    a.subscribe((t) => heardA.push([...t]))
    b.subscribe((t, origin) => {
      heardB.push([...t])
      originsB.push(origin?.remote === true)
    })
    // Both subscriptions must be in place before the first publish.
    await until(() => opened.every((c) => c.subscriber.status === 'ready'), 'subscriptions')
    await new Promise((r) => setTimeout(r, 100))

    a.publish(['article:1', 'home'])
    expect(heardA).toEqual([['article:1', 'home']])
    await until(() => heardB.length === 1, 'node B to hear node A')
    expect(heardB).toEqual([['article:1', 'home']])
    b.publish(['section:2'])
    await until(() => heardA.length === 2, 'node A to hear node B')
    await new Promise((r) => setTimeout(r, 200))
    expect(heardA).toEqual([['article:1', 'home'], ['section:2']])
    expect(heardB).toEqual([['article:1', 'home'], ['section:2']])
    // What came from node A is marked remote on node B; B's own publish is local.
    expect(originsB).toEqual([true, false])
  })

  it('still invalidates locally when Redis cannot be reached', () => {
    const bus = createRedisInvalidationBus({ redis: open('redis://127.0.0.1:1'), log: () => {} })
    const heard: string[][] = []
    bus.subscribe((t) => heard.push([...t]))
    expect(() => bus.publish(['article:9'])).not.toThrow()
    expect(heard).toEqual([['article:9']])
  })
})
