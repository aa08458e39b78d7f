// 철회 and its undoing, as the desk and a reader see them: the desk must give a reason and
// confirm; the reader then gets 410 with a Korean notice (not a bare 404); the desk restores
// and the page is back at its address; both actions are in the 처리 기록.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../src/testing/dialects.js'
import { section } from '../src/testing/factories.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar } from './newsroom-fixtures.js'

for (const dialect of await testDialects()) {
  describe(`${dialect}: withdraw and restore`, () => {
    let app: TestApp
    let desk: Jar
    let sectionId: number
    let deskId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect })
      sectionId = await section(app, 'society', '사회')
      deskId = await createStaff(app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
      desk = await loginJar(app, 'desk@example.kr')
    })
    afterAll(() => app.cleanup())

    const publishedArticle = async (headline: string) => {
      const id = await app.services.desk.createDraft(
        {
          sectionId,
          headline,
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }] },
          reporterIds: [deskId],
        },
        null,
      )
      await app.services.desk.publishArticle(id)
      return id
    }
    const post = (url: string, form: Record<string, string>) =>
      app.http.inject({
        method: 'POST',
        url,
        headers: { cookie: desk.cookie, accept: 'text/html' },
        payload: { ...form, _csrf: desk.csrf },
      })
    const read = (id: number) => app.http.inject({ url: `/news/${id}`, headers: { accept: 'text/html' } })

    test('withdraw asks for a reason and a confirmation; readers get 410; restore brings it back', async () => {
      const id = await publishedArticle('철회 시험 기사')
      expect((await read(id)).statusCode).toBe(200)

      const unconfirmed = await post(`/newsroom/articles/${id}/withdraw`, { reason: '오보' })
      expect(unconfirmed.statusCode).toBe(400)
      expect(unconfirmed.body).toContain('철회를 확인하는 칸에 표시해 주세요.')
      expect((await read(id)).statusCode).toBe(200)

      const withdrawn = await post(`/newsroom/articles/${id}/withdraw`, { reason: '오보', confirm: 'yes' })
      expect(withdrawn.statusCode).toBe(303)
      const gone = await read(id)
      expect(gone.statusCode).toBe(410)
      expect(gone.body).toContain('삭제된 기사입니다')
      expect(gone.body).not.toContain('철회 시험 기사')

      const editor = await app.http.inject({
        url: `/newsroom/articles/${id}/edit`,
        headers: { cookie: desk.cookie },
      })
      expect(editor.body).toContain('사유: 오보')
      expect(editor.body).toContain('id="restore-form"')

      const restored = await post(`/newsroom/articles/${id}/restore`, {})
      expect(restored.statusCode).toBe(303)
      const back = await read(id)
      expect(back.statusCode).toBe(200)
      expect(back.body).toContain('철회 시험 기사')

      const history = await app.http.inject({
        url: `/newsroom/articles/${id}/history`,
        headers: { cookie: desk.cookie },
      })
      expect(history.body).toMatch(/<strong>철회<\/strong> 박데스크 — 오보/)
      expect(history.body).toMatch(/<strong>철회 취소<\/strong> 박데스크/)
    })

    test('an article never published goes back to a draft; a missing one stays 404', async () => {
      const id = await app.services.desk.createDraft(
        { sectionId, headline: '초안', body: { type: 'doc', content: [] }, reporterIds: [deskId] },
        null,
      )
      await app.services.desk.withdrawArticle(id, '중복')
      expect((await read(id)).statusCode).toBe(410)
      expect(await app.services.desk.restoreArticle(id, deskId)).toBe('draft')
      expect((await read(id)).statusCode).toBe(404)
      expect((await read(999_999)).statusCode).toBe(404)
    })

    test('restoring an article that is not withdrawn is refused', async () => {
      const id = await publishedArticle('살아 있는 기사')
      const res = await post(`/newsroom/articles/${id}/restore`, {})
      expect(res.statusCode).toBe(409)
    })
  })
}
