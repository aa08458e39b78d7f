// 무기명: the desk publishes an editorial (사설) without a byline. Through the newsroom's own
// save route, as the editor sends it; the reader then sees no byline and search engines read
// the outlet as the author. Requests through app.http.inject (no browser needed).
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar } from './newsroom-fixtures.js'

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

describe('an unsigned article from the newsroom', () => {
  let app: TestApp
  let desk: Jar
  let deskId: number
  let sectionId: number

  beforeAll(async () => {
    app = await createTestApp({ seed: true })
    deskId = await createStaff(app, { email: 'unsigned-desk@example.kr', name: '데스크', role: 'desk' })
    desk = await loginJar(app, 'unsigned-desk@example.kr')
    sectionId = (await app.services.articles.sectionBySlug('opinion'))!.id
  })
  afterAll(() => app.cleanup())

  const save = (id: number, fields: Record<string, unknown>) =>
    app.http.inject({
      method: 'PUT',
      url: `/newsroom/articles/${id}`,
      headers: { cookie: desk.cookie, 'x-csrf-token': desk.csrf, 'content-type': 'application/json' },
      payload: JSON.stringify({
        headline: '[사설] 무기명으로 싣는 사설',
        sectionId,
        body: { type: 'doc', content: [paragraph('사설의 첫 문단이다.')] },
        ...fields,
      }),
    })

  async function draft(): Promise<number> {
    return app.services.desk.createDraft(
      { headline: '초안', sectionId, reporterIds: [deskId], body: { type: 'doc', content: [] } },
      deskId,
    )
  }

  test('saved as 무기명, it is published with no byline and the outlet as author', async () => {
    const id = await draft()

    const saved = await save(id, { reporterIds: [deskId], unsigned: true })
    const editor = await app.http.inject({
      url: `/newsroom/articles/${id}/edit`,
      headers: { cookie: desk.cookie },
    })
    await app.services.desk.publishArticle(id)
    const page = await app.http.inject({ url: `/news/${id}` })

    expect(saved.statusCode).toBe(200)
    expect(editor.body).toMatch(
      /<input type="checkbox" id="unsigned" name="unsigned" form="article-form" checked/,
    )
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('사설의 첫 문단이다.')
    expect(page.body).not.toContain('class="byline"')
    expect(page.body).not.toContain('class="reporter-box"')
    expect(page.body).not.toContain(' 기자</a>')
    expect(jsonLdOf(page.body).author).toEqual([
      expect.objectContaining({ '@type': 'NewsMediaOrganization', name: '신문일보' }),
    ])
  })

  test('with neither a reporter nor 무기명 chosen, the save is refused with the reason', async () => {
    const id = await draft()

    const res = await save(id, { reporterIds: [], unsigned: false })

    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0]).toMatchObject({
      code: 'NEWSROOM_ARTICLE_INVALID',
      details: { field: 'reporterIds' },
    })
  })

  test('a signed article keeps its reporters when 무기명 is left off', async () => {
    const id = await draft()

    await save(id, { reporterIds: [deskId] })
    await app.services.desk.publishArticle(id)
    const page = await app.http.inject({ url: `/news/${id}` })

    expect(page.body).toContain('<span class="byline">신문일보=데스크 기자</span>')
    expect(jsonLdOf(page.body).author).toEqual([
      expect.objectContaining({ '@type': 'Person', name: '데스크' }),
    ])
  })
})

function jsonLdOf(html: string): { author: unknown[] } {
  const json = html.match(/<script type="application\/ld\+json">(.+?)<\/script>/)?.[1]
  return JSON.parse(json ?? '{}')
}
