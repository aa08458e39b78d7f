// What readers and operators notice when a dependency hangs (process stopped, sockets open, no
// error ever comes): with Redis stopped, comments posted on two nodes are answered within a
// second plus Redis's command timeout and stored once, retries included; with PostgreSQL
// stopped, /readyz says 503 within a second, cached pages are still served, and an uncached
// page is a Korean 503 with Retry-After. Real HTTP, real servers of the test's own, SIGSTOPped.
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp, type Sinmun } from './app.js'
import { loadConfig } from './platform/config.js'
import { READER_SESSION_COOKIE } from './platform/http/cookies.js'
import {
  ownPostgresUnavailable,
  startOwnPostgres,
  startOwnRedis,
} from './platform/ops/testing/throwaway-services.js'
import { DEFAULT_COMMAND_TIMEOUT_MS } from './platform/redis/redis-connections.js'
import { readerWithSession, section, staffMember } from './testing/factories.js'
import { csrfFrom } from './testing/http-client.js'
import { createTestApp, SHARED_TEST_MEDIA } from './testing/test-app.js'

const NO_LIMITS = { COMMENT_RATE_PER_MINUTE: '1000000', COMMENT_IP_RATE_PER_MINUTE: '1000000' }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const cleanups: (() => Promise<void> | void)[] = []
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

async function listen(app: Sinmun): Promise<string> {
  await app.http.listen({ host: '127.0.0.1', port: 0 })
  return `http://127.0.0.1:${(app.http.server.address() as AddressInfo).port}`
}

/** A fetch that gives up after `ms`, as a reader's browser or a script would. */
async function fetchWithin(ms: number, url: string, init: RequestInit = {}) {
  try {
    return await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(ms) })
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return 'no answer' as const
    throw error
  }
}

async function publishedArticle(app: Sinmun): Promise<number> {
  const sectionId = await section(app, 'news', '뉴스')
  const reporterId = await staffMember(app, { email: 'hung@example.kr', name: '기자', role: 'reporter' })
  const id = await app.services.desk.createDraft(
    {
      sectionId,
      headline: '멈춘 서버 시험 기사',
      body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }] },
      reporterIds: [reporterId],
    },
    null,
  )
  await app.services.desk.publishArticle(id)
  return id
}

describe('Redis stopped (SIGSTOP) for 5 s while comments are posted on two nodes', () => {
  it('answers every post within a second plus the Redis timeout and stores each comment once', async () => {
    const redis = await startOwnRedis()
    cleanups.push(() => redis.stop())
    const first = await createTestApp({
      env: { REDIS_URL: redis.url, PUBLIC_URL: 'http://localhost', ...NO_LIMITS },
    })
    cleanups.push(() => first.cleanup())
    // A second node: same database file, same Redis, same secrets.
    const second = await buildApp(first.config, { logger: false, clock: first.clock })
    cleanups.push(() => second.close())
    const id = await publishedArticle(first)
    const nodes = [await listen(first), await listen(second)]

    const writers = await Promise.all(
      [0, 1, 2, 3].map(async (n) => {
        const token = await first.sessions.create('reader', await readerWithSession(first, `독자${n}`))
        const cookie = `${READER_SESSION_COOKIE}=${first.http.signCookie(token)}`
        const node = nodes[n % 2]!
        const page = await fetch(`${node}/news/${id}`, { headers: { cookie } })
        const csrfCookie = page.headers.getSetCookie().map((c) => c.split(';')[0])
        return { node, cookie: [cookie, ...csrfCookie].join('; '), csrf: csrfFrom(await page.text()) }
      }),
    )

    const deadline = 1_000 + DEFAULT_COMMAND_TIMEOUT_MS
    const late: string[] = []
    const acknowledged: string[] = []
    let running = true
    const loops = writers.map(async (writer, w) => {
      for (let n = 0; running; n++) {
        const body = `멈춘 레디스 댓글 w${w} n${n}`
        const form = new URLSearchParams({ _csrf: writer.csrf, body, clientKey: `hung-redis-${w}-${n}-key` })
        // A post without an answer in time is sent again with the same key, as a reader would.
        for (let attempt = 0; attempt < 5; attempt++) {
          const answer = await fetchWithin(deadline, `${writer.node}/news/${id}/comments`, {
            method: 'POST',
            headers: {
              cookie: writer.cookie,
              accept: 'application/json',
              'content-type': 'application/x-www-form-urlencoded',
            },
            body: form.toString(),
          })
          if (answer === 'no answer') late.push(body)
          else if (answer.status === 200) {
            acknowledged.push(body)
            break
          }
        }
      }
    })

    await sleep(1_500)
    redis.pause()
    await sleep(5_000)
    redis.resume()
    await sleep(1_500)
    running = false
    await Promise.all(loops)

    expect(late).toEqual([])
    expect(acknowledged.length).toBeGreaterThan(20)
    const rows = await first.db.kysely
      .selectFrom('comments')
      .select((eb) => ['body', eb.fn.countAll<number>().as('copies')])
      .where('articleId', '=', id)
      .groupBy('body')
      .execute()
    expect(rows.filter((r) => Number(r.copies) !== 1)).toEqual([])
    const stored = new Set(rows.map((r) => r.body))
    expect(acknowledged.filter((body) => !stored.has(body))).toEqual([])
  })
})

