// Imports a feed written here, with an image served by a real local HTTP server.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../../testing/dialects.js'
import { section } from '../../../testing/factories.js'
import { createTestApp, type TestApp } from '../../../testing/test-app.js'
import { importRss } from './rss-import.js'

let server: Server
let base = ''

beforeAll(async () => {
  const jpeg = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer()
  server = createServer((request, response) => {
    if (request.url === '/photo.jpg') response.writeHead(200, { 'content-type': 'image/jpeg' }).end(jpeg)
    else response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const feed = (items: string) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>다른신문</title><link>https://other.example</link><description>피드</description>${items}</channel></rss>`

const item = (n: number) => `<item>
  <title>피드 기사 ${n} &amp; 제목</title><link>https://other.example/news/${n}</link>
  <guid isPermaLink="false">other-${n}</guid><pubDate>Mon, 0${n} Nov 2026 01:00:00 +0000</pubDate>
  <dc:creator>정다은 기자</dc:creator><category>지역</category>
  <content:encoded><![CDATA[<p>본문 ${n} 첫 문단</p><p><img src="${base}/photo.jpg" alt="현장"></p><p>둘째 문단</p>]]></content:encoded>
</item>`

for (const dialect of await testDialects()) {
  describe(`RSS import (${dialect})`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, now: '2026-11-29T12:00:00.000Z' })
      await section(app, 'local', '지역')
    })
    afterAll(() => app?.cleanup())

    it('turns items into published articles with their photos, once', async () => {
      const first = await importRss(app.services.importing, feed(item(1) + item(2)))
      expect(first).toMatchObject({ created: 2, skipped: 0, photos: 1, warnings: [] })
      const rows = await app.db.kysely
        .selectFrom('articles')
        .select(['id', 'headline'])
        .orderBy('id')
        .execute()
      expect(rows.map((r) => r.headline)).toEqual(['피드 기사 2 & 제목', '피드 기사 1 & 제목'])
      const page = await app.http.inject({ method: 'GET', url: `/news/${rows[1]?.id}` })
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain('본문 1 첫 문단')
      expect(page.body).toContain('둘째 문단')
      expect(page.body).toContain('정다은 기자')
      expect(page.body).toMatch(/src="\/media\/[^"]+"/)

      // The feed a day later: one new item, the old ones unchanged.
      const second = await importRss(app.services.importing, feed(item(3) + item(2) + item(1)))
      expect(second).toMatchObject({ created: 1, skipped: 2 })
      const count = await app.db.kysely
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      expect(Number(count.n)).toBe(3)
    })

    it('refuses what is not a feed', async () => {
      await expect(importRss(app.services.importing, '<html><body>no</body></html>')).rejects.toThrow(
        /neither an RSS/,
      )
    })
  })
}
