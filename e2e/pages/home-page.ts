// The home page as a reader sees it. Page objects find and act; the tests assert.
import type { Locator, Page } from 'playwright-core'

export class HomePage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/')
  }

  /** The top story's link (photo and headline), inside the region named 톱기사. */
  topStoryLink(): Locator {
    return this.page.getByRole('region', { name: '톱기사' }).getByRole('link').first()
  }

  async topStoryHeadline(): Promise<string> {
    return (await this.topStoryLink().textContent())?.trim() ?? ''
  }

  async openTopStory() {
    await Promise.all([this.page.waitForURL(/\/news\/\d+$/), this.topStoryLink().click()])
  }
}
