// What every reader page shares, as keyboard and screen-reader users meet it: the skip link,
// the landmarks, the focused element and its outline, the images and their alt text.
import type { Locator, Page } from 'playwright-core'

export interface FocusedElement {
  tag: string
  /** The accessible name as a user hears it: aria-label, else the visible text. */
  name: string
  id: string
  outlineStyle: string
  outlineWidth: number
}

export class SiteFrame {
  constructor(readonly page: Page) {}

  skipLink(): Locator {
    return this.page.getByRole('link', { name: '본문 바로가기' })
  }

  landmarkCounts(): Promise<Record<'banner' | 'navigation' | 'main' | 'contentinfo', number>> {
    const count = (role: 'banner' | 'navigation' | 'main' | 'contentinfo', name?: string) =>
      this.page.getByRole(role, name ? { name, exact: true } : {}).count()
    return Promise.all([
      count('banner'),
      count('navigation', '주요 메뉴'),
      count('main'),
      count('contentinfo'),
    ]).then(([banner, navigation, main, contentinfo]) => ({ banner, navigation, main, contentinfo }))
  }

  async focused(): Promise<FocusedElement | null> {
    return this.page.evaluate(() => {
      const el = document.activeElement
      if (!el || el === document.body) return null
      const style = getComputedStyle(el)
      // Text a screen reader reads: icons marked aria-hidden are not part of the name.
      const spoken = (node: Node): string =>
        [...node.childNodes]
          .map((child) =>
            child instanceof Element
              ? child.getAttribute('aria-hidden') === 'true'
                ? ''
                : spoken(child)
              : (child.textContent ?? ''),
          )
          .join('')
      return {
        tag: el.tagName.toLowerCase(),
        name: (el.getAttribute('aria-label') ?? spoken(el)).trim(),
        id: el.id,
        outlineStyle: style.outlineStyle,
        outlineWidth: Number.parseFloat(style.outlineWidth),
      }
    })
  }

  /**
   * Presses Tab until an element whose accessible name contains `name` has focus (or gives
   * up); returns it with the names of every element focused on the way, in order.
   */
  async tabTo(name: string, maxPresses = 80): Promise<{ target: FocusedElement | null; passed: string[] }> {
    const passed: string[] = []
    for (let i = 0; i < maxPresses; i++) {
      await this.page.keyboard.press('Tab')
      const focused = await this.focused()
      if (focused?.name.includes(name)) return { target: focused, passed }
      passed.push(focused?.name ?? '')
    }
    return { target: null, passed }
  }

  /** Every <img> with its alt attribute (null when missing) and whether it sits in a list of articles. */
  images(): Promise<{ src: string; alt: string | null; decorativeSlot: boolean }[]> {
    return this.page.locator('img').evaluateAll((imgs) =>
      imgs.map((img) => ({
        src: img.getAttribute('src') ?? '',
        alt: img.getAttribute('alt'),
        // Beside a headline inside the same link: the home's major row, section leads, columnists.
        decorativeSlot: img.closest('.thumb, .top-link, .major, .block-lead, .columnist') !== null,
      })),
    )
  }
}
