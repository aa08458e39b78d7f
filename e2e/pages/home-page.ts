// The home page as a reader sees it. Page objects find and act; the tests assert.
import type { Locator, Page } from 'playwright-core'

export class HomePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/')
  }

  /** The top story's headline link, inside the region named 톱기사 (its photo links too). */
  topStoryLink(): Locator {
    return this.page.getByRole('region', { name: '톱기사' }).locator('.top-link')
  }

  async topStoryHeadline(): Promise<string> {
    return (await this.topStoryLink().textContent())?.trim() ?? ''
  }

  async openTopStory() {
    await Promise.all([this.page.waitForURL(/\/news\/\d+$/), this.topStoryLink().click()])
  }

  /** A zone of the page by its heading (주요 기사, 포토뉴스, 오피니언, 많이 본 뉴스 …). */
  zone(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true })
  }

  breaking(): Locator {
    return this.page.locator('.breaking')
  }

  /** The section blocks, each a region named after its section. */
  sectionBlocks(): Locator {
    return this.page.locator('.section-block')
  }

  /** How far the page is wider than the screen (0 when nothing sticks out sideways). */
  horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  }

  /** How many section blocks sit side by side on the first row. */
  sectionColumns(): Promise<number> {
    return this.sectionBlocks().evaluateAll((blocks) => {
      const top = blocks[0]?.getBoundingClientRect().top
      return blocks.filter((b) => b.getBoundingClientRect().top === top).length
    })
  }

  /** Starts adding up layout shifts from now on (CLS entries the browser reports). */
  watchLayoutShift(): Promise<void> {
    return this.page.evaluate(() => {
      const w = window as unknown as { shift: number }
      w.shift = 0
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number
          hadRecentInput: boolean
        })[])
          if (!entry.hadRecentInput) w.shift += entry.value
      }).observe({ type: 'layout-shift' })
    })
  }

  /** The layout shift added up since watchLayoutShift(). */
  async layoutShiftSinceWatch(): Promise<number> {
    await this.page.waitForTimeout(200)
    return this.page.evaluate(() => (window as unknown as { shift: number }).shift)
  }
}
