// Printing an article to A4: the article uses the paper's full width under the outlet's name
// and logo, with the article's address and the print date; menus, sharing, comments, the side
// column and ad slots (`.ad-slot`, the class issue 16's ad slots carry) stay off the paper.
import { mkdirSync } from 'node:fs'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest'
import { browserSkipReason, launchChromium, openPage, type RunningSite, startSite } from './fixtures.js'

const SCREENSHOTS = 'e2e/screenshots'
/** A4's printable width at 96 dpi with the 14 mm margins of site.css's @page. */
const A4_CONTENT = { width: 688, height: 1000 }

describe.skipIf(browserSkipReason())('an article printed to A4', () => {
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

  for (const viewport of [A4_CONTENT, { width: 1280, height: 900 }]) {
    test(`laid out ${viewport.width} px wide, the paper carries the article, the outlet, its address and the date`, async () => {
      const opened = await openPage(browser, { baseUrl: site.baseUrl, viewport })
      context = opened.context
      const page = opened.page
      await page.goto(articlePath)
      // An ad slot as issue 16's ad slots render it.
      await page.evaluate(() => {
        const ad = Object.assign(document.createElement('div'), { className: 'ad-slot', textContent: 'AD' })
        document.querySelector('.article-body')?.append(ad)
      })
      await page.emulateMedia({ media: 'print' })
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')))

      const seen = await page.evaluate(() => {
        const visible = (selector: string) => {
          const el = document.querySelector<HTMLElement>(selector)
          return !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden'
        }
        return {
          articleShare: document.querySelector('.article')!.getBoundingClientRect().width / window.innerWidth,
          logo: visible('.brand img'),
          note: document.querySelector('.print-note')?.textContent ?? '',
          hidden: [
            '.sections-nav',
            '.search-box',
            '.share',
            '.comments',
            '.sidebar',
            '.ad-slot',
            '.site-footer',
          ].filter((s) => !visible(s)),
        }
      })
      await page.screenshot({ path: `${SCREENSHOTS}/print-article-${viewport.width}.png`, fullPage: true })

      expect(seen.articleShare).toBeGreaterThan(0.95)
      expect(seen.logo).toBe(true)
      expect(seen.note).toContain(`기사 주소 ${site.baseUrl}${articlePath}`)
      expect(seen.note).toMatch(/인쇄 \d{4}\.\d{2}\.\d{2} \d{2}:\d{2}/)
      expect(seen.hidden).toEqual([
        '.sections-nav',
        '.search-box',
        '.share',
        '.comments',
        '.sidebar',
        '.ad-slot',
        '.site-footer',
      ])
    })
  }
})
