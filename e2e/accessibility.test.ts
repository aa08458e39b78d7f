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
import { TipFormPage } from './pages/tip-form-page.js'
import { READER_PAGES, type ReaderPage, readerPagePaths } from './reader-pages.js'

const poll = { timeout: 5_000 }
// The checks below read the DOM, styles and layout, which are ready once the (deferred)
// module scripts have run; waiting for every photo and font subset would only slow them down.
const domReady = { waitUntil: 'domcontentloaded' } as const

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
          await page.goto(paths[name], domReady)

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
    expect(copy.passed.slice(-4)).toEqual(['카카오톡', '페이스북', 'X', '네이버 밴드'])
    expect(larger.passed).toEqual(['인쇄', 'A− 글자 작게'])
    for (const focused of [copy.target, larger.target]) {
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
      await page.goto(paths[name], domReady)
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
      await page.goto(paths[name], domReady)
      images.push(...(await frame.images()))
    }

    expect(images.length).toBeGreaterThan(10)
    expect(images.filter((i) => i.alt === null)).toEqual([])
    expect(images.filter((i) => i.decorativeSlot && i.alt !== '')).toEqual([])
    expect(images.filter((i) => !i.decorativeSlot && !i.alt?.trim())).toEqual([])
  })

  test('every page reflows at 320px (400% zoom) without sideways scrolling', async () => {
    const page = await newPage({ width: 320, height: 640 })
    const overflow: Record<string, number> = {}

    for (const name of READER_PAGES) {
      await page.goto(paths[name], domReady)
      overflow[name] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    }

    expect(overflow).toEqual(Object.fromEntries(READER_PAGES.map((name) => [name, 0])))
  })

  test('a 기사제보 sent with blank fields comes back with errors tied to each field', async () => {
    const page = await newPage(VIEWPORTS.phone)
    const form = new TipFormPage(page)
    await form.open()
    // Spaces pass the browser's own `required` check, so the server's validation answers.
    await form.fill({ 이름: ' ', '연락처 (전화 또는 이메일)': ' ', 제목: '제보 제목', 내용: ' ' })
    await page.getByLabel('위 개인정보 수집·이용에 동의합니다.').check()

    const status = await form.send()

    expect(status).toBe(400)
    expect(await form.alert().textContent()).toBe('입력 내용을 확인해 주세요.')
    expect(await form.description('이름')).toBe('필수 항목입니다.')
    expect(await form.description('내용')).toBe('필수 항목입니다.')
    expect(await form.field('제목').inputValue()).toBe('제보 제목')
    expect(await wcagViolations(page)).toEqual([])
  })
})
