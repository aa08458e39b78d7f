// The article page as a reader sees it: locators by role and visible text, and the few
// readings a test needs from the browser (computed style, clipboard). No assertions here.
import type { Locator, Page } from 'playwright-core'

export const KAKAO_SDK_URL = 'https://t1.kakaocdn.net/**'

export class ArticlePage {
  constructor(readonly page: Page) {}

  async open(path: string) {
    await this.page.goto(path)
  }

  headline(): Locator {
    return this.page.getByRole('heading', { level: 1 })
  }

  progressBar(): Locator {
    return this.page.getByRole('progressbar', { name: '읽은 정도' })
  }

  async progressValue(): Promise<number> {
    return Number(await this.progressBar().getAttribute('aria-valuenow'))
  }

  /** How far the bar's fill is drawn, 0–1: the x scale of its computed transform. */
  async progressFillScale(): Promise<number> {
    const transform = await this.progressBar()
      .locator('.progress-fill')
      .evaluate((el) => getComputedStyle(el).transform)
    const match = transform.match(/^matrix\(([-\d.e]+)/)
    return match ? Number(match[1]) : 0
  }

  async scrollDown(pixels: number) {
    await this.page.mouse.wheel(0, pixels)
  }

  sharePanel(): Locator {
    return this.page.getByRole('region', { name: '이 기사를 공유합니다' })
  }

  shareLink(name: '페이스북' | 'X' | '네이버 밴드'): Locator {
    return this.sharePanel().getByRole('link', { name, exact: true })
  }

  kakaoButton(): Locator {
    return this.sharePanel().getByRole('button', { name: '카카오톡' })
  }

  copyLinkButton(): Locator {
    return this.sharePanel().getByRole('button', { name: '링크 복사' })
  }

  printButton(): Locator {
    return this.sharePanel().getByRole('button', { name: '인쇄' })
  }

  fontLargerButton(): Locator {
    return this.sharePanel().getByRole('button', { name: '글자 크게' })
  }

  fontSmallerButton(): Locator {
    return this.sharePanel().getByRole('button', { name: '글자 작게' })
  }

  /** Every link and button of the share panel and the tools beside it. */
  shareControls(): Locator {
    return this.sharePanel().locator('a, button')
  }

  shareStatus(): Locator {
    return this.sharePanel().getByRole('status')
  }

  async readClipboard(): Promise<string> {
    return this.page.evaluate(() => navigator.clipboard.readText())
  }

  /**
   * Stands in for Kakao's JavaScript SDK at the HTTP edge (no network in tests): it records
   * what the page asked KakaoTalk to share instead of opening Kakao's share dialog.
   */
  async fakeKakaoSdk() {
    await this.page.route(KAKAO_SDK_URL, (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.Kakao = {
          key: null,
          isInitialized() { return this.key !== null },
          init(key) { this.key = key },
          Share: { sendScrap(options) { window.__kakaoShared = { key: window.Kakao.key, url: options.requestUrl } } },
        }`,
      }),
    )
  }

  /** What the (fake) Kakao SDK was asked to share, or null. */
  kakaoShared(): Promise<{ key: string; url: string } | null> {
    return this.page.evaluate(
      () => (window as unknown as { __kakaoShared?: { key: string; url: string } }).__kakaoShared ?? null,
    )
  }

  /** The first paragraph of the body: the one opening with the byline. */
  bodyText(): Locator {
    return this.page.locator('#article-body > p').first()
  }

  async bodyFontSize(): Promise<number> {
    return this.bodyText().evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))
  }

  /** `매체명=이름 기자`, opening the first paragraph of the body. */
  byline(): Locator {
    return this.bodyText().getByText(/^[^=]+=.+ 기자$/)
  }

  leadPhoto(): Locator {
    return this.page.getByRole('main').getByRole('figure').first()
  }

  photoCaption(): Locator {
    return this.leadPhoto().locator('figcaption')
  }

  photoCredit(): Locator {
    return this.leadPhoto().getByText(/^사진=/)
  }

  /** The copyright line under the article (the footer prints its own). */
  copyrightLine(): Locator {
    return this.page.getByRole('main').getByText(/^저작권자 © .+ 무단전재 및 재배포 금지$/)
  }

  commentsHeading(): Locator {
    return this.page.getByRole('heading', { name: /^댓글 \d+$/ })
  }

  boxHeading(name: '투데이포토' | '많이 본 뉴스'): Locator {
    return this.page.getByRole('heading', { name, exact: true })
  }
}
