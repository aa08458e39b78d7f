// The site's header as a reader on a phone meets it: the masthead, the section menu that
// scrolls sideways, the search link. Finds and measures; the tests assert.
import type { Locator, Page } from 'playwright-core'

export interface Box {
  top: number
  bottom: number
  left: number
  right: number
  height: number
}

const boxOf = (locator: Locator): Promise<Box> =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height }
  })

export class SiteHeader {
  constructor(readonly page: Page) {}

  banner(): Locator {
    return this.page.getByRole('banner')
  }

  menu(): Locator {
    return this.page.getByRole('navigation', { name: '주요 메뉴', exact: true })
  }

  menuLinks(): Locator {
    return this.menu().getByRole('listitem').getByRole('link')
  }

  searchLink(): Locator {
    return this.menu().getByRole('link', { name: '검색', exact: true })
  }

  logo(): Locator {
    return this.banner().getByRole('img')
  }

  /** How many pixels of the header are inside the viewport. */
  async heightInView(): Promise<number> {
    const box = await boxOf(this.banner())
    const viewport = this.page.viewportSize()?.height ?? 0
    return Math.max(0, Math.min(box.bottom, viewport) - Math.max(box.top, 0))
  }

  box(locator: Locator): Promise<Box> {
    return boxOf(locator)
  }

  /** Whether the menu's "more this way" arrow is drawn (it fades out at the end of the menu). */
  hintOpacity(): Promise<number> {
    return this.menu()
      .locator('.menu-scroller')
      .evaluate((el) => Number(getComputedStyle(el, '::after').opacity))
  }

  /** A finger on the menu moving from right to left, as touch events from the browser's input. */
  async swipeMenuLeft(distance: number) {
    const box = await boxOf(this.menu())
    const y = Math.round(box.top + box.height / 2)
    const from = Math.round(box.right - 60)
    const steps = 10
    const session = await this.page.context().newCDPSession(this.page)
    await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: from, y }] })
    for (let i = 1; i <= steps; i++) {
      const x = Math.round(from - (distance * i) / steps)
      await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] })
    }
    await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    await session.detach()
  }

  /** The logo as loaded: which source the browser picked, its pixels and its drawn size. */
  logoImage(): Promise<{
    src: string
    naturalWidth: number
    drawnWidth: number
    width: string | null
    height: string | null
  }> {
    return this.logo().evaluate((img: HTMLImageElement) => ({
      src: img.currentSrc,
      naturalWidth: img.naturalWidth,
      drawnWidth: img.getBoundingClientRect().width,
      width: img.getAttribute('width'),
      height: img.getAttribute('height'),
    }))
  }
}
