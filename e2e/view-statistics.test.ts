// Counting views as a newsroom trusts them: a reader's reloads count once, crawlers not at all,
// and every view is filed under where the reader came from; the desk reads the figures in the
// newsroom and as CSV. Over HTTP, on every database.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../src/testing/dialects.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar } from './newsroom-fixtures.js'

const PHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'
const CRAWLERS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)',
  'Mozilla/5.0 (compatible; Daum/4.1; +http://cs.daum.net/faq/15/4118.html?faqId=28966)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
]

for (const dialect of await testDialects()) {
  describe(`${dialect}: view statistics`, () => {
    let app: TestApp
    let articleId: number
    let desk: Jar
    let reporter: Jar

    const view = (ip: string, headers: Record<string, string> = {}) =>
      app.http.inject({
        url: `/news/${articleId}`,
        remoteAddress: ip,
        headers: { 'user-agent': PHONE, ...headers },
      })
    const figures = async () => {
      await app.services.views.flush()
      return app.services.viewStats.forArticle(articleId)
    }

    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true, now: '2026-12-06T03:00:00.000Z' })
      articleId = (await app.services.articles.latest(1))[0]!.id
      await createStaff(app, { email: 'desk@example.kr', name: '정데스크', role: 'desk' })
      await createStaff(app, { email: 'reporter@example.kr', name: '윤기자', role: 'reporter' })
      desk = await loginJar(app, 'desk@example.kr')
      reporter = await loginJar(app, 'reporter@example.kr')
    })
    afterAll(() => app.cleanup())

    test('twenty reloads by one reader and twenty crawler visits count as one view', async () => {
      const before = (await figures()).total
      for (let i = 0; i < 20; i++) expect((await view('203.0.113.7')).statusCode).toBe(200)
      for (let i = 0; i < 20; i++) {
        const res = await view(`198.51.100.${i}`, { 'user-agent': CRAWLERS[i % CRAWLERS.length]! })
        expect(res.statusCode).toBe(200)
      }
      // A browser fetching ahead of a click that may never come is not a reader either, nor a
      // script that does not say what it is.
      await view('203.0.113.8', { 'sec-purpose': 'prefetch' })
      await app.http.inject({ url: `/news/${articleId}`, remoteAddress: '203.0.113.9' })
      expect((await figures()).total).toBe(before + 1)
    })

    test('a reader coming back after half an hour counts again', async () => {
      const before = (await figures()).total
      await view('203.0.113.20')
      app.clock.advance(31 * 60_000)
      await view('203.0.113.20')
      expect((await figures()).total).toBe(before + 2)
    })

    test('views are filed by where readers came from', async () => {
      await view('192.0.2.1', { referer: 'https://m.search.naver.com/search.naver?query=%EA%B8%B0%EC%82%AC' })
      await view('192.0.2.2', { referer: 'https://search.daum.net/search?q=%EA%B8%B0%EC%82%AC' })
      await view('192.0.2.3', { referer: 'https://news.google.com/' })
      await view('192.0.2.4', { 'user-agent': `${PHONE} KAKAOTALK 10.9.0` })
      await view('192.0.2.5', { referer: 'http://localhost/' })
      await view('192.0.2.6', { referer: 'https://blog.example.com/post' })
      const bySource = Object.fromEntries((await figures()).bySource.map((s) => [s.source, s.views]))
      expect(bySource).toMatchObject({ naver: 1, daum: 1, google: 1, kakaotalk: 1, internal: 1, other: 1 })
      // The readers of the first tests came with no referrer at all.
      expect(bySource.direct).toBeGreaterThanOrEqual(3)
    })

    test('the desk sees the day’s most read and an article’s sources, and exports them', async () => {
      const top = await app.http.inject({
        url: '/newsroom/stats?day=2026-12-06',
        headers: { cookie: desk.cookie },
      })
      expect(top.statusCode).toBe(200)
      expect(top.body).toContain(`/newsroom/articles/${articleId}/stats`)

      const article = await app.http.inject({
        url: `/newsroom/articles/${articleId}/stats`,
        headers: { cookie: desk.cookie },
      })
      expect(article.statusCode).toBe(200)
      for (const kind of ['네이버', '다음', '구글', '카카오톡', '직접']) expect(article.body).toContain(kind)

      const csv = await app.http.inject({
        url: '/newsroom/stats.csv?from=2026-12-06&to=2026-12-06',
        headers: { cookie: desk.cookie },
      })
      expect(csv.statusCode).toBe(200)
      expect(csv.headers['content-type']).toContain('text/csv')
      expect(csv.headers['content-disposition']).toContain('attachment')
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
      expect(lines[0]).toBe('날짜,기사번호,제목,섹션,유입 경로,조회수')
      expect(lines.some((l) => l.startsWith(`2026-12-06,${articleId},`) && l.includes(',네이버,1'))).toBe(
        true,
      )
    })

    test('an export of more than the allowed period is refused with the reason', async () => {
      const res = await app.http.inject({
        url: '/newsroom/stats.csv?from=2026-01-01&to=2026-12-06',
        headers: { cookie: desk.cookie },
      })
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('기간을 다시 확인해 주세요')
    })

    test('the outlet-wide figures are the desk’s; a reporter may not read another’s article', async () => {
      const outletWide = await app.http.inject({
        url: '/newsroom/stats',
        headers: { cookie: reporter.cookie },
      })
      expect(outletWide.statusCode).toBe(403)
      const csv = await app.http.inject({
        url: '/newsroom/stats.csv?from=2026-12-06&to=2026-12-06',
        headers: { cookie: reporter.cookie },
      })
      expect(csv.statusCode).toBe(403)
      const others = await app.http.inject({
        url: `/newsroom/articles/${articleId}/stats`,
        headers: { cookie: reporter.cookie },
      })
      expect(others.statusCode).toBe(403)
      const anonymous = await app.http.inject({ url: '/newsroom/stats' })
      expect([302, 303, 401]).toContain(anonymous.statusCode)
    })
  })
}
