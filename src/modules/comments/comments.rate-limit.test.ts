// Posting is limited per reader and per IP with the default limits (5 and 20 a minute).
import { afterAll, beforeAll, expect, test } from 'vitest'
import { publishedArticleIds, readerWithSession } from '../../testing/factories.js'
import { csrfFrom, TestBrowser } from '../../testing/http-client.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

let app: TestApp
let articleId: number
beforeAll(async () => {
  app = await createTestApp({ seed: true })
  ;[articleId] = (await publishedArticleIds(app, 1)) as [number]
})
afterAll(() => app?.cleanup())

async function postMany(browser: TestBrowser, n: number) {
  const token = csrfFrom((await browser.get(`/news/${articleId}`)).body)
  const statuses: number[] = []
  for (let i = 0; i < n; i++) {
    const answer = await browser.post(
      `/news/${articleId}/comments`,
      { _csrf: token, body: `연속 댓글 ${i}` },
      { accept: 'application/json' },
    )
    statuses.push(answer.status)
  }
  return statuses
}

test('a reader posting too fast is refused with 429; others on other connections are not', async () => {
  const fast = new TestBrowser(app.http, '10.9.0.1')
  await readerWithSession(app, '빠른독자', fast)
  expect(await postMany(fast, 6)).toEqual([200, 200, 200, 200, 200, 429])
  const calm = new TestBrowser(app.http, '10.9.0.2')
  await readerWithSession(app, '느긋한독자', calm)
  expect(await postMany(calm, 1)).toEqual([200])
})

test('many readers behind one IP are limited together', async () => {
  const statuses: number[] = []
  for (let i = 0; i < 5; i++) {
    const browser = new TestBrowser(app.http, '10.9.9.9')
    await readerWithSession(app, `같은IP${i}`, browser)
    statuses.push(...(await postMany(browser, 5)))
  }
  expect(statuses.filter((s) => s === 200)).toHaveLength(20)
  expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429])
})
