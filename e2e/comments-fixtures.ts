// Browser-test helpers of the comment section: a page object for the comment block and a
// way to seed comments by other readers. No assertions here (tests assert).
import type { Page } from 'playwright-core'
import { readerWithSession } from '../src/testing/factories.js'
import type { TestApp } from '../src/testing/test-app.js'

export class CommentBlock {
  constructor(readonly page: Page) {}

  section = () => this.page.locator('section.comments')
  count = async () => Number(await this.page.locator('.comment-count').first().textContent())
  comment = (text: string) =>
    this.page.locator('li.comment', { has: this.page.locator(`:scope > p.comment-body:text-is("${text}")`) })

  async write(text: string) {
    await this.page.getByLabel('댓글 내용').fill(text)
    await this.page.getByRole('button', { name: '등록', exact: true }).click()
    await this.page.waitForLoadState('load')
  }

  async reply(to: string, text: string) {
    const item = this.comment(to)
    await item.locator('summary', { hasText: '답글' }).click()
    await item.getByRole('textbox').fill(text)
    await item.getByRole('button', { name: '답글 등록' }).click()
    await this.page.waitForLoadState('load')
  }
}

/** A comment by another reader, written through the service as the route would. */
export async function commentByAnotherReader(app: TestApp, articleId: number, name: string, body: string) {
  const readerId = await readerWithSession(app, name)
  return app.services.commentsService.postComment(
    { kind: 'reader', reader: { id: readerId, displayName: name, suspended: false } },
    { articleId, parentId: null, body },
  )
}
