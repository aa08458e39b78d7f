// The reader's story in a real browser: from the home page to the top story, then every
// interactive and required part of the article page (DESIGN.md's reference page).
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
import { HomePage } from './pages/home-page.js'

const SCREENSHOTS = 'e2e/screenshots'
const KAKAO_KEY = 'e2e-kakao-app-key'
const poll = { timeout: 5_000 }

describe.skipIf(browserSkipReason())('article page in Chromium', () => {
  let site: RunningSite
  /** The same site with a Kakao app key configured, for the KakaoTalk SDK path. */
  let kakaoSite: RunningSite
  let browser: Browser
  let context: BrowserContext | undefined

  beforeAll(async () => {
    ;[site, kakaoSite, browser] = await Promise.all([
      startSite(),
      startSite({ KAKAO_JS_KEY: KAKAO_KEY }),
      launchChromium(),
    ])
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  afterEach(async () => {
    await context?.close()
    context = undefined
  })
  afterAll(async () => {
    await browser?.close()
    await Promise.all([site?.close(), kakaoSite?.close()])
  })

  /** Opens the home page at the given width and follows the top story. */
  async function openTopStory(viewport: { width: number; height: number } = VIEWPORTS.phone, on = site) {
    const opened = await openPage(browser, { baseUrl: on.baseUrl, viewport, clipboard: true })
    context = opened.context
    const home = new HomePage(opened.page)
    const article = new ArticlePage(opened.page)
    await article.fakeKakaoSdk()
    await home.open()
    const headline = await home.topStoryHeadline()
    await home.openTopStory()
    return { home, article, headline, url: opened.page.url() }
  }

  test('following the top story from the home page opens that article', async () => {
    const { article, headline, url } = await openTopStory()

    const shown = await article.headline().textContent()

    expect(url).toMatch(new RegExp(`^${site.baseUrl}/news/\\d+$`))
    expect(shown).toBe(headline)
  })

  test('the reading-progress bar grows as the reader scrolls down', async () => {
    const { article } = await openTopStory()
    const before = { value: await article.progressValue(), scale: await article.progressFillScale() }

    await article.scrollDown(1500)

    await expect.poll(() => article.progressValue(), poll).toBeGreaterThan(before.value)
    await expect.poll(() => article.progressFillScale(), poll).toBeGreaterThan(before.scale)
  })

  test('the share links carry the article URL to Facebook, X and Naver Band', async () => {
    const { article, url } = await openTopStory()

    const hrefs = {
      facebook: new URL((await article.shareLink('페이스북').getAttribute('href')) ?? ''),
      x: new URL((await article.shareLink('X').getAttribute('href')) ?? ''),
      band: new URL((await article.shareLink('네이버 밴드').getAttribute('href')) ?? ''),
    }

    expect(hrefs.facebook.host).toBe('www.facebook.com')
    expect(hrefs.facebook.searchParams.get('u')).toBe(url)
    expect(hrefs.x.host).toBe('twitter.com')
    expect(hrefs.x.searchParams.get('url')).toBe(url)
    expect(hrefs.band.host).toBe('band.us')
    expect(hrefs.band.searchParams.get('route')).toBe(url)
    expect(hrefs.band.searchParams.get('body')).toContain(url)
  })

  test('the KakaoTalk button hands the article URL to Kakao when an app key is set', async () => {
    const { article, url } = await openTopStory(VIEWPORTS.phone, kakaoSite)

    await article.kakaoButton().click()

    await expect.poll(() => article.kakaoShared(), poll).toEqual({ key: KAKAO_KEY, url })
  })

  test('without a Kakao app key or a share sheet, KakaoTalk copies the link and says to paste it there', async () => {
    const { article, url } = await openTopStory()

    await article.kakaoButton().click()

    await expect
      .poll(() => article.shareStatus().textContent(), poll)
      .toBe('링크가 복사되었습니다. 카카오톡 대화창에 붙여 넣어 공유해 주세요.')
    expect(await article.readClipboard()).toBe(url)
    expect(await article.kakaoShared()).toBeNull()
  })

  test('copy link puts the article URL on the clipboard and says so', async () => {
    const { article, url } = await openTopStory()

    await article.copyLinkButton().click()

    await expect.poll(() => article.shareStatus().textContent(), poll).toBe('링크가 복사되었습니다.')
    expect(await article.shareStatus().isVisible()).toBe(true)
    expect(await article.readClipboard()).toBe(url)
  })

  test('A+ makes the body text larger and the size survives a reload', async () => {
    const { article } = await openTopStory()
    const before = await article.bodyFontSize()

    await article.fontLargerButton().click()
    await expect.poll(() => article.bodyFontSize(), poll).toBeGreaterThan(before)
    const enlarged = await article.bodyFontSize()
    await article.page.reload()

    expect(await article.bodyFontSize()).toBe(enlarged)
  })

  test('byline, photo caption and credit, copyright, comment count and side boxes are visible', async () => {
    const { article } = await openTopStory()

    const visible = {
      byline: await article.byline().isVisible(),
      caption: await article.photoCaption().isVisible(),
      credit: await article.photoCredit().isVisible(),
      copyright: await article.copyrightLine().isVisible(),
      comments: await article.commentsHeading().isVisible(),
      todayPhoto: await article.boxHeading('투데이포토').isVisible(),
      mostRead: await article.boxHeading('많이 본 뉴스').isVisible(),
    }

    expect(visible).toEqual({
      byline: true,
      caption: true,
      credit: true,
      copyright: true,
      comments: true,
      todayPhoto: true,
      mostRead: true,
    })
    expect(await article.byline().textContent()).toMatch(/^신문일보=\S+ 기자/)
    expect(await article.copyrightLine().textContent()).toContain('(주)신문일보')
  })

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`home and article fit a ${viewport.width}px screen without sideways scrolling (screenshots saved)`, async () => {
      const { home, article } = await openTopStory(viewport)

      await article.page.goBack()
      const homeOverflow = await shoot(home.page, `home-${viewport.width}`)
      await article.page.goForward()
      const articleOverflow = await shoot(article.page, `article-${viewport.width}`)

      expect({ name, home: homeOverflow, article: articleOverflow }).toEqual({ name, home: 0, article: 0 })
    })
  }
})

/**
 * Loads every lazy photo, saves a full-page screenshot and returns by how many pixels the
 * page is wider than the screen (0 when nothing sticks out).
 */
async function shoot(page: Page, file: string): Promise<number> {
  await page.evaluate(async () => {
    for (const img of document.querySelectorAll('img[loading="lazy"]')) img.setAttribute('loading', 'eager')
    await Promise.all(
      [...document.images].map((img) =>
        img.complete
          ? null
          : new Promise((done) => {
              img.addEventListener('load', done, { once: true })
              img.addEventListener('error', done, { once: true })
            }),
      ),
    )
    await document.fonts.ready
  })
  await page.screenshot({ path: `${SCREENSHOTS}/${file}.png`, fullPage: true })
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
}
