// A reader's whole way through the comment section in Chromium: the account chooser, the
// real OpenID login (the embedded demo provider), writing, replying, 공감, 신고 and deleting
// through the dialog; then the same without JavaScript, and a guest with a password.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { commentMessages as m } from '../src/modules/comments/index.js'
import { publishedArticleIds } from '../src/testing/factories.js'
import { CommentBlock, commentByAnotherReader } from './comments-fixtures.js'
import { browserSkipReason, launchChromium, type RunningSite, startSite } from './fixtures.js'

const skip = browserSkipReason()

describe.skipIf(skip !== null)('comments in Chromium', () => {
  let site: RunningSite
  let browser: Browser
  let articles: number[]
  beforeAll(async () => {
    ;[site, browser] = await Promise.all([
      startSite({
        GUEST_COMMENTS: 'true',
        COMMENT_RATE_PER_MINUTE: '100',
        COMMENT_IP_RATE_PER_MINUTE: '100',
      }),
      launchChromium(),
    ])
    articles = await publishedArticleIds(site.app, 3)
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  async function loginThroughChooser(page: import('playwright-core').Page, name: string) {
    // One tap on 댓글쓰기 opens the account choice in place.
    await page.locator('summary', { hasText: m.write }).click()
    expect(await page.locator('section.comments').textContent()).toContain(m.loginPrompt)
    await page.getByRole('link', { name: '데모 계정' }).click()
    await page.getByLabel('이름').fill(name)
    await page.getByRole('button', { name: '로그인' }).click()
    await page.waitForURL(/\/news\/\d+/)
  }

  test('a reader logs in with the demo account, writes, replies, likes, reports and deletes', async () => {
    const id = articles[0]!
    await commentByAnotherReader(site.app, id, '먼저온독자', '다른 독자의 의견')
    const context = await browser.newContext()
    const page = await context.newPage()
    const block = new CommentBlock(page)
    await page.goto(`${site.baseUrl}/news/${id}`)
    expect(await block.count()).toBe(1)

    await loginThroughChooser(page, '브라우저독자')
    expect(await block.section().textContent()).toContain('브라우저독자님')

    await page.getByLabel('댓글 내용').fill('첫 댓글')
    expect(await page.locator('.comment-counter').first().textContent()).toBe('4/1000')
    await page.getByRole('button', { name: '등록', exact: true }).click()
    await page.waitForLoadState('load')
    await block.comment('첫 댓글').waitFor()
    expect(await block.count()).toBe(2)

    await block.reply('다른 독자의 의견', '답글을 답니다')
    await block.comment('답글을 답니다').waitFor()
    expect(await block.count()).toBe(3)

    const other = block.comment('다른 독자의 의견').first()
    await other.locator(':scope > .comment-actions .vote-like button').click()
    await other.locator(':scope > .comment-actions .vote-like .vote-count', { hasText: /^1$/ }).waitFor()

    await other.locator(':scope > .comment-actions summary', { hasText: m.report }).click()
    await other.getByLabel(m.reportReason).selectOption('spam')
    await other.getByRole('button', { name: m.reportSubmit }).click()
    await other
      .locator(':scope > .comment-actions details.comment-report.done')
      .waitFor({ state: 'attached' })
    const reports = await site.app.db.kysely.selectFrom('commentReports').select('reason').execute()
    expect(reports.map((r) => r.reason)).toContain('spam')

    let dialogText = ''
    page.once('dialog', (dialog) => {
      dialogText = dialog.message()
      void dialog.accept()
    })
    await block.comment('첫 댓글').getByRole('link', { name: m.delete }).click()
    await block.comment('첫 댓글').waitFor({ state: 'detached' })
    await page.waitForLoadState('load')
    expect(dialogText).toBe('삭제한 댓글은 다시 복구할 수 없습니다. 그래도 삭제하시겠습니까?')
    expect(await block.count()).toBe(2)
    await context.close()
  })

  test('without JavaScript a reader reads, writes and deletes through plain forms', async () => {
    const id = articles[1]!
    await commentByAnotherReader(site.app, id, '읽힐독자', '자바스크립트 없이 읽히는 댓글')
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    const block = new CommentBlock(page)
    await page.goto(`${site.baseUrl}/news/${id}`)
    await block.comment('자바스크립트 없이 읽히는 댓글').waitFor()
    expect(await block.count()).toBe(1)

    await loginThroughChooser(page, '노스크립트')
    await block.write('폼으로 쓴 댓글')
    await block.comment('폼으로 쓴 댓글').waitFor()
    expect(await block.count()).toBe(2)

    await block.comment('폼으로 쓴 댓글').getByRole('link', { name: m.delete }).click()
    expect(await page.locator('.confirm-text').textContent()).toBe(
      '삭제한 댓글은 다시 복구할 수 없습니다. 그래도 삭제하시겠습니까?',
    )
    await page.getByRole('button', { name: m.deleteButton }).click()
    await page.waitForURL(new RegExp(`/news/${id}`))
    expect(await block.comment('폼으로 쓴 댓글').count()).toBe(0)
    expect(await block.count()).toBe(1)
    await context.close()
  })

  test('a guest writes with a name and password and deletes with it; wrong passwords are slowed down', async () => {
    const id = articles[2]!
    const context = await browser.newContext()
    const page = await context.newPage()
    const block = new CommentBlock(page)
    await page.goto(`${site.baseUrl}/news/${id}`)
    await page.locator('summary', { hasText: m.write }).click()
    await page.getByRole('link', { name: '비회원으로 댓글쓰기' }).click()
    await page.getByLabel(m.guestName).fill('손님')
    await page.getByLabel(m.guestPassword, { exact: true }).fill('guest-pass')
    await block.write('비회원으로 남긴 댓글')
    expect(await block.comment('비회원으로 남긴 댓글').textContent()).toContain(m.guest)
    expect(await block.count()).toBe(1)

    await block.comment('비회원으로 남긴 댓글').getByRole('link', { name: m.delete }).click()
    expect(await page.locator('.confirm-text').textContent()).toBe(m.deleteConfirm)
    for (let i = 0; i < 5; i++) {
      await page.getByLabel(m.guestDeletePassword).fill(`wrong-${i}`)
      await page.getByRole('button', { name: m.deleteButton }).click()
      expect(await page.getByRole('alert').textContent()).toBe(m.errors.COMMENTS_WRONG_PASSWORD)
    }
    // Now even the right password must wait.
    await page.getByLabel(m.guestDeletePassword).fill('guest-pass')
    await page.getByRole('button', { name: m.deleteButton }).click()
    expect(await page.getByRole('alert').textContent()).toBe(m.errors.COMMENTS_TOO_MANY_TRIES)
    await page.goto(`${site.baseUrl}/news/${id}`)
    await block.comment('비회원으로 남긴 댓글').waitFor()

    site.app.clock.advance(31_000)
    await block.comment('비회원으로 남긴 댓글').getByRole('link', { name: m.delete }).click()
    await page.getByLabel(m.guestDeletePassword).fill('guest-pass')
    await page.getByRole('button', { name: m.deleteButton }).click()
    await page.waitForURL(new RegExp(`/news/${id}`))
    expect(await block.comment('비회원으로 남긴 댓글').count()).toBe(0)
    expect(await block.count()).toBe(0)
    await context.close()
  })
})
