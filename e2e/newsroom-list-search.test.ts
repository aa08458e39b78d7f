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
    let deskId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect })
      sectionId = await section(app, 'society', '사회')
      reporterId = await createStaff(app, { email: 'kim@example.kr', name: '김기자', role: 'reporter' })
      otherId = await createStaff(app, { email: 'lee@example.kr', name: '이기자', role: 'reporter' })
      deskId = await createStaff(app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
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
      // Last June: 이기자's river plan, approved as 중요. Today: 김기자's river festival, a draft.
      app.clock.set('2024-06-10T03:00:00.000Z')
      const plan = await app.services.desk.createDraft(
        {
          sectionId,
          headline: '하천 정비 계획',
          body: doc('시는 하천 정비 계획을 내놓았다.'),
          reporterIds: [otherId],
        },
        otherId,
      )
      await app.services.desk.submitArticle(plan, otherId)
      await app.services.desk.approveArticle(plan, { grade: 'important', by: deskId })
      app.clock.set('2025-02-05T03:00:00.000Z')
      await app.services.desk.createDraft(
        {
          sectionId,
          headline: '하천 축제 준비',
          body: doc('하천 축제가 열린다.'),
          reporterIds: [reporterId],
        },
        reporterId,
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

    const both = ['하천 정비 계획', '하천 축제 준비']
    const shows = (html: string, expected: string[]) => {
      for (const headline of both) {
        if (expected.includes(headline)) expect(html).toContain(headline)
        else expect(html).not.toContain(headline)
      }
    }
    const river = `q=${encodeURIComponent('하천')}`

    test('with words, each filter narrows the matches: status, reporter, grade, date', async () => {
      shows(await list(desk, `view=all&${river}`), both)
      shows(await list(desk, `view=all&${river}&status=published`), ['하천 정비 계획'])
      shows(await list(desk, `view=all&${river}&status=draft`), ['하천 축제 준비'])
      shows(await list(desk, `view=all&${river}&reporter=${otherId}`), ['하천 정비 계획'])
      shows(await list(desk, `view=all&${river}&grade=important`), ['하천 정비 계획'])
      shows(await list(desk, `view=all&${river}&from=2024-06-10&to=2024-06-10`), ['하천 정비 계획'])
      shows(await list(desk, `view=all&${river}&from=2025-01-01`), ['하천 축제 준비'])
    })

    test('without words, the same filters apply to the whole list', async () => {
      shows(await list(desk, 'view=all&grade=important'), ['하천 정비 계획'])
      shows(await list(desk, `view=all&status=draft&reporter=${reporterId}`), ['하천 축제 준비'])
      const june = await list(desk, 'view=all&from=2024-06-01&to=2024-06-30')
      shows(june, ['하천 정비 계획'])
      expect(june).not.toContain('채우기 기사')
    })

    test('the form shows the filters chosen, and the next page keeps them', async () => {
      const html = await list(desk, `view=all&status=draft&reporter=${otherId}`)
      expect(html).toMatch(/<option value="draft" selected/)
      expect(html).toMatch(new RegExp(`<option value="${otherId}" selected`))
      expect(html).toContain(
        `href="/newsroom/articles?view=all&amp;status=draft&amp;reporter=${otherId}&amp;page=2"`,
      )
    })

    test('nonsense in the address is ignored, not an error', async () => {
      const r = await app.http.inject({
        url: '/newsroom/articles?view=all&status=gone&grade=x&from=2025-02-30&reporter=-1',
        headers: { cookie: desk.cookie },
      })
      expect(r.statusCode).toBe(200)
      expect(r.body).toContain('채우기 기사')
    })
  })
}
