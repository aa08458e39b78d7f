// WCAG 2.1 AA in a real browser: axe-core on every kind of reader page at phone and desktop
// widths, then what axe cannot judge alone: keyboard use of the skip link and the share
// panel, visible focus, landmarks and alt text.
import type { Browser, BrowserContext, Page } from 'playwright-core'
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
import { ArticlePage } from './pages/article-page.js'
import { SiteFrame } from './pages/site-frame.js'
import { READER_PAGES, type ReaderPage, readerPagePaths } from './reader-pages.js'

const poll = { timeout: 5_000 }

describe.skipIf(browserSkipReason())('accessibility in Chromium', () => {
  let site: RunningSite
  let browser: Browser
  let paths: Record<ReaderPage, string>
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    ;[site, browser] = await Promise.all([startSite(), launchChromium()])
    paths = await readerPagePaths(site.app)
  })
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()))
    await browser?.close()
    await site?.close()
  })

  async function newPage(viewport: { width: number; height: number }): Promise<Page> {
    const opened = await openPage(browser, { baseUrl: site.baseUrl, viewport, clipboard: true })
    contexts.push(opened.context)
    return opened.page
  }

  for (const viewport of Object.values(VIEWPORTS)) {
    describe(`axe, WCAG 2.1 A and AA, ${viewport.width}px wide`, () => {
      let page: Page
      beforeAll(async () => {
        page = await newPage(viewport)
      })

      for (const name of READER_PAGES) {
        test(name, async () => {
          await page.goto(paths[name])

          const violations = await wcagViolations(page)

          expect(violations).toEqual([])
        })
      }
    })
  }

  test('Tab first reaches the skip link, which moves focus to the main content', async () => {
    const page = await newPage(VIEWPORTS.desktop)
    const frame = new SiteFrame(page)
    await page.goto(paths.article)

    await page.keyboard.press('Tab')
    const first = await frame.focused()
    const skipBox = await frame.skipLink().boundingBox()
    await page.keyboard.press('Enter')

    expect(first?.name).toBe('본문 바로가기')
    expect(skipBox && skipBox.x >= 0 && skipBox.y >= 0).toBe(true)
    await expect.poll(async () => (await frame.focused())?.id, poll).toBe('content')
  })

  test('the share panel works from the keyboard with a visible focus outline', async () => {
    const page = await newPage(VIEWPORTS.phone)
    const frame = new SiteFrame(page)
    const article = new ArticlePage(page)
    await article.open(paths.article)
    const fontBefore = await article.bodyFontSize()

    const copy = await frame.tabTo('링크 복사')
    await page.keyboard.press('Enter')
    await expect.poll(() => article.shareStatus().textContent(), poll).toBe('링크가 복사되었습니다.')
    const larger = await frame.tabTo('글자 크게', 5)
    await page.keyboard.press('Space')

    await expect.poll(() => article.bodyFontSize(), poll).toBeGreaterThan(fontBefore)
    expect(await article.readClipboard()).toBe(`${site.baseUrl}${paths.article}`)
    for (const focused of [copy, larger]) {
      expect(focused?.tag).toBe('button')
      expect(focused?.outlineStyle).not.toBe('none')
      expect(focused?.outlineWidth).toBeGreaterThanOrEqual(2)
    }
  })

  test('every page has one banner, main menu, main and footer landmark', async () => {
    const page = await newPage(VIEWPORTS.desktop)
    const frame = new SiteFrame(page)
    const counts: Record<string, unknown> = {}

    for (const name of READER_PAGES) {
      await page.goto(paths[name])
      counts[name] = await frame.landmarkCounts()
    }

    const expected = { banner: 1, navigation: 1, main: 1, contentinfo: 1 }
    expect(counts).toEqual(Object.fromEntries(READER_PAGES.map((name) => [name, expected])))
  })

  test('photos say what they show; thumbnails beside a headline are marked decorative', async () => {
    const page = await newPage(VIEWPORTS.desktop)
    const frame = new SiteFrame(page)
    const images = []

    for (const name of ['home', 'article', 'section', 'reporter'] as const) {
      await page.goto(paths[name])
      images.push(...(await frame.images()))
    }

    expect(images.length).toBeGreaterThan(10)
    expect(images.filter((i) => i.alt === null)).toEqual([])
    expect(images.filter((i) => i.decorativeSlot && i.alt !== '')).toEqual([])
    expect(images.filter((i) => !i.decorativeSlot && !i.alt?.trim())).toEqual([])
  })
})
