import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { documentText, readDocument } from '../articles/index.js'
import { fetchAbsolute, get, parseXml } from './syndication.testkit.js'

const RFC822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|[+-]\d{4})$/

const NAMESPACES = {
  '@_xmlns:content': 'http://purl.org/rss/1.0/modules/content/',
  '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
  '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
}

/** The text a reader sees in an HTML fragment: tags dropped, entities decoded, spaces folded. */
const visibleText = (html: string) =>
  html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

const fold = (text: string) => text.replace(/\s+/g, ' ').trim()

interface RssItem {
  title: string
  link: string
  guid: { '#text': string; '@_isPermaLink': string }
  pubDate: string
  'dc:creator'?: string
  category?: string
  description: string
  'content:encoded': string
  enclosure?: { '@_url': string; '@_length': string; '@_type': string }
}

for (const dialect of await testDialects()) {
  describe(`${dialect}: RSS feeds and the article's JSON-LD`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    })
    afterAll(() => app.cleanup())

    const published = () =>
      app.db.kysely
        .selectFrom('articles')
        .innerJoin('sections', 'sections.id', 'articles.sectionId')
        .select([
          'articles.id',
          'articles.headline',
          'articles.body',
          'articles.publishedAt',
          'sections.name as section',
          'sections.slug',
        ])
        .where('articles.status', '=', 'published')
        .orderBy('articles.publishedAt', 'desc')
        .orderBy('articles.id', 'desc')
        .execute()

    const reporterNames = async (articleId: number) =>
      (
        await app.db.kysely
          .selectFrom('articleReporters')
          .innerJoin('staff', 'staff.id', 'articleReporters.staffId')
          .select('staff.name')
          .where('articleReporters.articleId', '=', articleId)
          .orderBy('articleReporters.position')
          .execute()
      ).map((r) => r.name)

    async function readFeed(path: string) {
      const res = await get(app, path)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
      const doc = parseXml(res.body, ['item'])
      return { res, rss: doc.rss, channel: doc.rss.channel, items: (doc.rss.channel.item ?? []) as RssItem[] }
    }

    test('the site feed is RSS 2.0 with the channel elements and the newest 50 articles', async () => {
      const { rss, channel, items } = await readFeed('/rss/all.xml')
      expect(rss['@_version']).toBe('2.0')
      expect(rss).toMatchObject(NAMESPACES)
      expect(channel.title).toContain('신문일보')
      expect(channel.link).toBe(`${app.config.publicUrl}/`)
      expect(channel.description).not.toBe('')
      expect(channel.language).toBe('ko')
      expect(channel.copyright).toBe('저작권자 © (주)신문일보 무단전재 및 재배포 금지')
      expect(channel.lastBuildDate).toMatch(RFC822)
      expect(channel['atom:link']).toMatchObject({
        '@_href': `${app.config.publicUrl}/rss/all.xml`,
        '@_rel': 'self',
        '@_type': 'application/rss+xml',
      })
      const rows = await published()
      expect(items.map((i) => i.title)).toEqual(rows.slice(0, 50).map((r) => r.headline))
    })

    test('every item carries link, permalink guid, RFC 822 date, reporters, section and summary', async () => {
      const { items } = await readFeed('/rss/all.xml')
      const rows = new Map((await published()).map((r) => [r.headline, r]))
      for (const item of items) {
        const row = rows.get(item.title)!
        const link = `${app.config.publicUrl}/news/${row.id}`
        expect(item.link).toBe(link)
        expect(item.guid).toEqual({ '#text': link, '@_isPermaLink': 'true' })
        expect(item.pubDate).toMatch(RFC822)
        expect(new Date(Date.parse(item.pubDate)).toUTCString()).toBe(item.pubDate)
        expect(Date.parse(item.pubDate)).toBe(Math.floor(Date.parse(row.publishedAt!) / 1000) * 1000)
        // An unsigned piece (사설) names no reporter: the element is left out.
        expect(item['dc:creator']).toBe((await reporterNames(row.id)).join(', ') || undefined)
        expect(item.category).toBe(row.section)
        expect(item.description.length).toBeGreaterThan(10)
      }
      const linked = await fetchAbsolute(app, items[0]!.link)
      expect(linked.statusCode).toBe(200)
    })

    test('content:encoded holds the whole article text, with absolute photo addresses', async () => {
      const { items } = await readFeed('/rss/all.xml')
      const bodies = new Map((await published()).map((r) => [r.headline, readDocument(r.body)]))
      let photos = 0
      for (const item of items) {
        const html = item['content:encoded']
        const text = visibleText(html)
        for (const line of documentText(bodies.get(item.title)!).split('\n')) {
          if (line.trim()) expect(text).toContain(fold(line))
        }
        expect(html).not.toMatch(/ (src|href|srcset)="\/(?!\/)/)
        for (const [, srcset] of html.matchAll(/ srcset="([^"]*)"/g))
          for (const candidate of srcset!.split(','))
            expect(candidate.trim()).toMatch(new RegExp(`^${app.config.publicUrl}/media/`))
        photos += [...html.matchAll(/<img /g)].length
      }
      // Every demo article has a lead photo, shown at the top of its text.
      expect(photos).toBeGreaterThanOrEqual(items.length)
      const firstImage = /<img src="([^"]+)"/.exec(items[0]!['content:encoded'])![1]!
      expect((await fetchAbsolute(app, firstImage)).statusCode).toBe(200)
    })

    test('the lead photo is an enclosure whose URL answers with the declared length and type', async () => {
      const { items } = await readFeed('/rss/all.xml')
      for (const item of items.slice(0, 8)) {
        const enclosure = item.enclosure!
        expect(enclosure['@_type']).toBe('image/jpeg')
        const file = await fetchAbsolute(app, enclosure['@_url'])
        expect(file.statusCode).toBe(200)
        expect(file.headers['content-type']).toBe('image/jpeg')
        expect(file.rawPayload.length).toBe(Number(enclosure['@_length']))
        expect(Number(file.headers['content-length'])).toBe(Number(enclosure['@_length']))
      }
    })

    test('a section feed lists only that section, and an unknown section is a 404', async () => {
      const { channel, items } = await readFeed('/rss/it-science.xml')
      expect(channel.title).toContain('IT·과학')
      expect(channel.link).toBe(`${app.config.publicUrl}/section/it-science`)
      expect(channel['atom:link']['@_href']).toBe(`${app.config.publicUrl}/rss/it-science.xml`)
      const expected = (await published()).filter((r) => r.slug === 'it-science').map((r) => r.headline)
      expect(expected.length).toBeGreaterThan(0)
      expect(items.map((i) => i.title)).toEqual(expected)
      expect(items.every((i) => i.category === 'IT·과학')).toBe(true)
      expect(items.some((i) => i.title.includes('스타게이트'))).toBe(true)
      expect((await get(app, '/rss/no-such-section.xml')).statusCode).toBe(404)
      expect((await get(app, '/rss/all.json')).statusCode).toBe(404)
    })

    test('the RSS page lists a working feed for the site and for every section', async () => {
      const res = await get(app, '/rss')
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toContain('RSS 서비스')
      const links = [...res.body.matchAll(/<a [^>]*href="(\/rss\/[\w-]+\.xml)"/g)].map((m) => m[1]!)
      const sections = await app.services.articles.sections()
      expect(links).toEqual(['/rss/all.xml', ...sections.map((s) => `/rss/${s.slug}.xml`)])
      for (const link of links) await readFeed(link)
      // The same rules as the reader pages' validity check (e2e/html-validity.test.ts).
      const validator = new HtmlValidate({
        extends: ['html-validate:recommended'],
        rules: {
          'void-style': 'off',
          'doctype-style': 'off',
          'prefer-native-element': ['error', { exclude: ['progressbar'] }],
        },
      })
      const report = await validator.validateString(res.body)
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([])
    })

    test('feeds are cached, revalidate with 304, and show a new or corrected article at once', async () => {
      const first = await readFeed('/rss/all.xml')
      const again = await get(app, '/rss/all.xml')
      expect(again.headers['x-cache']).toBe('hit')
      const etag = String(again.headers.etag)
      expect((await get(app, '/rss/all.xml', { 'if-none-match': etag })).statusCode).toBe(304)

      const section = (await app.services.articles.sections())[0]!
      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'reporter')
        .executeTakeFirstOrThrow()
      const input = {
        sectionId: section.id,
        headline: '속보 피드 확인용 기사 & <특수문자>',
        body: {
          type: 'doc' as const,
          content: [
            { type: 'paragraph' as const, content: [{ type: 'text' as const, text: '본문 ]]> 끝' }] },
          ],
        },
        reporterIds: [reporter.id],
      }
      const id = await app.services.desk.createDraft(input, null)
      await app.services.desk.publishArticle(id)
      const fresh = await readFeed('/rss/all.xml')
      expect(fresh.res.headers['x-cache']).toBe('miss')
      expect(fresh.items[0]!.title).toBe(input.headline)
      expect(visibleText(fresh.items[0]!['content:encoded'])).toContain('본문 ]]> 끝')
      expect(fresh.items).toHaveLength(first.items.length + 1)
      const sectionFeed = await readFeed(`/rss/${section.slug}.xml`)
      expect(sectionFeed.items[0]!.title).toBe(input.headline)

      const publishedAt = app.clock.now().toISOString()
      app.clock.advance(3_600_000)
      await app.services.desk.updateArticle(id, { ...input, headline: '정정된 제목' }, '제목 수정')
      const corrected = await readFeed('/rss/all.xml')
      expect(corrected.items[0]!.title).toBe('정정된 제목')
      expect(corrected.channel.lastBuildDate).toBe(app.clock.now().toUTCString())
      expect(corrected.items[0]!.pubDate).toBe(new Date(publishedAt).toUTCString())

      // The article page's JSON-LD tells search engines about the correction too.
      const page = await get(app, `/news/${id}`)
      const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page.body)![1]!)
      expect(ld.headline).toBe('정정된 제목')
      expect(ld.datePublished).toBe(publishedAt)
      expect(ld.dateModified).toBe(app.clock.now().toISOString())
      app.clock.advance(-3_600_000)
    })

    test('the article page carries a JSON-LD NewsArticle with every field search engines read', async () => {
      const row = (await published()).find((r) => r.headline.includes('스타게이트'))!
      const page = await get(app, `/news/${row.id}`)
      expect(page.statusCode).toBe(200)
      const scripts = [...page.body.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)]
      const data = scripts.map((m) => JSON.parse(m[1]!))
      const article = data.find((d) => d['@type'] === 'NewsArticle')
      expect(article).toBeDefined()
      expect(article['@context']).toBe('https://schema.org')
      expect(article.headline).toBe(row.headline)
      expect(article.datePublished).toBe(row.publishedAt)
      expect(Number.isNaN(Date.parse(article.dateModified))).toBe(false)
      expect(article.dateModified).toBe(row.publishedAt)
      expect(article.author.map((a: { name: string }) => a.name)).toEqual(await reporterNames(row.id))
      expect(article.author.every((a: { '@type': string }) => a['@type'] === 'Person')).toBe(true)
      const images: string[] = Array.isArray(article.image) ? article.image : [article.image]
      expect(images.length).toBeGreaterThan(0)
      for (const image of images) {
        const res = await fetchAbsolute(app, image)
        expect(res.statusCode).toBe(200)
        expect(res.headers['content-type']).toBe('image/jpeg')
      }
      expect(article.publisher.name).toBe('신문일보')
      const logo = await fetchAbsolute(app, article.publisher.logo.url)
      expect(logo.statusCode).toBe(200)
      expect(String(logo.headers['content-type'])).toMatch(/^image\//)
    })
  })
}
