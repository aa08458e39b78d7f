// How the ndsoft importer behaves as a guest on someone's site, and with pages it does not
// understand: one request at a time, robots.txt obeyed, a page in another markup refused
// whole (nothing half-imported), and a failed page retried alone. Also the saved-copy mode.
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fixtureDir } from '../../../testing/fixtures.js'
import { createTestApp, type TestApp } from '../../../testing/test-app.js'
import { importNdsoft } from './ndsoft-import.js'
import { parseRobots } from './robots.js'
import { directorySiteReader, httpSiteReader, savedFileFor, USER_AGENT } from './site-reader.js'

const FIXTURE = fixtureDir('ndsoft')
const articleCount = (JSON.parse(readFileSync(`${FIXTURE}expected.json`, 'utf8')) as { articles: unknown[] })
  .articles.length

/** The fixture site, plus a robots.txt, one article page in a markup we do not know, and a log. */
function site() {
  const state = {
    inFlight: 0,
    mostAtOnce: 0,
    requested: [] as string[],
    agents: new Set<string>(),
    broken: true,
  }
  const server = createServer((req, res) => {
    state.inFlight += 1
    state.mostAtOnce = Math.max(state.mostAtOnce, state.inFlight)
    state.requested.push(req.url ?? '')
    state.agents.add(req.headers['user-agent'] ?? '')
    const finish = () => {
      state.inFlight -= 1
    }
    res.on('finish', finish)
    // Answer a little later, so overlapping requests would be seen.
    setTimeout(() => {
      if (req.url === '/robots.txt') {
        res.writeHead(200, { 'content-type': 'text/plain' })
        return res.end('User-agent: *\nDisallow: /news/articleView.html?idxno=1004\n')
      }
      if (state.broken && req.url === '/news/articleView.html?idxno=1006') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end('<html><body><h1>다른 스킨</h1><div class="content"><p>본문</p></div></body></html>')
      }
      const file = savedFileFor(req.url ?? '/')
      const path = file ? join(FIXTURE, file) : ''
      if (!file || !existsSync(path)) {
        res.writeHead(404)
        return res.end()
      }
      res.writeHead(200, {
        'content-type': path.endsWith('.jpg') ? 'image/jpeg' : 'text/html; charset=utf-8',
      })
      createReadStream(path).pipe(res)
    }, 2)
  })
  return { server, state }
}

describe('ndsoft import as a polite guest', () => {
  let app: TestApp
  let fake: ReturnType<typeof site>
  beforeAll(async () => {
    app = await createTestApp({ now: '2026-12-01T00:00:00.000Z' })
    fake = site()
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve))
  })
  afterAll(async () => {
    fake.server.close()
    await app.cleanup()
  })
  const base = () => `http://127.0.0.1:${(fake.server.address() as { port: number }).port}`

  it('asks one thing at a time, obeys robots.txt, refuses a page it cannot read whole, and retries it alone', async () => {
    const summary = await importNdsoft(app.services.importing, await httpSiteReader(base(), { delayMs: 0 }))
    expect(fake.state.mostAtOnce).toBe(1)
    expect([...fake.state.agents]).toEqual([USER_AGENT])
    expect(fake.state.requested).not.toContain('/news/articleView.html?idxno=1004')
    expect(summary.failed.map((f) => f.idxno).sort()).toEqual([1004, 1006])
    expect(summary.failed.find((f) => f.idxno === 1006)?.reason).toContain('headline')
    expect(summary.created.article).toBe(articleCount - 2)
    const broken = await app.db.kysely
      .selectFrom('articles')
      .select('id')
      .where('headline', '=', '다른 스킨')
      .execute()
    expect(broken).toEqual([])
    // The old address of a page not imported is not redirected anywhere.
    expect(
      (await app.http.inject({ method: 'GET', url: '/news/articleView.html?idxno=1006' })).statusCode,
    ).toBe(404)

    fake.state.broken = false
    const retry = await importNdsoft(app.services.importing, await httpSiteReader(base(), { delayMs: 0 }), {
      only: [1006],
    })
    expect(retry.created.article).toBe(1)
    expect(retry.failed).toEqual([])
    expect(
      (await app.http.inject({ method: 'GET', url: '/news/articleView.html?idxno=1006' })).statusCode,
    ).toBe(301)
  })
})

describe('ndsoft import from a saved copy (--from-dir)', () => {
  it('imports the same site from its files', async () => {
    const app = await createTestApp({ now: '2026-12-01T00:00:00.000Z' })
    try {
      const summary = await importNdsoft(
        app.services.importing,
        directorySiteReader(FIXTURE, 'https://www.daonilbo.example'),
      )
      expect(summary.created.article).toBe(articleCount)
      expect(summary.failed).toEqual([])
    } finally {
      await app.cleanup()
    }
  })
})

describe('robots.txt', () => {
  it('applies the longest matching rule of the group for us or for everyone', () => {
    const rules = parseRobots(
      'User-agent: other\nDisallow: /\n\nUser-agent: *\nDisallow: /news/\nAllow: /news/articleView.html\nCrawl-delay: 3\n',
      USER_AGENT,
    )
    expect(rules.allows('/news/articleList.html?view_type=sm')).toBe(false)
    expect(rules.allows('/news/articleView.html?idxno=1')).toBe(true)
    expect(rules.allows('/rss/allArticle.xml')).toBe(true)
    expect(rules.crawlDelay).toBe(3)
    expect(parseRobots(null, USER_AGENT).allows('/anything')).toBe(true)
  })
})
