// The front page at 390 and 1280 px with every zone filled (screenshots in e2e/screenshots,
// copies kept in docs/screenshots), and a desk editor filling the top story by search in 홈 편집,
// with the keyboard only on a phone.
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import {
  browserSkipReason,
  launchChromium,
  openPage,
  type RunningSite,
  startSite,
  VIEWPORTS,
} from './fixtures.js'
import { createStaff, logInToNewsroom } from './newsroom-fixtures.js'
import { HomePage } from './pages/home-page.js'

const SCREENSHOTS = 'e2e/screenshots'

describe.skipIf(browserSkipReason())('the front page and its editor', () => {
  let site: RunningSite
  let browser: Browser
  let context: BrowserContext | undefined

  beforeAll(async () => {
    ;[site, browser] = await Promise.all([startSite(), launchChromium()])
    mkdirSync(SCREENSHOTS, { recursive: true })
    await createStaff(site.app, { email: 'home-desk@example.kr', name: '편집데스크', role: 'desk' })
  })
  afterEach(async () => {
    await context?.close()
    context = undefined
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  async function open(width: 390 | 1280) {
    const viewport = width === 390 ? VIEWPORTS.phone : VIEWPORTS.desktop
    const opened = await openPage(browser, { baseUrl: site.baseUrl, viewport, phone: width === 390 })
    context = opened.context
    return opened.page
  }

  for (const width of [390, 1280] as const) {
    test(`at ${width} px every zone is filled, nothing sticks out and no picture shifts the page`, async () => {
      const page = await open(width)
      const home = new HomePage(page)
      await home.open()
      await page.evaluate(() => document.fonts.ready)

      const filled = {
        breaking: await home.breaking().isVisible(),
        top: await home.topStoryHeadline(),
        major: await home.zone('주요 기사').locator('img').count(),
        photos: await home.zone('포토뉴스').locator('img').count(),
        sections: await home.sectionBlocks().count(),
        opinion: await home.zone('오피니언').getByRole('link').count(),
        mostRead: await home.zone('많이 본 뉴스').getByRole('link').count(),
      }
      const overflow = await home.horizontalOverflow()
      const columns = await home.sectionColumns()
      // Scroll through so the lazy pictures load: a picture without its size would shift the
      // page as it arrives. (The web font's swap at load is the whole site's, measured apart.)
      await home.watchLayoutShift()
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y)
          await new Promise((r) => setTimeout(r, 30))
        }
        window.scrollTo(0, 0)
      })
      const shift = await home.layoutShiftSinceWatch()
      await page.screenshot({ path: `${SCREENSHOTS}/home-${width}.png`, fullPage: true })

      expect(filled.breaking).toBe(true)
      expect(filled.top).not.toBe('')
      expect(filled.major).toBe(4)
      expect(filled.photos).toBe(4)
      expect(filled.sections).toBeGreaterThanOrEqual(6)
      expect(filled.opinion).toBe(4)
      expect(filled.mostRead).toBeGreaterThan(0)
      expect(overflow).toBe(0)
      expect(columns).toBe(width === 390 ? 1 : 3)
      expect(shift).toBe(0)
    })
  }

  test('a desk editor fills the top story by searching, with the keyboard on a phone', async () => {
    const page = await open(390)
    await logInToNewsroom(page, 'home-desk@example.kr')
    await page.goto('/newsroom/home')

    // From the top slot's own link to the search box, then to the result's button: keys only.
    await page.getByRole('link', { name: '톱기사 자리를 검색해서 채우기' }).focus()
    await Promise.all([page.waitForURL(/slot=h0/), page.keyboard.press('Enter')])
    const searchBox = page.getByRole('searchbox', { name: '출고된 기사 검색' })
    const focusedOnSearch = await searchBox.evaluate((el) => el === document.activeElement)
    await page.keyboard.type('마라톤')
    await Promise.all([page.waitForURL(/q=/), page.keyboard.press('Enter')])
    const put = page.getByRole('button', { name: /마라톤.*톱기사 자리에 넣기/ })
    await put.first().focus()
    await Promise.all([page.waitForURL(/done=pins/), page.keyboard.press('Enter')])
    const topSlot = (await page.locator('#slot-h0').textContent()) ?? ''
    const overflow = await new HomePage(page).horizontalOverflow()
    await page.screenshot({ path: `${SCREENSHOTS}/home-editor-390.png`, fullPage: true })

    const reader = new HomePage(page)
    await reader.open()
    const top = await reader.topStoryHeadline()

    expect(focusedOnSearch).toBe(true)
    expect(topSlot).toContain('마라톤')
    expect(topSlot).toContain('고정')
    expect(overflow).toBe(0)
    expect(top).toContain('마라톤')
  })

  test('the editor at 1280 px shows the zones as they will look', async () => {
    const page = await open(1280)
    await logInToNewsroom(page, 'home-desk@example.kr')
    await page.goto('/newsroom/home')
    const zones = await page.locator('.home-preview h2').allInnerTexts()
    await page.screenshot({ path: `${SCREENSHOTS}/home-editor-1280.png`, fullPage: true })

    expect(zones.slice(0, 3)).toEqual(['톱기사', '주요 기사', '정치'])
  })
})
