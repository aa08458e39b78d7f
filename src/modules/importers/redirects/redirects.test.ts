// The redirect table as the admin and the operator use it: old addresses in their many
// spellings, CSV out and in (bad lines named, good ones kept), and the check of a list of old
// URLs against the running site.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../../testing/test-app.js'
import { oldAddressKey } from './old-address.js'
import { addressesIn, checkAddresses } from './redirects-check.js'

describe('old addresses', () => {
  it('files the spellings of one old page under one key', () => {
    const key = oldAddressKey('/news/articleView.html?idxno=1003')
    for (const spelling of [
      'https://www.old-news.example/news/articleView.html?idxno=1003',
      '/news/articleView.html?replyAll=&idxno=1003&reply_sc_order_by=C',
      '/news/articleViewAmp.html?idxno=1003',
      '/NEWS/articleview.html?idxno=1003#comments',
    ]) {
      expect(oldAddressKey(spelling), spelling).toBe(key)
    }
    expect(
      oldAddressKey('/news/articleList.html?page=2&total=5&box_idxno=&sc_section_code=S1N1&view_type=sm'),
    ).toBe(oldAddressKey('/news/articleList.html?sc_section_code=S1N1'))
    expect(oldAddressKey('/tag/%EA%B8%88%EB%A6%AC/')).toBe(oldAddressKey('/tag/금리'))
    expect(oldAddressKey('not a path')).toBeNull()
  })
})

for (const dialect of await testDialects()) {
  describe(`redirects (${dialect})`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    }, 60_000)
    afterAll(() => app?.cleanup())

    it('takes a CSV from a spreadsheet, names the bad lines and keeps the good ones', async () => {
      const csv =
        '\uFEFFold,new\r\n/old-about/,/page/about\r\n"/news/articleView.html?idxno=77",/news/1\r\nnot a path,/x\r\n/gone,javascript:alert(1)\r\n'
      const result = await app.services.redirects.importCsv(csv)
      expect(result.saved).toBe(2)
      expect(result.refused.map((r) => r.line)).toEqual([4, 5])
      const moved = await app.http.inject({ method: 'GET', url: '/old-about' })
      expect(moved.statusCode).toBe(301)
      expect(moved.headers.location).toBe('/page/about')
      const exported = await app.services.redirects.exportCsv()
      expect(exported).toContain('/old-about,/page/about,admin')
      // What was exported imports again unchanged.
      expect((await app.services.redirects.importCsv(exported)).refused).toEqual([])
    })

    it('reports the old URLs of a list that do not land on a 200', async () => {
      await app.services.redirects.save('/archives/1', '/news/1', 'admin')
      await app.services.redirects.save('/archives/2', '/news/999999', 'admin')
      await app.http.listen({ port: 0, host: '127.0.0.1' })
      const base = `http://127.0.0.1:${(app.http.server.address() as { port: number }).port}`
      const list = addressesIn(
        '# old addresses\nhttps://www.old-news.example/archives/1\n/archives/2\n/never-was\n',
      )
      const report = await checkAddresses(list, base)
      expect(report.checked).toBe(3)
      expect(report.failed.map((f) => f.address)).toEqual(['/archives/2', '/never-was'])
      expect(report.failed[0]?.hops.map((h) => h.status)).toEqual([301, 404])
    })
  })
}