const pgUnavailable = ownPostgresUnavailable()
if (pgUnavailable && process.env.CI)
  throw new Error(`hung PostgreSQL test needs a throwaway one: ${pgUnavailable}`)
if (pgUnavailable) console.warn(`Skipping the hung PostgreSQL test: ${pgUnavailable}`)

describe.skipIf(pgUnavailable !== null)('PostgreSQL stopped (SIGSTOP)', () => {
  it('/readyz says 503 within a second, cached pages are served, uncached ones are a Korean 503', async () => {
    const postgres = await startOwnPostgres()
    cleanups.push(() => postgres.destroy())
    const dataDir = mkdtempSync(join(tmpdir(), 'sinmun-pghung-'))
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const config = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      MEDIA_DIR: SHARED_TEST_MEDIA,
      DATABASE_URL: postgres.url,
      PUBLIC_URL: 'http://localhost',
      DATABASE_STATEMENT_TIMEOUT_MS: '1000',
    })
    const app = await buildApp(config, { logger: false })
    let paused = false
    cleanups.push(async () => {
      if (paused) postgres.resume()
      await app.close()
    })
    const id = await publishedArticle(app)
    const base = await listen(app)
    expect((await fetch(`${base}/readyz`)).status).toBe(200)
    expect((await fetch(`${base}/news/${id}`)).status).toBe(200)
    expect((await fetch(`${base}/news/${id}`)).headers.get('x-cache')).toBe('hit')

    postgres.pause()
    paused = true
    const ready = await fetchWithin(1_000, `${base}/readyz`)
    expect(ready === 'no answer' ? ready : ready.status).toBe(503)
    const cached = await fetchWithin(1_000, `${base}/news/${id}`)
    expect(cached === 'no answer' ? cached : cached.status).toBe(200)
    // Not in the cache: waits at most the statement timeout plus the client's margin.
    const uncached = await fetchWithin(10_000, `${base}/search?q=${encodeURIComponent('시험')}`, {
      headers: { accept: 'text/html' },
    })
    if (uncached === 'no answer') throw new Error('an uncached page waited on the hung database')
    expect(uncached.status).toBe(503)
    expect(Number(uncached.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await uncached.text()).toContain('잠시 후 다시 시도해 주세요')

    postgres.resume()
    paused = false
    let back = 0
    for (let i = 0; i < 50 && back !== 200; i++) {
      back = (await fetch(`${base}/readyz`)).status
      if (back !== 200) await sleep(200)
    }
    expect(back).toBe(200)
  })
})
