// The 기사제보 form: fill it in as a reader would and read back what the page says.
import type { Locator, Page } from 'playwright-core'

export type TipField = '이름' | '연락처 (전화 또는 이메일)' | '제목' | '내용'

export class TipFormPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/tip')
  }

  field(label: TipField): Locator {
    return this.page.getByLabel(label, { exact: true })
  }

  async fill(values: Record<TipField, string>) {
    for (const [label, value] of Object.entries(values)) await this.field(label as TipField).fill(value)
  }

  /** Sends the form and returns the HTTP status of the page that comes back. */
  async send(): Promise<number> {
    const [response] = await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST'),
      this.page.getByRole('button', { name: '보내기' }).click(),
    ])
    await this.page.waitForLoadState('load')
    return response.status()
  }

  alert(): Locator {
    return this.page.getByRole('alert')
  }

  /** What a screen reader announces with the field: the text its aria-describedby points to. */
  description(label: TipField): Promise<string> {
    return this.field(label).evaluate((el) => {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean)
      return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
    })
  }
}
