// Imports the ndsoft fixture site (shared/fixtures/ndsoft) from a real HTTP server on
// 127.0.0.1, interrupted halfway and resumed, and compares every article page with the facts
// in its expected.json; then checks that every old article, list and feed address lands on a
// page that answers 200, and that a third run changes nothing.
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../../testing/dialects.js'
import { fixtureDir } from '../../../testing/fixtures.js'
import { createTestApp, type TestApp } from '../../../testing/test-app.js'
import { importNdsoft, type NdsoftSummary } from './ndsoft-import.js'
import { httpSiteReader } from './site-reader.js'

const FIXTURE = fixtureDir('ndsoft')
const expected = JSON.parse(readFileSync(`${FIXTURE}expected.json`, 'utf8')) as Expected

interface ExpectedArticle {
  idxno: number
  url: string
  title: string
  subtitle: string | null
  section: { code: string; name: string }
  reporters: { name: string; email: string }[]
  published: string
  modified: string | null
  body: { paragraphs: string[] }
  photos: { caption: string; credit: string; alt: string }[]
  tags: string[]
  related_idxnos: number[]
}
interface ExpectedList {
  entry_url: string
  page_urls: string[]
}
interface Expected {
  site: { feeds: Record<string, number[]> }
  articles: ExpectedArticle[]
  lists: { all: ExpectedList; sections: ExpectedList[]; reporters: ExpectedList[]; tags: ExpectedList[] }
}

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/\s+/g, ' ')

const utc = (iso: string) => new Date(iso).toISOString()
const TABLES = [
  'articles',
  'sections',
  'staff',
  'photos',
  'tags',
  'articleTags',
  'relatedArticles',
  'redirects',
] as const

/** The fixture's own reference server (its README's URL → file rule), on a free loopback port. */
async function serveFixture(): Promise<Server> {
  const { start } = (await import(`${FIXTURE}serve.mjs`)) as { start(port: number): Promise<Server> }
  return start(0)
}
const portOf = (server: Server) => (server.address() as { port: number }).port

