// Ads, analytics and embeds in a real browser (ADR 033). The third parties' hosts are not
// reachable from here: every request to them is answered at the HTTP edge by Playwright's
// routing, which also records what the page asked for and when.
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
import { logInToNewsroom } from './newsroom-fixtures.js'

const SCREENSHOTS = 'e2e/screenshots'
const poll = { timeout: 10_000 }
const BANNER = 'https://ads.example.kr/banner.png'
const INSTAGRAM_POST = 'p/C1a2B3c4D5e'

// A 1×1 PNG: the slot's box, not the picture, decides the size on the page.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

interface Shift {
  value: number
  nodes: string[]
}

declare global {
  interface Window {
    __shifts: Shift[]
    __violations: string[]
    __gtagLoaded?: boolean
    dataLayer?: unknown[]
  }
}

describe.skipIf(browserSkipReason())('third parties in Chromium', () => {
  let site: RunningSite
  let browser: Browser
  let context: BrowserContext | undefined
  let articleUrl: string
  let embedUrl: string

  beforeAll(async () => {
    ;[site, browser] = await Promise.all([startSite(), launchChromium()])
    mkdirSync(SCREENSHOTS, { recursive: true })
    const { services, db } = site.app
    const outlet = await services.outlet.getOutlet()
    await services.outlet.saveOutlet({
      ...outlet,
      integrations: { ...outlet.integrations, ga4: 'G-E2E0TEST01' },
      ads: {
        afterParagraph: 2,
        slots: {
          inArticle: {
            kind: 'house',
            image: BANNER,
            link: 'https://ads.example.kr/',
            alt: '자체 광고: 신문 구독',
            from: null,
            until: null,
            sections: [],
          },
          belowArticle: {
            kind: 'house',
            image: BANNER,
            link: '/page/about',
            alt: '자체 광고: 매체 소개',
            from: null,
            until: null,
            sections: [],
          },
        },
      },
    })
    const latest = (await services.articles.latest(1))[0]!
    articleUrl = latest.url
    const reporter = await db.kysely.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow()
    const paragraph = (text: string) => ({
      type: 'paragraph' as const,
      content: [{ type: 'text' as const, text }],
    })
    const id = await services.desk.createDraft(
      {
        headline: '인스타그램 게시물을 담은 기사',
        sectionId: latest.section.id,
        reporterIds: [reporter.id],
        tags: [],
        body: {
          type: 'doc',
          content: [
            paragraph('선수가 직접 올린 게시물입니다.'),
            { type: 'embed', attrs: { provider: 'instagram', id: INSTAGRAM_POST } },
            paragraph('게시물 아래 문단입니다.'),
          ],
        },
      },
      null,
    )
    await services.desk.publishArticle(id)
    embedUrl = `/news/${id}`
  })
  afterEach(async () => {
    await context?.close()
    context = undefined
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  /**
   * A page whose requests to other hosts are answered here: the banner late (as a slow ad
   * server would), gtag.js with a stand-in that marks it ran, anything else empty.
   */
  async function open(viewport: { width: number; height: number }) {
    const opened = await openPage(browser, { baseUrl: site.baseUrl, viewport })
    context = opened.context
    const outside: string[] = []
    let releaseBanner: () => void = () => {}
    const bannerHeld = new Promise<void>((resolve) => {
      releaseBanner = resolve
    })
    await context.route(
      (url) => url.origin !== site.baseUrl,
      async (route) => {
        const url = route.request().url()
        outside.push(url)
        if (url === BANNER) {
          await bannerHeld
          return route.fulfill({ status: 200, contentType: 'image/png', body: PIXEL })
        }
        if (url.startsWith('https://www.googletagmanager.com/gtag/js'))
          return route.fulfill({
            status: 200,
            contentType: 'text/javascript',
            body: 'window.__gtagLoaded=true',
          })
        return route.fulfill({
          status: 200,
          contentType: 'text/html',
          body: '<!doctype html><title>post</title>',
        })
      },
    )
    await opened.page.addInitScript(() => {
      window.__shifts = []
      window.__violations = []
      document.addEventListener('securitypolicyviolation', (e) => {
        window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`)
      })
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number
          sources?: { node?: Node | null }[]
        })[]) {
          window.__shifts.push({
            value: entry.value,
            nodes: (entry.sources ?? []).map((s) =>
              s.node instanceof Element ? `${s.node.tagName}.${s.node.className}` : String(s.node?.nodeName),
            ),
          })
        }
      }).observe({ type: 'layout-shift', buffered: true })
    })
    return { page: opened.page, outside, releaseBanner }
  }

  const slotBox = (page: Page, name: string) =>
    page.locator(`.ad-${name} .ad-box`).evaluate((el) => {
      const r = el.getBoundingClientRect()
      return { width: Math.round(r.width), height: Math.round(r.height), top: Math.round(r.top + scrollY) }
    })

  for (const [label, viewport] of [
    ['390', VIEWPORTS.phone],
    ['1280', VIEWPORTS.desktop],
  ] as const) {
    test(`a house banner in the article keeps its place as it loads (${label} px): no layout shift`, async () => {
      const { page, outside, releaseBanner } = await open(viewport)
      await page.goto(articleUrl)
      const slot = page.locator('.ad-inArticle')
      await expect.poll(() => slot.count()).toBe(1)
      expect(await slot.locator('.ad-label').textContent()).toBe('광고')
      const before = await slotBox(page, 'inArticle')
      const textAfter = await page
        .locator('.ad-inArticle + *')
        .evaluate((el) => el.getBoundingClientRect().top + scrollY)

      // The page's own settling (the web font, the share buttons article.ts adds) is not the
      // slot's doing: shifts are counted from here, while the banner is still held back.
      await page.evaluate(() => document.fonts.ready)
      await page.waitForLoadState('load')
      await page.evaluate(() => {
        window.__shifts = []
      })
      await slot.scrollIntoViewIfNeeded()
      await expect.poll(() => outside.includes(BANNER), poll).toBe(true)
      releaseBanner()
      await expect
        .poll(
          () => slot.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
          poll,
        )
        .toBe(true)
      await page.locator('.ad-belowArticle').scrollIntoViewIfNeeded()
      await expect
        .poll(
          () =>
            page
              .locator('.ad-belowArticle img')
              .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
          poll,
        )
        .toBe(true)

      const after = await slotBox(page, 'inArticle')
      expect(after).toEqual(before)
      expect(before).toEqual({ width: 300, height: 250, top: before.top })
      expect(
        await page.locator('.ad-inArticle + *').evaluate((el) => el.getBoundingClientRect().top + scrollY),
      ).toBe(textAfter)
      // Every shift from the moment the banners were asked for until both had loaded.
      const shifts = await page.evaluate(() => window.__shifts)
      expect(shifts).toEqual([])
      expect(shifts.reduce((sum, s) => sum + s.value, 0)).toBe(0)
      await slot.scrollIntoViewIfNeeded()
      await page.screenshot({ path: `${SCREENSHOTS}/ad-slot-article-${label}.png` })
    })
  }

  test('GA4 runs under the page’s nonce, and nothing is blocked', async () => {
    const { page, outside, releaseBanner } = await open(VIEWPORTS.phone)
    releaseBanner()
    await page.goto(articleUrl)
    await expect.poll(() => page.evaluate(() => window.__gtagLoaded === true), poll).toBe(true)
    expect(await page.evaluate(() => (window.dataLayer ?? []).length)).toBeGreaterThan(0)
    expect(
      outside.some((u) => u.startsWith('https://www.googletagmanager.com/gtag/js?id=G-E2E0TEST01')),
    ).toBe(true)
    expect(await page.evaluate(() => window.__violations)).toEqual([])
  })

  test('an Instagram embed asks Instagram for nothing until the reader clicks it', async () => {
    const { page, outside, releaseBanner } = await open(VIEWPORTS.phone)
    releaseBanner()
    await page.goto(embedUrl)
    const card = page.locator('[data-tp="instagram"]')
    await card.scrollIntoViewIfNeeded()
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
    await page.screenshot({ path: `${SCREENSHOTS}/embed-instagram-before-click-390.png` })
    expect(outside.filter((u) => u.includes('instagram'))).toEqual([])

    await card.getByRole('link', { name: 'Instagram 게시물 보기' }).click()

    await expect
      .poll(() => outside.filter((u) => u.includes('instagram')), poll)
      .toEqual([`https://www.instagram.com/${INSTAGRAM_POST}/embed/`])
    await expect.poll(() => card.locator('iframe').count(), poll).toBe(1)
    expect(page.url()).toBe(`${site.baseUrl}${embedUrl}`)
    expect(await page.evaluate(() => window.__violations)).toEqual([])
  })

  // Last: it saves the screen's form, which keeps what the others set up.
  test('the admin fills the top banner on the integrations screen, and it shows on the home page', async () => {
    const { page, releaseBanner } = await open(VIEWPORTS.desktop)
    releaseBanner()
    await logInToNewsroom(page, 'admin@sinmun-demo.kr', 'test-admin-password')
    await page.getByRole('link', { name: '연동·광고' }).click()
    await page.screenshot({ path: `${SCREENSHOTS}/integrations-1280.png`, fullPage: false })
    await page.setViewportSize(VIEWPORTS.phone)
    await page.screenshot({ path: `${SCREENSHOTS}/integrations-390.png`, fullPage: false })

    await page.locator('[name="topBanner.kind"]').selectOption('house')
    await page.locator('[name="topBanner.image"]').fill(BANNER)
    await page.locator('[name="topBanner.link"]').fill('/page/about')
    await page.locator('[name="topBanner.alt"]').fill('자체 광고: 신문 구독 안내')
    await Promise.all([page.waitForURL(/done=saved/), page.getByRole('button', { name: '저장' }).click()])
    expect(await page.locator('.notice').first().textContent()).toContain('연동과 광고 설정을 저장했습니다')

    await page.goto('/')
    const banner = page.locator('.ad-topBanner img')
    expect(await banner.getAttribute('alt')).toBe('자체 광고: 신문 구독 안내')
    expect(await slotBox(page, 'topBanner')).toMatchObject({ width: 320, height: 100 })
    await page.screenshot({ path: `${SCREENSHOTS}/ad-top-banner-home-390.png` })
    await page.setViewportSize(VIEWPORTS.desktop)
    expect(await slotBox(page, 'topBanner')).toMatchObject({ width: 728, height: 90 })
    await page.screenshot({ path: `${SCREENSHOTS}/ad-top-banner-home-1280.png` })
  })
})
