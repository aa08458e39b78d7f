// The smaller things a desk notices (issue 14, item 7), on both databases: a reporter deletes a
// draft that never went out (after a ticked confirmation; it leaves the list and the search),
// never one that went out; 처리 기록 names the grade in Korean; co-bylines read 강도현·한승우 기자
// in the body's byline and in full on lists.
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
  describe(`${dialect}: drafts deleted, grades in Korean, co-bylines in full`, () => {
    let app: TestApp
    let reporter: Jar
    let desk: Jar
    let kangId: number
    let hanId: number
    let deskId: number
    let sectionId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect })
      sectionId = await section(app, 'society', '사회')
      kangId = await createStaff(app, { email: 'kang@example.kr', name: '강도현', role: 'reporter' })
      hanId = await createStaff(app, { email: 'han@example.kr', name: '한승우', role: 'reporter' })
      deskId = await createStaff(app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
      reporter = await loginJar(app, 'kang@example.kr')
      desk = await loginJar(app, 'desk@example.kr')
    })
    afterAll(() => app.cleanup())

    const post = (jar: Jar, url: string, form: Record<string, string> = {}) =>
      app.http.inject({
        method: 'POST',
        url,
        headers: { cookie: jar.cookie, accept: 'text/html' },
        payload: { ...form, _csrf: jar.csrf },
      })
    const page = (jar: Jar | null, url: string) =>
      app.http
        .inject({ url, headers: { accept: 'text/html', ...(jar ? { cookie: jar.cookie } : {}) } })
        .then((r) => r.body)

    test('a reporter deletes their draft after confirming; a draft sent to the desk stays', async () => {
      const id = await app.services.desk.createDraft(
        { sectionId, headline: '버릴 초안', body: doc('두루미 관찰 기록'), reporterIds: [kangId] },
        kangId,
      )
      await app.services.search.idle()
      expect(await page(reporter, `/newsroom/articles/${id}/edit`)).toContain('id="delete-form"')

      const unconfirmed = await post(reporter, `/newsroom/articles/${id}/delete`)
      expect(unconfirmed.statusCode).toBe(400)
      expect(unconfirmed.body).toContain('삭제하려면 확인란을 선택해 주세요.')

      const deleted = await post(reporter, `/newsroom/articles/${id}/delete`, { confirm: 'yes' })
      expect(deleted.statusCode).toBe(303)
      expect(deleted.headers.location).toBe('/newsroom/articles?done=deleted')
      expect(await page(reporter, '/newsroom/articles?done=deleted')).toContain('초안을 삭제했습니다.')
      expect(await page(reporter, '/newsroom/articles?view=mine')).not.toContain('버릴 초안')
      await app.services.search.idle()
      expect(await page(desk, `/newsroom/articles?view=all&q=${encodeURIComponent('두루미')}`)).not.toContain(
        '버릴 초안',
      )
      expect(
        (
          await app.http.inject({
            url: `/newsroom/articles/${id}/edit`,
            headers: { cookie: reporter.cookie },
          })
        ).statusCode,
      ).toBe(404)

      const sent = await app.services.desk.createDraft(
        { sectionId, headline: '보낸 기사', body: doc('본문'), reporterIds: [kangId] },
        kangId,
      )
      await app.services.desk.submitArticle(sent, kangId)
      expect(await page(reporter, `/newsroom/articles/${sent}/edit`)).not.toContain('id="delete-form"')
      expect((await post(reporter, `/newsroom/articles/${sent}/delete`, { confirm: 'yes' })).statusCode).toBe(
        403,
      )
      expect(await page(desk, '/newsroom/articles?view=waiting')).toContain('보낸 기사')
    })

    test("another reporter cannot delete someone's draft", async () => {
      const id = await app.services.desk.createDraft(
        { sectionId, headline: '한 기자 초안', body: doc('본문'), reporterIds: [hanId] },
        hanId,
      )
      expect((await post(reporter, `/newsroom/articles/${id}/delete`, { confirm: 'yes' })).statusCode).toBe(
        403,
      )
    })

    test('처리 기록 names the grade in Korean; co-bylines are printed 강도현·한승우 기자', async () => {
      const id = await app.services.desk.createDraft(
        {
          sectionId,
          headline: '공동 취재 기사',
          body: doc('두 기자가 함께 썼다.'),
          reporterIds: [kangId, hanId],
        },
        kangId,
      )
      await app.services.desk.submitArticle(id, kangId)
      await app.services.desk.approveArticle(id, { grade: 'important', by: deskId })

      const history = await page(desk, `/newsroom/articles/${id}/history`)
      expect(history).toContain('— 중요')
      expect(history).not.toContain('— important')

      const article = await page(null, `/news/${id}`)
      expect(article).toMatch(/=강도현·한승우 기자<\/span>/)
      const list = await page(null, `/reporter/${hanId}`)
      expect(list).toContain('<span>강도현·한승우 기자</span>')
    })
  })
}