for (const dialect of await testDialects()) {
  describe(`ndsoft import over HTTP (${dialect})`, () => {
    let app: TestApp
    let server: Server
    let first: NdsoftSummary
    let resumed: NdsoftSummary
    const get = (url: string) => app.http.inject({ method: 'GET', url })
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          TABLES.map(async (t) => {
            const row = await app.db.kysely
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
            return [t, Number(row.n)] as const
          }),
        ),
      )
    const site = async () => httpSiteReader(`http://127.0.0.1:${portOf(server)}`, { delayMs: 0 })
    const idOf = async (title: string) =>
      await app.db.kysely
        .selectFrom('articles')
        .selectAll()
        .where('headline', '=', title)
        .executeTakeFirstOrThrow()

    beforeAll(async () => {
      app = await createTestApp({ dialect, now: '2026-12-01T00:00:00.000Z' })
      server = await serveFixture()
      // Interrupted after the fifth article, as Ctrl-C would stop it.
      const stop = new AbortController()
      let done = 0
      const progress = { start() {}, done() {}, tick: () => (++done === 5 ? stop.abort() : undefined) }
      first = await importNdsoft(app.services.importing, await site(), { progress, signal: stop.signal })
      resumed = await importNdsoft(app.services.importing, await site())
    }, 120_000)
    afterAll(async () => {
      server?.close()
      await app?.cleanup()
    })

    it('stops when interrupted and continues where it stopped', () => {
      expect(first.interrupted).toBe(true)
      expect(first.created.article).toBe(5)
      expect(resumed.interrupted).toBe(false)
      expect(resumed.skipped.article).toBe(5)
      expect(resumed.created.article).toBe(expected.articles.length - 5)
      expect(resumed.failed).toEqual([])
      expect(first.created.reporter + resumed.created.reporter).toBe(4)
      expect(first.created.section + resumed.created.section).toBe(4)
    })

    it('shows every article as its old page did', async () => {
      for (const a of expected.articles) {
        const row = await idOf(a.title)
        expect(row.status, a.title).toBe('published')
        expect(row.subheadline).toBe(a.subtitle ?? '')
        expect(row.publishedAt).toBe(utc(a.published))
        expect(row.modifiedAt).toBe(a.modified ? utc(a.modified) : null)
        const page = await get(`/news/${row.id}`)
        expect(page.statusCode).toBe(200)
        const text = textOf(page.body)
        expect(text).toContain(a.title)
        expect(text).toContain(a.section.name)
        for (const r of a.reporters) {
          expect(text).toContain(r.name)
          const staff = await app.db.kysely
            .selectFrom('staff')
            .select('name')
            .where('email', '=', r.email)
            .executeTakeFirstOrThrow()
          expect(staff.name).toBe(r.name)
        }
        const body = textOf(page.body.slice(page.body.indexOf('id="article-body"')))
        let from = 0
        for (const p of a.body.paragraphs) {
          const at = body.indexOf(p, from)
          expect(at, `${a.idxno}: ${p}`).toBeGreaterThanOrEqual(0)
          from = at + p.length
        }
        expect(text).toContain(a.section.name)
        for (const photo of a.photos) {
          expect(text, `${a.idxno} caption`).toContain(photo.caption)
          expect(text, `${a.idxno} credit`).toContain(`사진=${photo.credit}`)
          expect(page.body).toContain(`alt="${photo.alt.replace(/"/g, '&quot;')}"`)
        }
        for (const tag of a.tags) expect(page.body).toContain(`/tag/${encodeURIComponent(tag)}`)
        for (const idxno of a.related_idxnos) {
          const other = expected.articles.find((x) => x.idxno === idxno) as ExpectedArticle
          expect(page.body, `${a.idxno} related`).toContain(`href="/news/${(await idOf(other.title)).id}"`)
        }
        const photoCount = await app.db.kysely
          .selectFrom('articles')
          .select(['leadPhotoId', 'body'])
          .where('id', '=', row.id)
          .executeTakeFirstOrThrow()
        const inBody = (JSON.parse(photoCount.body) as { content: { type: string }[] }).content.filter(
          (b) => b.type === 'photo',
        ).length
        expect(inBody + (photoCount.leadPhotoId ? 1 : 0), `${a.idxno} photos`).toBe(a.photos.length)
        expect(textOf(page.body), 'no ad box').not.toContain('ADVERTISEMENT')
      }
    })

    it('answers every old article, list and feed address with one 301 to a page that answers 200', async () => {
      const lists = [
        expected.lists.all,
        ...expected.lists.sections,
        ...expected.lists.reporters,
        ...expected.lists.tags,
      ]
      const old = [
        ...expected.articles.map((a) => new URL(a.url).pathname + new URL(a.url).search),
        ...lists.flatMap((l) => [l.entry_url, ...l.page_urls]),
        ...Object.keys(expected.site.feeds),
        '/news/articleView.html?idxno=1003&replyAll=&reply_sc_order_by=C',
      ]
      expect(old.length).toBeGreaterThan(100)
      for (const url of old) {
        const moved = await get(url)
        expect(moved.statusCode, url).toBe(301)
        const target = moved.headers.location as string
        const landed = await get(target)
        expect(landed.statusCode, `${url} → ${target}`).toBe(200)
      }
      const article = await get('/news/articleView.html?idxno=1009')
      expect(article.headers.location).toBe(`/news/${(await idOf(expected.articles[8]?.title as string)).id}`)
    })

    it('gives an unknown old article the Korean 404 page, as our own unknown addresses get', async () => {
      const unknown = await app.http.inject({
        method: 'GET',
        url: '/news/articleView.html?idxno=999999',
        headers: { accept: 'text/html' },
      })
      expect(unknown.statusCode).toBe(404)
      expect(unknown.body).toContain('lang="ko"')
      expect((await get('/news/abc')).statusCode).toBe(404)
      expect((await get('/no-such-page')).statusCode).toBe(404)
    })

    it('changes nothing when run again', async () => {
      const before = await counts()
      const again = await importNdsoft(app.services.importing, await site())
      expect(await counts()).toEqual(before)
      expect(again.created).toEqual({ article: 0, section: 0, reporter: 0, photo: 0 })
      expect(again.skipped.article).toBe(expected.articles.length)
    })
  })
}
