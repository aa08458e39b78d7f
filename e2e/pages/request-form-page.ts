// The public request form (/tip, /correction-request): fill it in as a reader would.
import type { Page } from 'playwright-core'

export class RequestFormPage {
  constructor(readonly page: Page) {}

  async open(path: '/tip' | '/correction-request' = '/correction-request') {
    await this.page.goto(path)
  }

  async fill(values: {
    kind: string
    name: string
    contact: string
    articleUrl?: string
    passage?: string
    subject: string
    body: string
  }) {
    await this.page.getByLabel(values.kind, { exact: true }).check()
    await this.page.getByLabel('이름', { exact: true }).fill(values.name)
    await this.page.getByLabel('연락처 (전화 또는 이메일)').fill(values.contact)
    if (values.articleUrl) await this.page.getByLabel('기사 주소').fill(values.articleUrl)
    if (values.passage) await this.page.getByLabel('문제가 된 기사 문장 (선택)').fill(values.passage)
    await this.page.getByLabel('제목', { exact: true }).fill(values.subject)
    await this.page.getByLabel('내용', { exact: true }).fill(values.body)
  }

  consent() {
    return this.page.getByLabel('위 개인정보 수집·이용에 동의합니다.').check()
  }

  async send() {
    await Promise.all([
      this.page.waitForResponse((r) => r.request().method() === 'POST'),
      this.page.getByRole('button', { name: '보내기' }).click(),
    ])
    await this.page.waitForLoadState('load')
  }
}
