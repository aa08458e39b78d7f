// Every newsroom screen at a 390 px phone and a 1280 px desktop (issue 14): nothing is wider than
// the screen, and a screenshot of each goes to e2e/screenshots/newsroom-screens/ to be looked at.
// 홈 편집 is left out: it is being rebuilt with zones elsewhere.
import { mkdirSync } from 'node:fs'
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
import { logInToNewsroom } from './newsroom-fixtures.js'

const SCREENSHOTS = 'e2e/screenshots/newsroom-screens'
const skip = browserSkipReason()

describe.skipIf(skip !== null)('newsroom screens fit a phone and a desktop', () => {
  let site: RunningSite
  let browser: Browser
  let articleId: number
  beforeAll(async () => {
    site = await startSite()
    articleId = (await site.app.services.articles.latest(1))[0]!.id
    browser = await launchChromium()
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  const screens = () => ({
    dashboard: '/newsroom',
    'articles-all': '/newsroom/articles?view=all',
    'articles-filtered': '/newsroom/articles?view=all&status=published&grade=normal',
    'desk-queue': '/newsroom/articles?view=waiting',
    'new-article': '/newsroom/articles/new',
    editor: `/newsroom/articles/${articleId}/edit`,
    history: `/newsroom/articles/${articleId}/history`,
    'article-stats': `/newsroom/articles/${articleId}/stats`,
    stats: '/newsroom/stats',
    inbox: '/newsroom/inbox',
    moderation: '/newsroom/moderation',
    pages: '/newsroom/pages',
    profile: '/newsroom/profile',
    redirects: '/newsroom/redirects',
    sections: '/newsroom/sections',
    settings: '/newsroom/settings',
    staff: '/newsroom/staff',
    'search-aliases': '/newsroom/search-aliases',
  })

  for (const viewport of Object.values(VIEWPORTS)) {
    test(`${viewport.width}px: no screen is wider than the window`, async () => {
      const { page } = await openPage(browser, { baseUrl: site.baseUrl, viewport })
      page.setDefaultTimeout(15_000)
      await logInToNewsroom(page, 'admin@sinmun-demo.kr', 'test-admin-password')
      const wide: string[] = []
      for (const [name, path] of Object.entries(screens())) {
        const response = await page.goto(path)
        expect(response?.status(), path).toBe(200)
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
        if (overflow > 0) wide.push(`${name} (+${overflow}px)`)
        await page.screenshot({ path: `${SCREENSHOTS}/${name}-${viewport.width}.png`, fullPage: true })
      }
      expect(wide).toEqual([])
    })
  }
})
