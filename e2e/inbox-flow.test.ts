// Readers' rights in a real browser: a reader files a 정정보도 request against an article;
// the desk opens it in the inbox, sees the 3-day and 7-day deadlines of 언론중재법 §15 (the
// clock is the test's), accepts it and publishes the correction; the article shows it at the
// top and beside the disputed passage, dated; the register CSV lists it. A request filed 7
// months after publication is flagged, not refused.
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { wcagViolations } from './axe.js'
import {
  browserSkipReason,
  launchChromium,
  openPage,
  type RunningSite,
  startSite,
  VIEWPORTS,
} from './fixtures.js'
import { createStaff, logInToNewsroom } from './newsroom-fixtures.js'
import { RequestFormPage } from './pages/request-form-page.js'

const skip = browserSkipReason()
const shot = (page: Page, name: string) =>
  page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true })

describe.skipIf(skip !== null)('the statutory inbox in the browser', () => {
  let site: RunningSite
  let browser: Browser
  let desk: Page
  let articleId = 0
  let passage = ''
  let requestId = 0

  beforeAll(async () => {
    site = await startSite()
    await createStaff(site.app, { email: 'gochung@example.kr', name: '고충처리인', role: 'admin' })
    browser = await launchChromium()
    const article = (await site.app.services.articles.latest(1))[0]!
    articleId = article.id
    const page = await site.app.services.articles.articlePage(articleId)
    const paragraphs = page!.body.content.filter((b) => b.type === 'paragraph')
    const second = paragraphs[1] ?? paragraphs[0]!
    passage = (second.content ?? [])
      .map((n) => (n.type === 'text' ? n.text : ''))
      .join('')
      .slice(0, 25)
    ;({ page: desk } = await openPage(browser, { baseUrl: site.baseUrl, viewport: VIEWPORTS.desktop }))
    await logInDesk()
  })
  async function logInDesk() {
    await logInToNewsroom(desk, 'gochung@example.kr')
  }
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  test('a reader files a 정정보도 request; without consent it comes back with the text', async () => {
    const { page, context } = await openPage(browser, { baseUrl: site.baseUrl, viewport: VIEWPORTS.phone })
    const form = new RequestFormPage(page)
    await form.open()
    expect(await wcagViolations(page)).toEqual([])
    await form.fill({
      kind: '정정보도 청구',
      name: '김청구',
      contact: 'claimant@example.com',
      articleUrl: `${site.baseUrl}/news/${articleId}`,
      passage,
      subject: '금액이 사실과 다릅니다',
      body: '기사에 나온 금액은 사실과 다릅니다. 자료를 첨부합니다.',
    })
    // The browser would stop an unticked required box; a script-less old phone would not.
    await page.locator('#tip-consent').evaluate((el) => el.removeAttribute('required'))
    await form.send()
    await expect
      .poll(() => page.getByRole('alert').first().textContent())
      .toContain('입력 내용을 확인해 주세요')
    expect(await page.getByText('개인정보 수집·이용에 동의해야 접수할 수 있습니다.').isVisible()).toBe(true)
    expect(await page.getByLabel('제목', { exact: true }).inputValue()).toBe('금액이 사실과 다릅니다')
    expect(await page.getByLabel('정정보도 청구', { exact: true }).isChecked()).toBe(true)
    await form.consent()
    await form.send()
    expect(await page.getByRole('status').textContent()).toContain('3일 안에 수용 여부를 알려 드립니다')
    await shot(page, 'inbox-request-sent-390')
    await context.close()
    requestId = (await site.app.services.inbox.list({ limit: 1 }))[0]!.id
  })

  test('the desk sees the 3-day and 7-day deadlines, accepts and publishes', async () => {
    await desk.goto('/newsroom/inbox')
    const row = desk.locator('tr', { hasText: '금액이 사실과 다릅니다' })
    // Received 2025-02-05 12:00 KST: answer by the end of the 8th, publish by the end of the 12th.
    expect(await row.textContent()).toContain('답변 기한 2025.02.08 23:59')
    expect(await row.textContent()).toContain('게재 기한 2025.02.12 23:59')
    await row.getByRole('link').click()
    expect(await desk.locator('main').textContent()).toContain('claimant@example.com')
    expect(await wcagViolations(desk)).toEqual([])
    await desk.getByLabel('수용', { exact: true }).check()
    await Promise.all([desk.waitForURL(/done=accepted/), desk.getByRole('button', { name: '통지' }).click()])
    expect(await desk.getByRole('status').textContent()).toBe('수용을 통지했습니다.')
    await desk.getByLabel('게재할 문안').fill('본지 보도 중 금액은 사실과 달라 바로잡습니다.')
    await Promise.all([
      desk.waitForURL(/done=published/),
      desk.getByRole('button', { name: '게재', exact: true }).click(),
    ])
    const log = await desk.locator('.inbox-log').textContent()
    for (const step of ['접수', '수용 통지', '게재']) expect(log).toContain(step)
    expect(log).toContain('고충처리인')
    await shot(desk, 'inbox-desk-1280')
  })

  test('the article shows the correction at the top and beside the disputed passage', async () => {
    for (const viewport of Object.values(VIEWPORTS)) {
      const { page, context } = await openPage(browser, { baseUrl: site.baseUrl, viewport })
      await page.goto(`/news/${articleId}`)
      const notice = page.locator(`#notice-${requestId}`)
      expect(await notice.textContent()).toContain('정정보도')
      expect(await notice.textContent()).toContain('2025.02.05 12:00 게재')
      expect(await notice.textContent()).toContain('바로잡습니다')
      // At the top: before the article's body.
      const order = await page.evaluate(
        () =>
          !!(
            document
              .querySelector('.article-notices')!
              .compareDocumentPosition(document.getElementById('article-body')!) &
            Node.DOCUMENT_POSITION_FOLLOWING
          ),
      )
      expect(order).toBe(true)
      const here = page.locator('.article-notice-here a')
      expect(await here.textContent()).toBe('이 부분에 대한 정정보도가 있습니다.')
      expect(
        await here.evaluate((a) => a.parentElement?.previousElementSibling?.textContent ?? ''),
      ).toContain(passage)
      expect(await wcagViolations(page)).toEqual([])
      await shot(page, `inbox-article-notice-${viewport.width}`)
      await context.close()
    }
  })

  test('the register CSV lists the request; only admins get it', async () => {
    const csv = await desk.evaluate(async () => (await fetch('/newsroom/inbox/register.csv')).text())
    const line = csv.split('\r\n').find((l) => l.startsWith(`${requestId},`))
    expect(line).toContain('정정보도 청구')
    expect(line).toContain('김청구')
    expect(line).toContain('수용')
    expect(line).toContain('게재함')
    const anonymous = await site.app.http.inject({
      url: '/newsroom/inbox/register.csv',
      headers: { accept: 'text/csv' },
    })
    expect(anonymous.statusCode).toBe(303)
  })

  test('a request 7 months after publication is flagged, not refused', async () => {
    const article = await site.app.services.articles.articlePage(articleId)
    const sevenMonths = new Date(article!.publishedAt)
    sevenMonths.setUTCMonth(sevenMonths.getUTCMonth() + 7)
    site.app.clock.set(sevenMonths.toISOString())
    const { page, context } = await openPage(browser, { baseUrl: site.baseUrl, viewport: VIEWPORTS.phone })
    const form = new RequestFormPage(page)
    await form.open()
    await form.fill({
      kind: '반론보도 청구',
      name: '이늦음',
      contact: '010-2222-3333',
      articleUrl: `${site.baseUrl}/news/${articleId}`,
      subject: '늦게 알게 된 보도',
      body: '반론을 싣고 싶습니다.',
    })
    await form.consent()
    await form.send()
    expect(await page.getByRole('status').textContent()).toContain('접수되었습니다')
    await context.close()
    // Seven months on, the desk's session has long ended.
    await logInDesk()
    await desk.goto('/newsroom/inbox')
    const row = desk.locator('tr', { hasText: '늦게 알게 된 보도' })
    expect(await row.textContent()).toContain('청구 기간 경과')
    await row.getByRole('link').click()
    expect(await desk.getByRole('note').textContent()).toContain('보도 후 6개월이 지난 청구입니다')
    expect(await desk.getByRole('button', { name: '통지' }).isVisible()).toBe(true)
    await shot(desk, 'inbox-late-request-1280')
  })
})
