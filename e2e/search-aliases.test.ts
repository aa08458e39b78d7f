// The desk teaches search a spelling in a real browser: on 검색 동의어 a desk editor adds
// "누리전지" as another name of 누리배터리; a reader searching 누리전지 finds the article at
// once, with the spelling the article uses marked; a spelling alone is refused with the text
// kept; the entry is removed again. Screenshots of both screens at 390 and 1280 pixels.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  browserSkipReason,
  launchChromium,
  openPage,
  type RunningSite,
  startSite,
  VIEWPORTS,
} from './fixtures.js'
import { createStaff, logInToNewsroom } from './newsroom-fixtures.js'

const SCREENSHOTS = 'e2e/screenshots'
const skip = browserSkipReason()

describe.skipIf(skip !== null)('search aliases in the browser', () => {
  let site: RunningSite
  let browser: Browser

  async function deskPage(viewport: { width: number; height: number }): Promise<Page> {
    const { page } = await openPage(browser, { baseUrl: site.baseUrl, viewport })
    page.setDefaultTimeout(10_000)
    await logInToNewsroom(page, 'alias-desk@example.kr')
    return page
  }

  async function shoot(page: Page, file: string): Promise<number> {
    await page.evaluate(() => document.fonts.ready)
    await page.screenshot({ path: `${SCREENSHOTS}/${file}.png`, fullPage: true })
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true })
    site = await startSite()
    await createStaff(site.app, { email: 'alias-desk@example.kr', name: '박데스크', role: 'desk' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  test('a reader finds the article by the spelling the desk added, and not after it is removed', async () => {
    const desk = await deskPage(VIEWPORTS.desktop)
    const { page: reader } = await openPage(browser, { baseUrl: site.baseUrl, viewport: VIEWPORTS.phone })
    await reader.goto(`/search?q=${encodeURIComponent('누리전지')}`)
    expect(await reader.textContent('main')).toContain('검색 결과가 없습니다')

    await desk.click('nav a[href="/newsroom/search-aliases"]')
    await desk.fill('textarea[name=spellings]', '누리전지')
    await desk.click('main form[action="/newsroom/search-aliases"] button[type=submit]')
    expect(await desk.textContent('[role=alert]')).toContain('두 개 이상')
    expect(await desk.inputValue('textarea[name=spellings]')).toBe('누리전지')

    await desk.fill('textarea[name=spellings]', '누리전지, 누리배터리')
    await Promise.all([
      desk.waitForURL(/done=added/),
      desk.click('main form[action="/newsroom/search-aliases"] button[type=submit]'),
    ])
    expect(await desk.textContent('[role=status]')).toContain('추가했습니다')
    expect(await desk.textContent('table.aliases')).toContain('누리전지 = 누리배터리')
    expect(await desk.textContent('table.aliases')).toContain('박데스크')

    await reader.goto(`/search?q=${encodeURIComponent('누리전지')}`)
    const first = reader.locator('main article.item', { hasText: '누리배터리' }).first()
    expect(await first.locator('mark').first().textContent()).toBe('누리배터리')

    await Promise.all([
      desk.waitForURL(/done=removed/),
      desk.click('button[aria-label="누리전지 = 누리배터리 삭제"]'),
    ])
    expect(await desk.textContent('main')).toContain('아직 추가한 동의어가 없습니다')
    await reader.goto(`/search?q=${encodeURIComponent('누리전지')}`)
    expect(await reader.textContent('main')).toContain('검색 결과가 없습니다')
  })

  for (const viewport of Object.values(VIEWPORTS)) {
    test(`the alias screen and an alias search fit a ${viewport.width}px screen (screenshots saved)`, async () => {
      await site.app.services.search.aliases.add('한빛일렉트릭, Hanbit Electric, 한빛전기', 1)
      const desk = await deskPage(viewport)
      await desk.goto('/newsroom/search-aliases')
      await desk.click('details.builtin-aliases summary')
      const deskOverflow = await shoot(desk, `search-aliases-${viewport.width}`)
      const { page: reader } = await openPage(browser, { baseUrl: site.baseUrl, viewport })
      await reader.goto(`/search?q=${encodeURIComponent('오픈에이아이')}`)
      expect(await reader.locator('main mark', { hasText: 'OpenAI' }).count()).toBeGreaterThan(0)
      const readerOverflow = await shoot(reader, `search-alias-results-${viewport.width}`)
      expect({ deskOverflow, readerOverflow }).toEqual({ deskOverflow: 0, readerOverflow: 0 })
    })
  }
})
