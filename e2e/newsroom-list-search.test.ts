// The newsroom's article list as the archive: a word from a draft's body finds it through the
// search module's index (drafts included), a reporter's search stays within their own
// articles, and the list pages on instead of stopping at the first rows.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../src/testing/dialects.js'
import { section } from '../src/testing/factories.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar } from './newsroom-fixtures.js'

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
})

for (const dialect of await testDialects()) {
  describe(`${dialect}: article list search and paging`, () => {
    let app: TestApp
    let desk: Jar
    let reporter: Jar
    let reporterId: number
    let otherId: number
    let sectionId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect })
      sectionId = await section(app, 'society', '사회')
      reporterId = await createStaff(app, { email: 'kim@example.kr', name: '김기자', role: 'reporter' })
      otherId = await createStaff(app, { email: 'lee@example.kr', name: '이기자', role: 'reporter' })
      await createStaff(app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
      desk = await loginJar(app, 'desk@example.kr')
      reporter = await loginJar(app, 'kim@example.kr')
      for (let i = 0; i < 55; i++)
        await app.services.desk.createDraft(
          { sectionId, headline: `채우기 기사 ${i}`, body: doc('평범한 본문'), reporterIds: [otherId] },
          otherId,
        )
      await app.services.desk.createDraft(
        {
          sectionId,
          headline: '구청 소식',
          body: doc('구청은 징검다리 보수 공사를 마쳤다.'),
          reporterIds: [otherId],
        },
        otherId,
      )
      await app.services.search.idle()
    })
    afterAll(() => app.cleanup())

    const list = (jar: Jar, query: string) =>
      app.http
        .inject({ url: `/newsroom/articles?${query}`, headers: { cookie: jar.cookie } })
        .then((r) => r.body)

    test('the desk finds a draft by a word of its body', async () => {
      const html = await list(desk, `view=all&q=${encodeURIComponent('징검다리')}`)
      expect(html).toContain('구청 소식')
      expect(html).toContain('1건')
      expect(html).not.toContain('채우기 기사')
    })

    test("a reporter's search covers only their own articles", async () => {
      const html = await list(reporter, `view=all&q=${encodeURIComponent('징검다리')}`)
      expect(html).not.toContain('구청 소식')
      expect(reporterId).toBeGreaterThan(0)
    })

    test('the list pages on past its first 50 rows', async () => {
      const first = await list(desk, 'view=all')
      expect(first).toContain('href="/newsroom/articles?view=all&amp;page=2"')
      const second = await list(desk, 'view=all&page=2')
      expect(second).toContain('채우기 기사 0')
      expect(second).not.toContain('page=3')
    })
  })
}
