// Two app nodes on one PostgreSQL schema and one Redis, as behind a load balancer: a
// correction made through node A is served by node B within a second, a comment posted on A
// shows on B, a reader logged in on A is logged in on B, and rate limits count across nodes.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, type Sinmun } from '../src/app.js'
import { loginWithDemo } from '../src/modules/comments/testing/demo-login.js'
import { seedDemo } from '../src/modules/demo/index.js'
import { type Config, loadConfig } from '../src/platform/config.js'
import { READER_SESSION_COOKIE } from '../src/platform/http/cookies.js'
import { redisForTests } from '../src/platform/redis/testing/redis-for-tests.js'
import { TEST_POSTGRES_URL, testDialects } from '../src/testing/dialects.js'
import { readerWithSession } from '../src/testing/factories.js'
import { csrfFrom, TestBrowser } from '../src/testing/http-client.js'
import { SHARED_TEST_MEDIA } from '../src/testing/test-app.js'

const redisUrl = await redisForTests()
const postgres = (await testDialects()).includes('postgres')
const WITHIN_MS = 1_000

async function withPg(query: string) {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    await client.query(query)
  } finally {
    await client.end()
  }
}

/** Polls until `check` holds; fails when it still does not at the deadline. */
async function within<T>(ms: number, what: string, probe: () => Promise<T>, check: (value: T) => boolean) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (check(value)) return value
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

describe.skipIf(!redisUrl || !postgres)('two nodes on PostgreSQL and Redis', () => {
  const schema = `t_multi_${randomBytes(5).toString('hex')}`
  const dirs: string[] = []
  let a: Sinmun
  let b: Sinmun
  let articleId: number

  const nodeConfig = (): Config => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sinmun-node-'))
    dirs.push(dataDir)
    const base = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      MEDIA_DIR: SHARED_TEST_MEDIA,
      PUBLIC_URL: 'http://localhost',
      REDIS_URL: redisUrl!,
      SESSION_SECRET: 'the-same-secret-on-every-node-of-this-site',
      COMMENT_RATE_PER_MINUTE: '3',
    })
    return { ...base, database: { kind: 'postgres', url: TEST_POSTGRES_URL, schema } }
  }

  beforeAll(async () => {
    await withPg(`create schema ${schema}`)
    a = await buildApp(nodeConfig(), { logger: false })
    await seedDemo(a.services.seeding, { adminPassword: 'multi-node-admin' })
    b = await buildApp(nodeConfig(), { logger: false })
    const row = await a.db.kysely
      .selectFrom('articles')
      .select('id')
      .where('status', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    articleId = row.id
  })

  afterAll(async () => {
    await a?.close()
    await b?.close()
    await withPg(`drop schema if exists ${schema} cascade`)
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  const anonymousOnB = () => b.http.inject({ method: 'GET', url: `/news/${articleId}` })

  it('serves on node B, within a second, an article corrected through node A', async () => {
    // Node B has the page in its cache: only an invalidation from A can change what it serves.
    await anonymousOnB()
    expect((await anonymousOnB()).headers['x-cache']).toBe('hit')

    const row = await a.db.kysely
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow()
    const reporters = await a.db.kysely
      .selectFrom('articleReporters')
      .select('staffId')
      .where('articleId', '=', articleId)
      .orderBy('position')
      .execute()
    const corrected = `${row.headline} (정정)`
    await a.services.desk.updateArticle(
      articleId,
      {
        sectionId: row.sectionId,
        headline: corrected,
        subheadline: row.subheadline,
        body: JSON.parse(row.body),
        leadPhotoId: row.leadPhotoId,
        reporterIds: reporters.map((r) => r.staffId),
      },
      '제목의 오류를 바로잡았습니다.',
    )
    const page = await within(WITHIN_MS, 'node B serving the correction', anonymousOnB, (p) =>
      p.body.includes(corrected),
    )
    expect(page.body).toContain('제목의 오류를 바로잡았습니다.')
  })

  it('shows on node B a comment posted on node A, and keeps the reader logged in on B', async () => {
    await anonymousOnB()
    const onA = new TestBrowser(a.http)
    await loginWithDemo(onA, '두노드독자', `/news/${articleId}`)
    const form = await onA.get(`/news/${articleId}`)
    expect(form.body).toContain('두노드독자님')
    const posted = await onA.post(`/news/${articleId}/comments`, {
      _csrf: csrfFrom(form.body),
      body: '노드 A에서 쓴 댓글입니다.',
    })
    expect(posted.status).toBe(303)

    await within(WITHIN_MS, 'the comment on node B', anonymousOnB, (p) =>
      p.body.includes('노드 A에서 쓴 댓글입니다.'),
    )

    // The same browser, its cookies now sent to node B.
    const onB = new TestBrowser(b.http)
    for (const [name, value] of onA.cookies) onB.cookies.set(name, value)
    const pageOnB = await onB.get(`/news/${articleId}`)
    expect(pageOnB.body).toContain('두노드독자님')
    const reply = await onB.post(`/news/${articleId}/comments`, {
      _csrf: csrfFrom(pageOnB.body),
      body: '노드 B에서 이어 쓴 댓글입니다.',
    })
    expect(reply.status).toBe(303)
    const authors = await a.db.kysely
      .selectFrom('comments')
      .innerJoin('readers', 'readers.id', 'comments.readerId')
      .select(['comments.body', 'readers.displayName'])
      .where('comments.articleId', '=', articleId)
      .where('readers.displayName', '=', '두노드독자')
      .orderBy('comments.id')
      .execute()
    expect(authors.map((c) => c.body)).toEqual([
      '노드 A에서 쓴 댓글입니다.',
      '노드 B에서 이어 쓴 댓글입니다.',
    ])
  })

  it("counts a reader's comments against one limit on both nodes", async () => {
    const readerId = await readerWithSession(a, '빠른독자')
    const cookie = a.http.signCookie(await a.sessions.create('reader', readerId))
    const browsers = [a, b].map((node) => {
      const browser = new TestBrowser(node.http)
      browser.cookies.set(READER_SESSION_COOKIE, cookie)
      return browser
    })
    const statuses: number[] = []
    // Three a minute for this reader: A, B, A are accepted, the fourth (on B) is refused.
    for (const browser of [browsers[0]!, browsers[1]!, browsers[0]!, browsers[1]!]) {
      const form = await browser.get(`/news/${articleId}`)
      const answer = await browser.post(
        `/news/${articleId}/comments`,
        { _csrf: csrfFrom(form.body), body: `한도 시험 ${statuses.length}` },
        { accept: 'application/json' },
      )
      statuses.push(answer.status)
    }
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})
