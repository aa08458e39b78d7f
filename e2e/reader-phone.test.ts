// What a reader on a phone trips over, checked in Chromium at 390 px (and 1280 px where it
// matters): with JavaScript off no control does nothing; with it on the header stays in view
// and small, the share targets are finger-sized on one row, the section menu scrolls by
// swiping, A+ shows its limit, the logo is sharp. Screenshots go to e2e/screenshots/.
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  browserSkipReason,
  launchChromium,
  openPage,
  type RunningSite,
  startSite,
  VIEWPORTS,
} from './fixtures.js'
import { ArticlePage } from './pages/article-page.js'
import { SiteHeader } from './pages/site-header.js'

const SCREENSHOTS = 'e2e/screenshots'
const poll = { timeout: 5_000 }

describe.skipIf(browserSkipReason())('the reader site on a phone', () => {
  let site: RunningSite
  let browser: Browser
  let context: BrowserContext | undefined
  let articlePath: string

  beforeAll(async () => {
    ;[site, browser] = await Promise.all([startSite(), launchChromium()])
    mkdirSync(SCREENSHOTS, { recursive: true })
    const [top] = await site.app.services.articles.byGrade('headline', 1)
    articlePath = `/news/${top!.id}`
  })
  afterEach(async () => {
    await context?.close()
    context = undefined
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  async function open(path: string, options: { javaScript?: boolean; width?: number } = {}) {
    const viewport = options.width === 1280 ? VIEWPORTS.desktop : VIEWPORTS.phone
    const opened = await openPage(browser, {
      baseUrl: site.baseUrl,
      viewport,
      javaScript: options.javaScript,
      phone: viewport === VIEWPORTS.phone,
    })
    context = opened.context
    await opened.page.goto(path)
    return { page: opened.page, article: new ArticlePage(opened.page), header: new SiteHeader(opened.page) }
  }

  test('without JavaScript every visible button submits a form: none does nothing', async () => {
    const { page, article } = await open(articlePath, { javaScript: false })

    const idle = await visibleButtonsOutsideForms(page)
    const shareButtons = await article.sharePanel().getByRole('button').count()
    await page.screenshot({ path: `${SCREENSHOTS}/phone-article-no-js.png` })

    expect(idle).toEqual([])
    expect(shareButtons).toBe(0)
    expect(await article.shareLink('페이스북').isVisible()).toBe(true)
  })

  test('with JavaScript the KakaoTalk, copy, print and font size buttons are there', async () => {
    const { article } = await open(articlePath)

    const names = await article
      .sharePanel()
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent))

    expect(names).toEqual(['카카오톡', '링크 복사', '인쇄', 'A− 글자 작게', 'A+ 글자 크게'])
  })

  test('the header stays in view on scroll, at most 64 px tall, with the menu and search', async () => {
    const { page, article, header } = await open(articlePath)
    const atTop = await header.heightInView()

    await article.scrollDown(2500)
    await expect.poll(() => page.evaluate(() => window.scrollY), poll).toBeGreaterThan(2000)
    const scrolled = await header.heightInView()
    const menu = await header.box(header.menu())
    await page.screenshot({ path: `${SCREENSHOTS}/phone-article-scrolled.png` })

    expect(atTop).toBeLessThanOrEqual(100)
    expect(scrolled).toBeGreaterThan(40)
    expect(scrolled).toBeLessThanOrEqual(64)
    expect(menu.top).toBeGreaterThanOrEqual(0)
    expect(await header.searchLink().isVisible()).toBe(true)
  })

  for (const width of [390, 1280]) {
    test(`at ${width} px every share control is at least 44 px tall, the share targets on one row`, async () => {
      const { page, article } = await open(articlePath, { width })
      const controls = article.shareControls()
      await expect.poll(() => controls.count(), poll).toBe(8)

      const boxes = await controls.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect()
          return { name: el.getAttribute('aria-label') ?? el.textContent, height: r.height, top: r.top }
        }),
      )
      const shareTargets = await article
        .sharePanel()
        .locator('.share-links')
        .locator('a, button')
        .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)))
      await article.sharePanel().screenshot({ path: `${SCREENSHOTS}/share-panel-${width}.png` })

      expect(boxes.filter((b) => b.height < 44)).toEqual([])
      expect(shareTargets).toHaveLength(5)
      expect(new Set(shareTargets).size).toBe(1)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0)
    })
  }

  test('the section menu shows it scrolls, and its last item is reached by swiping', async () => {
    const { page, header } = await open('/')
    const last = header.menuLinks().last()
    const before = await header.box(last)
    const hintBefore = await header.hintOpacity()
    await page.screenshot({
      path: `${SCREENSHOTS}/phone-home-menu.png`,
      clip: { x: 0, y: 0, width: 390, height: 120 },
    })

    await header.swipeMenuLeft(250)

    await expect.poll(async () => (await header.box(last)).right, poll).toBeLessThanOrEqual(390)
    await expect.poll(() => header.hintOpacity(), poll).toBe(0)
    await page.screenshot({
      path: `${SCREENSHOTS}/phone-home-menu-swiped.png`,
      clip: { x: 0, y: 0, width: 390, height: 120 },
    })
    expect(before.right).toBeGreaterThan(390)
    expect(hintBefore).toBe(1)
    expect((await header.box(last)).left).toBeGreaterThanOrEqual(0)
  })

  test('A+ stops at the largest size and says so', async () => {
    const { article } = await open(articlePath)
    const larger = article.fontLargerButton()

    for (let i = 0; i < 10 && (await larger.getAttribute('aria-disabled')) !== 'true'; i++)
      await larger.click()
    const largest = await article.bodyFontSize()
    // force: a reader can still press a button marked aria-disabled; Playwright would wait.
    await larger.click({ force: true })

    await expect.poll(() => article.shareStatus().textContent(), poll).toBe('가장 큰 글자 크기입니다.')
    expect(await larger.getAttribute('aria-disabled')).toBe('true')
    expect(await article.bodyFontSize()).toBe(largest)
    expect(await article.fontSmallerButton().getAttribute('aria-disabled')).toBe('false')
  })

  test('the logo keeps its place while loading and is sharp on a 2x screen', async () => {
    const { header } = await open('/')

    const logo = await header.logoImage()

    expect(Number(logo.width)).toBeGreaterThan(0)
    expect(Number(logo.height)).toBeGreaterThan(0)
    expect(logo.naturalWidth).toBeGreaterThanOrEqual(2 * logo.drawnWidth)
  })

  test('the search page has one search box, not two, and its menu still shows it scrolls', async () => {
    const { page, header } = await open('/search?q=반도체')
    await page.evaluate(() => document.fonts.ready)

    const boxes = await page.getByRole('searchbox').count()
    await page.screenshot({ path: `${SCREENSHOTS}/phone-search.png` })

    expect(boxes).toBe(1)
    await expect.poll(() => header.hintOpacity(), poll).toBe(1)
  })

  test('the feed list page is a styled list of feeds with visible links (screenshots saved)', async () => {
    const { page } = await open('/rss')

    const linkStyle = await page
      .getByRole('main')
      .getByRole('link', { name: /all\.xml$/ })
      .evaluate((a) => ({
        color: getComputedStyle(a).color,
        underline: getComputedStyle(a).textDecorationLine,
      }))
    await page.screenshot({ path: `${SCREENSHOTS}/phone-rss.png`, fullPage: true })

    expect(linkStyle.underline).toBe('underline')
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0)
  })

  test('screenshots of the article page at 390 and 1280 px, top of the page', async () => {
    for (const width of [390, 1280]) {
      const { page } = await open(articlePath, { width })
      await page.screenshot({ path: `${SCREENSHOTS}/article-top-${width}.png` })
      await context?.close()
      context = undefined
    }
  })
})

/** Visible buttons that no form would submit: with scripts off, those do nothing. */
function visibleButtonsOutsideForms(page: Page): Promise<string[]> {
  return page.locator('button, [role="button"]').evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect()
        const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'
        const submits = el instanceof HTMLButtonElement && el.type === 'submit' && el.form !== null
        const summary = el.tagName === 'SUMMARY'
        return visible && !submits && !summary
      })
      .map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''),
  )
}
