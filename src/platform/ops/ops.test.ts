// Operations endpoints as a load balancer, Prometheus and a CDN see them.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_POSTGRES_URL, testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

for (const dialect of await testDialects()) {
  describe(`health, readiness and metrics (${dialect})`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    })
    afterAll(() => app?.cleanup())
    const get = (url: string, headers: Record<string, string> = {}) =>
      app.http.inject({ method: 'GET', url, headers })

    it('answers /healthz and /readyz when the database is migrated', async () => {
      expect((await get('/healthz')).json()).toEqual({ status: 'ok' })
      const ready = await get('/readyz')
      expect(ready.statusCode).toBe(200)
      expect(ready.json()).toEqual({ status: 'ready' })
    })

    it('is not ready while a migration is missing', async () => {
      const last = await sql<{ name: string; timestamp: string }>`
        select name, timestamp from kysely_migration order by name desc limit 1`.execute(app.db.kysely)
      const row = last.rows[0]!
      await sql`delete from kysely_migration where name = ${row.name}`.execute(app.db.kysely)
      try {
        const response = await get('/readyz')
        expect(response.statusCode).toBe(503)
        expect(response.json().reason).toContain(row.name)
      } finally {
        await sql`insert into kysely_migration (name, timestamp) values (${row.name}, ${row.timestamp})`.execute(
          app.db.kysely,
        )
      }
      expect((await get('/readyz')).statusCode).toBe(200)
    })

    it('counts requests by route, cache hits and misses, and database time', async () => {
      const article = await app.db.kysely.selectFrom('articles').select('id').executeTakeFirstOrThrow()
      await get(`/news/${article.id}`)
      await get(`/news/${article.id}`)
      await get('/no-such-page')
      const metrics = await get('/metrics')
      expect(metrics.statusCode).toBe(200)
      expect(metrics.headers['content-type']).toContain('text/plain')
      const text = metrics.body
      expect(text).toMatch(/sinmun_http_requests_total\{method="GET",route="\/news\/:id",status="200"\} 2/)
      expect(text).toMatch(/sinmun_http_requests_total\{method="GET",route="unmatched",status="404"\} 1/)
      expect(text).toMatch(/sinmun_http_request_duration_seconds_count\{method="GET",route="\/news\/:id"\} 2/)
      expect(text).toMatch(/sinmun_page_cache_requests_total\{result="hit"\} [1-9]/)
      expect(text).toMatch(/sinmun_page_cache_requests_total\{result="miss"\} [1-9]/)
      const queries = text.match(/sinmun_db_query_duration_seconds_count\{outcome="ok"\} (\d+)/)
      expect(Number(queries?.[1])).toBeGreaterThan(0)
    })

    it('returns the request id it was given, or a new one', async () => {
      const given = await get('/healthz', { 'x-request-id': 'lb-7f3a.42' })
      expect(given.headers['x-request-id']).toBe('lb-7f3a.42')
      const made = await get('/healthz', { 'x-request-id': 'bad id with spaces' })
      expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    })
  })
}

describe('CDN cache headers', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await createTestApp({ seed: true, env: { CDN_MAX_AGE: '30' } })
  })
  afterAll(() => app?.cleanup())

  it('lets a CDN keep anonymous pages and names their purge keys', async () => {
    const article = await app.db.kysely.selectFrom('articles').select('id').executeTakeFirstOrThrow()
    for (const round of ['miss', 'hit']) {
      const page = await app.http.inject({ method: 'GET', url: `/news/${article.id}` })
      expect(page.headers['x-cache']).toBe(round)
      expect(page.headers['cache-control']).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30')
      expect(String(page.headers['surrogate-key']).split(' ')).toContain(`article:${article.id}`)
      expect(String(page.headers['cache-tag']).split(',')).toContain(`article:${article.id}`)
    }
  })

  it('never lets a CDN keep a page for someone logged in', async () => {
    const article = await app.db.kysely.selectFrom('articles').select('id').executeTakeFirstOrThrow()
    const page = await app.http.inject({
      method: 'GET',
      url: `/news/${article.id}`,
      headers: { cookie: 'sid=abc' },
    })
    expect(page.headers['cache-control']).toBe('private, no-store')
    expect(page.headers['surrogate-key']).toBeUndefined()
  })
})

const postgresHere = (await testDialects()).includes('postgres')
describe.skipIf(!postgresHere)('a PostgreSQL read replica (DATABASE_READ_URL)', () => {
  let app: TestApp
  const applicationName = `sinmun_replica_${process.pid}`
  beforeAll(async () => {
    app = await createTestApp({
      dialect: 'postgres',
      seed: true,
      env: { DATABASE_READ_URL: `${TEST_POSTGRES_URL}?application_name=${applicationName}` },
    })
  })
  afterAll(() => app?.cleanup())

  it('serves the reader pages through the replica connection', async () => {
    const article = await app.db.kysely.selectFrom('articles').select('id').executeTakeFirstOrThrow()
    const page = await app.http.inject({ method: 'GET', url: `/news/${article.id}` })
    expect(page.statusCode).toBe(200)
    const replicaConnections = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity where application_name = ${applicationName}`.execute(
      app.db.kysely,
    )
    expect(replicaConnections.rows[0]?.n).toBeGreaterThan(0)
  })
})
