// Comments that never lose a word, with JavaScript on and off, after a real login through
// the demo OpenID provider: a comment refused by the rate limit comes back with its text and
// when to retry; 신고 and a second 공감 each say what happened; aria-pressed follows what is
// stored; nobody votes on their own comment; a reader deletes the account and the comments
// follow the outlet's choice (kept as 탈퇴한 독자, or erased).
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { commentMessages as m } from '../src/modules/comments/index.js'
import { publishedArticleIds } from '../src/testing/factories.js'
import { commentByAnotherReader } from './comments-fixtures.js'
import { browserSkipReason, launchChromium, type RunningSite, startSite, VIEWPORTS } from './fixtures.js'

const skip = browserSkipReason()

describe.skipIf(skip !== null)('comment rights in Chromium', () => {
  let site: RunningSite
  let browser: Browser
  let articles: number[] = []

  beforeAll(async () => {
    ;[site, browser] = await Promise.all([
      startSite({ COMMENT_RATE_PER_MINUTE: '2', COMMENT_IP_RATE_PER_MINUTE: '100' }),
      launchChromium(),
    ])
    articles = await publishedArticleIds(site.app, 2)
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  async function logIn(page: Page, articleId: number, name: string) {
    await page.goto(`/news/${articleId}`)
    await page.locator('summary', { hasText: m.write }).click()
    await page.getByRole('link', { name: '데모 계정' }).click()
    await page.getByLabel('이름').fill(name)
    await page.getByRole('button', { name: '로그인' }).click()
    await page.waitForURL(/\/news\/\d+#comment-form$/)
  }
  const item = (page: Page, text: string) =>
    page.locator('li.comment', { has: page.locator(`:scope > p.comment-body:text-is("${text}")`) })
  async function write(page: Page, text: string) {
    await page.getByLabel(m.bodyLabel).fill(text)
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: m.submit, exact: true }).click(),
    ])
    await page.waitForLoadState('load')
    return response.status()
  }

  for (const js of [true, false]) {
    const mode = js ? 'JavaScript on' : 'JavaScript off'
    const index = js ? 0 : 1
    const reader = js ? '자바독자' : '평문독자'

    test(`${mode}: a comment refused by the rate limit comes back with its text`, async () => {
      const ctx = await browser.newContext({
        baseURL: site.baseUrl,
        viewport: VIEWPORTS.phone,
        locale: 'ko-KR',
        javaScriptEnabled: js,
      })
      const p = await ctx.newPage()
      await logIn(p, articles[index]!, reader)
      expect(await write(p, `${reader}의 첫 댓글`)).toBe(303)
      expect(await write(p, `${reader}의 둘째 댓글`)).toBe(303)
      const long = `${reader}이 공들여 쓴 셋째 댓글입니다. 한 글자도 잃으면 안 됩니다.`
      expect(await write(p, long)).toBe(429)
      expect(await p.getByLabel(m.bodyLabel).inputValue()).toBe(long)
      expect(await p.getByRole('alert').textContent()).toMatch(/\d+초 뒤에 다시 등록해 주세요/)
      await p.screenshot({
        path: `e2e/screenshots/comment-rate-limited-${js ? 'js' : 'nojs'}-390.png`,
        fullPage: true,
      })
      await ctx.close()
    })

    test(`${mode}: 공감 twice and 신고 each say what happened; no vote on one's own comment`, async () => {
      const other = `${mode} 다른 독자의 의견`
      await commentByAnotherReader(site.app, articles[index]!, '다른독자', other)
      const ctx = await browser.newContext({
        baseURL: site.baseUrl,
        viewport: VIEWPORTS.desktop,
        locale: 'ko-KR',
        javaScriptEnabled: js,
      })
      const p = await ctx.newPage()
      await logIn(p, articles[index]!, `${reader}2`)
      expect(await write(p, `${reader}2의 댓글`)).toBe(303)
      const mine = item(p, `${reader}2의 댓글`)
      expect(await mine.locator('button.vote').count()).toBe(0)
      const ownId = Number((await mine.getAttribute('id'))?.slice(2))
      const csrf = (await p.locator('section.comments').getAttribute('data-csrf'))!

      const like = () => item(p, other).locator('.vote-like button')
      const dislike = () => item(p, other).locator('.vote-dislike button')
      expect(await like().getAttribute('aria-pressed')).toBe('false')
      await like().click()
      if (js) {
        await expect.poll(() => item(p, other).locator('.comment-feedback').textContent()).toBe(m.voted.like)
      } else {
        await p.waitForURL(/#c-\d+$/)
      }
      expect(await like().getAttribute('aria-pressed')).toBe('true')
      expect(await like().locator('.vote-count').textContent()).toBe('1')

      await like().click()
      if (js) {
        await expect
          .poll(() => item(p, other).locator('.comment-feedback').textContent())
          .toBe(m.errors.COMMENTS_ALREADY_VOTED)
        // A refused 비공감 leaves the stored state as it was.
        await dislike().click()
        await expect
          .poll(() => item(p, other).locator('.comment-feedback').textContent())
          .toBe(m.errors.COMMENTS_ALREADY_VOTED)
        expect(await dislike().getAttribute('aria-pressed')).toBe('false')
        expect(await like().getAttribute('aria-pressed')).toBe('true')
      } else {
        expect(await p.getByRole('status').textContent()).toBe(m.errors.COMMENTS_ALREADY_VOTED)
        await p.getByRole('link', { name: m.backToArticle }).click()
      }

      await item(p, other).locator('summary', { hasText: m.report }).click()
      await item(p, other).getByLabel(m.reportReason).selectOption('spam')
      await item(p, other).getByRole('button', { name: m.reportSubmit }).click()
      if (js) {
        await expect.poll(() => item(p, other).locator('.comment-feedback').textContent()).toBe(m.reported)
      } else {
        expect(await p.getByRole('status').textContent()).toBe(m.reported)
      }

      // The server refuses a vote on one's own comment whatever the page shows.
      const refused = await p.request.post(`/comments/${ownId}/vote`, {
        form: { kind: 'like', _csrf: csrf },
        headers: { accept: 'application/json' },
      })
      expect(refused.status()).toBe(403)
      expect((await refused.json()).errors[0].code).toBe('COMMENTS_OWN_COMMENT')
      await p.screenshot({
        path: `e2e/screenshots/comment-feedback-${js ? 'js' : 'nojs'}-1280.png`,
        fullPage: true,
      })
      await ctx.close()
    })
  }

  test('a reader deletes the account; the comments follow the outlet’s choice', async () => {
    const staffId = 1
    for (const choice of ['keep', 'delete'] as const) {
      await site.app.services.moderation.saveSettings(staffId, { onReaderDeleted: choice })
      const js = choice === 'keep'
      const ctx = await browser.newContext({ baseURL: site.baseUrl, locale: 'ko-KR', javaScriptEnabled: js })
      const p = await ctx.newPage()
      const name = `떠날독자${choice}`
      await logIn(p, articles[1]!, name)
      const text = `${name}가 남긴 마지막 댓글`
      expect(await write(p, text)).toBe(303)
      await p.goto('/comments/profile')
      await p.getByRole('link', { name: '내 댓글 보기' }).click()
      expect(await p.locator('.my-comment-list').textContent()).toContain(text)
      await p.goto('/comments/profile')
      await p.getByRole('link', { name: '회원 탈퇴' }).click()
      expect(await p.locator('main').textContent()).toContain(
        choice === 'keep' ? '‘탈퇴한 독자’로 표시됩니다' : '댓글도 모두 삭제되며',
      )
      await p.getByRole('button', { name: '탈퇴하기' }).click()
      expect(await p.getByRole('status').textContent()).toContain('탈퇴했습니다')
      await p.goto(`/news/${articles[1]!}`)
      const section = await p.locator('section.comments').textContent()
      expect(await p.locator('.comment-author', { hasText: name }).count()).toBe(0)
      if (choice === 'keep') {
        expect(await item(p, text).locator('.comment-author').textContent()).toBe(m.formerReader)
      } else {
        expect(section).not.toContain(text)
      }
      // Signed out everywhere: the form is gone, 댓글쓰기 offers the login again.
      expect(await p.locator('summary', { hasText: m.write }).count()).toBe(1)
      await ctx.close()
    }
  })
})
