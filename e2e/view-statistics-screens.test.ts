// The statistics screens as the desk reads them, at 390 and 1280 px: no sideways scrolling,
// the sources table and the daily bars in view. Screenshots go to e2e/screenshots/.
import type { Browser } from 'playwright-core'
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

const skip = browserSkipReason()
const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148'

describe.skipIf(skip !== null)('statistics screens in the browser', () => {
  let site: RunningSite
  let browser: Browser
  let articleId = 0

  beforeAll(async () => {
    site = await startSite()
    await createStaff(site.app, { email: 'desk@example.kr', name: '정데스크', role: 'desk' })
    articleId = (await site.app.services.articles.latest(1))[0]!.id
    const referers = [
      'https://m.search.naver.com/',
      'https://search.daum.net/',
      '',
      'https://news.google.com/',
    ]
    for (let i = 0; i < 40; i++) {
      const referer = referers[i % referers.length]!
      await site.app.http.inject({
        url: `/news/${articleId}`,
        remoteAddress: `10.1.0.${i}`,
        headers: { 'user-agent': BROWSER, ...(referer ? { referer } : {}) },
      })
    }
    await site.app.services.views.flush()
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`the desk reads the figures at ${viewport.width} px`, async () => {
      const { context, page } = await openPage(browser, { baseUrl: site.baseUrl, viewport })
      await logInToNewsroom(page, 'desk@example.kr')

      await page.getByRole('link', { name: '통계' }).click()
      await expect.poll(() => page.getByRole('heading', { name: '조회수 통계' }).isVisible()).toBe(true)
      await page.screenshot({ path: `e2e/screenshots/stats-top-${name}.png`, fullPage: true })
      await page.click(`a[href="/newsroom/articles/${articleId}/stats"]`)
      await expect.poll(() => page.getByRole('rowheader', { name: '네이버' }).isVisible()).toBe(true)
      await page.screenshot({ path: `e2e/screenshots/stats-article-${name}.png`, fullPage: true })
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      await context.close()
    })
  }
})
