import Fastify, { type FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { disabledPageCache } from '../../platform/cache/page-cache.js'
import { pageCachePlugin } from '../../platform/http/page-cache-plugin.js'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { demoArticles } from '../demo/index.js'
import { syndicationRoutes } from './syndication.routes.js'
import { fetchAbsolute, get, parseXml, sameSecond, W3C_DATETIME } from './syndication.testkit.js'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'
const HOUR = 3_600_000

interface UrlEntry {
  loc: string
  lastmod?: string
  'image:image'?: { 'image:loc': string }
  'news:news'?: {
    'news:publication': { 'news:name': string; 'news:language': string }
    'news:publication_date': string
    'news:title': string
  }
}

const sitemapLocs = (xml: string) => {
  const index = parseXml(xml, ['sitemap']).sitemapindex
  expect(index['@_xmlns']).toBe(SITEMAP_NS)
  return (index.sitemap as { loc: string }[]).map((s) => s.loc)
}

/** Reads a URL set from the app under test, or from another instance serving the same site. */
async function readUrlset(app: TestApp | { server: FastifyInstance; publicUrl: string }, url: string) {
  const res =
    'server' in app
      ? await app.server.inject({ method: 'GET', url: url.slice(app.publicUrl.length) })
      : await fetchAbsolute(app, url)
  expect(res.statusCode).toBe(200)
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
  const urlset = parseXml(res.body, ['url']).urlset
  expect(urlset['@_xmlns']).toBe(SITEMAP_NS)
  return { urlset, urls: (urlset.url ?? []) as UrlEntry[] }
}

/** Demo headlines published within the 48 hours before `now`, from the demo content itself. */
function demoHeadlinesSince(now: Date) {
  const since = now.getTime() - 48 * HOUR
  const seededAt = Date.parse('2025-02-05T03:00:00.000Z')
  return demoArticles
    .filter((a) => (a.publishedAt ? Date.parse(a.publishedAt) : seededAt - a.hoursAgo * HOUR) >= since)
    .map((a) => a.headline)
    .sort()
}

for (const dialect of await testDialects()) {
  describe(`${dialect}: sitemaps and robots.txt`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    })
    afterAll(() => app.cleanup())

    const publishedArticles = () =>
      app.db.kysely
        .selectFrom('articles')
        .select(['id', 'publishedAt', 'modifiedAt'])
        .where('status', '=', 'published')
        .execute()

    test('robots.txt names the sitemap index and keeps crawlers out of the newsroom and comments', async () => {
      const res = await get(app, '/robots.txt')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8')
      const lines = res.body.split('\n')
      expect(lines).toContain('User-agent: *')
      expect(lines).toContain('Disallow: /newsroom/')
      expect(lines).toContain('Disallow: /comments/')
      expect(lines.some((l) => /^Disallow: \/search/.test(l))).toBe(false)
      const sitemap = lines.find((l) => l.startsWith('Sitemap: '))!.slice('Sitemap: '.length)
      expect(sitemap).toBe(`${app.config.publicUrl}/sitemap.xml`)
      expect((await fetchAbsolute(app, sitemap)).statusCode).toBe(200)
    })

    test('the sitemap index points at sections, news and article sitemaps, all answering', async () => {
      const res = await get(app, '/sitemap.xml')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
      const locs = sitemapLocs(res.body)
      const base = app.config.publicUrl
      expect(locs).toEqual([
        `${base}/sitemaps/sections.xml`,
        `${base}/sitemaps/news.xml`,
        `${base}/sitemaps/articles-1.xml`,
      ])
      for (const loc of locs) await readUrlset(app, loc)
      expect((await get(app, '/sitemaps/articles-2.xml')).statusCode).toBe(404)
      expect((await get(app, '/sitemaps/articles-0.xml')).statusCode).toBe(404)
      expect((await get(app, '/sitemaps/other.xml')).statusCode).toBe(404)
    })

    test('the article sitemap lists every published article once, with lastmod and lead photo', async () => {
      const { urlset, urls } = await readUrlset(app, `${app.config.publicUrl}/sitemaps/articles-1.xml`)
      expect(urlset['@_xmlns:image']).toBe(IMAGE_NS)
      expect(urls.length).toBeLessThanOrEqual(50_000)
      const articles = await publishedArticles()
      const byLoc = new Map(articles.map((a) => [`${app.config.publicUrl}/news/${a.id}`, a]))
      expect(urls.map((u) => u.loc).sort()).toEqual([...byLoc.keys()].sort())
      for (const url of urls) {
        const article = byLoc.get(url.loc)!
        expect(url.lastmod).toMatch(W3C_DATETIME)
        expect(sameSecond(url.lastmod!, article.modifiedAt ?? article.publishedAt!)).toBe(true)
        expect((await fetchAbsolute(app, url.loc)).statusCode).toBe(200)
        const image = await fetchAbsolute(app, url['image:image']!['image:loc'])
        expect(image.statusCode).toBe(200)
        expect(image.headers['content-type']).toBe('image/jpeg')
      }
    })

    test('the sections sitemap lists the home, every section and every static page', async () => {
      const { urls } = await readUrlset(app, `${app.config.publicUrl}/sitemaps/sections.xml`)
      const locs = urls.map((u) => u.loc)
      const base = app.config.publicUrl
      expect(locs).toContain(`${base}/`)
      for (const section of await app.services.articles.sections())
        expect(locs).toContain(`${base}/section/${section.slug}`)
      expect(locs).toContain(`${base}/page/privacy`)
      expect(locs).toContain(`${base}/page/youth-policy`)
      for (const url of urls) {
        if (url.lastmod) expect(url.lastmod).toMatch(W3C_DATETIME)
        expect((await fetchAbsolute(app, url.loc)).statusCode).toBe(200)
      }
    })

    test('the Google News sitemap holds exactly the articles of the last 48 hours', async () => {
      const { urlset, urls } = await readUrlset(app, `${app.config.publicUrl}/sitemaps/news.xml`)
      expect(urlset['@_xmlns:news']).toBe(NEWS_NS)
      const expected = demoHeadlinesSince(app.clock.now())
      // The Stargate reports of 4 February 2025 are inside the window, the older news is not.
      expect(expected.some((h) => h.includes('스타게이트'))).toBe(true)
      expect(expected.length).toBeLessThan(demoArticles.length)
      expect(urls.map((u) => u['news:news']!['news:title']).sort()).toEqual(expected)
      const articles = new Map(
        (await publishedArticles()).map((a) => [`${app.config.publicUrl}/news/${a.id}`, a]),
      )
      for (const url of urls) {
        const news = url['news:news']!
        expect(news['news:publication']).toEqual({ 'news:name': '신문일보', 'news:language': 'ko' })
        expect(news['news:publication_date']).toMatch(W3C_DATETIME)
        expect(sameSecond(news['news:publication_date'], articles.get(url.loc)!.publishedAt!)).toBe(true)
        expect((await fetchAbsolute(app, url.loc)).statusCode).toBe(200)
      }

      // An hour later the article published exactly 48 hours before the seed has left the window.
      app.clock.advance(HOUR)
      app.pageCache.clear()
      const later = await readUrlset(app, `${app.config.publicUrl}/sitemaps/news.xml`)
      const laterExpected = demoHeadlinesSince(app.clock.now())
      expect(laterExpected.length).toBeLessThan(expected.length)
      expect(later.urls.map((u) => u['news:news']!['news:title']).sort()).toEqual(laterExpected)
      app.clock.advance(-HOUR)
      app.pageCache.clear()
    })

    test('a newly published article is in the sitemaps at once; a withdrawn one leaves them', async () => {
      const base = app.config.publicUrl
      const before = await readUrlset(app, `${base}/sitemaps/articles-1.xml`)
      expect((await get(app, '/sitemaps/articles-1.xml')).headers['x-cache']).toBe('hit')
      const section = (await app.services.articles.sections())[0]!
      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'reporter')
        .executeTakeFirstOrThrow()
      const id = await app.services.desk.createDraft(
        {
          sectionId: section.id,
          headline: '사이트맵 즉시 반영 확인',
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }] },
          reporterIds: [reporter.id],
        },
        null,
      )
      await app.services.desk.publishArticle(id)
      const loc = `${base}/news/${id}`
      const after = await readUrlset(app, `${base}/sitemaps/articles-1.xml`)
      expect(after.urls.map((u) => u.loc)).toContain(loc)
      expect(after.urls).toHaveLength(before.urls.length + 1)
      const news = await readUrlset(app, `${base}/sitemaps/news.xml`)
      expect(news.urls.map((u) => u.loc)).toContain(loc)

      await app.services.desk.withdrawArticle(id, '시험용 기사 삭제')
      const withdrawn = await readUrlset(app, `${base}/sitemaps/articles-1.xml`)
      expect(withdrawn.urls.map((u) => u.loc)).not.toContain(loc)
      expect((await readUrlset(app, `${base}/sitemaps/news.xml`)).urls.map((u) => u.loc)).not.toContain(loc)
    })

    describe('with 10 URLs per article sitemap', () => {
      let small: FastifyInstance
      beforeAll(async () => {
        small = Fastify()
        await small.register(pageCachePlugin, { cache: disabledPageCache })
        const outlet = await app.services.outlet.getOutlet()
        await small.register(
          syndicationRoutes({
            articles: app.services.published,
            sections: app.services.articles.sections,
            pages: app.services.pages,
            site: async () => ({
              outlet,
              sections: await app.services.articles.sections(),
              publicUrl: app.config.publicUrl,
              assets: { css: '', articleJs: '', siteJs: '', fontCss: '' },
              kakaoJsKey: null,
              today: '',
            }),
            clock: app.clock,
            mediaDir: app.config.mediaDir,
            urlsPerSitemap: 10,
          }),
        )
      })
      afterAll(() => small.close())

      test('the index lists one file per 10 articles and each article appears exactly once', async () => {
        const articles = await publishedArticles()
        const files = Math.ceil(articles.length / 10)
        expect(files).toBeGreaterThan(3)
        const locs = sitemapLocs((await small.inject({ method: 'GET', url: '/sitemap.xml' })).body)
        const articleFiles = locs.filter((l) => /\/sitemaps\/articles-\d+\.xml$/.test(l))
        expect(articleFiles).toEqual(
          Array.from({ length: files }, (_, i) => `${app.config.publicUrl}/sitemaps/articles-${i + 1}.xml`),
        )
        const seen: string[] = []
        for (const file of articleFiles) {
          const { urls } = await readUrlset({ server: small, publicUrl: app.config.publicUrl }, file)
          expect(urls.length).toBeGreaterThan(0)
          expect(urls.length).toBeLessThanOrEqual(10)
          seen.push(...urls.map((u) => u.loc))
        }
        expect(seen).toHaveLength(articles.length)
        expect(seen.sort()).toEqual(articles.map((a) => `${app.config.publicUrl}/news/${a.id}`).sort())
        const beyond = await small.inject({ method: 'GET', url: `/sitemaps/articles-${files + 1}.xml` })
        expect(beyond.statusCode).toBe(404)
      })
    })
  })
}
