// Test data made through the services, as the product makes it: sections, staff, readers with a
// live session, comments, and published articles with their comments cleared. Shared by the
// module tests and the browser tests, so no test writes another module's tables by hand.
import type { Sinmun } from '../app.js'
import { READER_SESSION_COOKIE } from '../platform/http/cookies.js'
import type { TestBrowser } from './http-client.js'
import type { TestApp } from './test-app.js'

let next = 0

/** A section of the menu (made if its address is new); returns its id. */
export async function section(app: Pick<Sinmun, 'services'>, slug: string, name: string): Promise<number> {
  return (await app.services.articleStore.findOrCreateSection(slug, name)).id
}

/** A newsroom account without a password (reporters sign in through an invitation). */
export function staffMember(
  app: Pick<Sinmun, 'services'>,
  who: { email: string; name: string; role: 'reporter' | 'desk' | 'admin' },
): Promise<number> {
  return app.services.staff.createAccount(who)
}

/** A reader account and (optionally) a browser logged in as them, without the OIDC dance. */
export async function readerWithSession(
  app: Pick<Sinmun, 'services' | 'sessions' | 'http'>,
  displayName: string,
  browser?: TestBrowser,
) {
  next += 1
  const reader = await app.services.accounts.findOrCreateReader({
    provider: 'test',
    subject: `s${process.pid}-${next}-${Math.random()}`,
    displayName,
  })
  if (browser) {
    const token = await app.sessions.create('reader', reader.id)
    browser.cookies.set(READER_SESSION_COOKIE, app.http.signCookie(token))
  }
  return reader.id
}

/** A published comment as it was written at `createdAt` (now by default). */
export function comment(
  app: Pick<Sinmun, 'services' | 'clock'>,
  c: { articleId: number; readerId: number; body: string; createdAt?: string },
): Promise<number> {
  return app.services.commentsService.importComment({
    articleId: c.articleId,
    parentId: null,
    readerId: c.readerId,
    guestName: null,
    body: c.body,
    status: 'published',
    createdAt: c.createdAt ?? app.clock.now().toISOString(),
  })
}

/** Published articles with their (demo) comments cleared, so counts start at 0. */
export async function publishedArticleIds(app: TestApp, count: number): Promise<number[]> {
  const ids = (await app.services.articles.latest(count)).map((a) => a.id).sort((x, y) => x - y)
  if (ids.length > 0) {
    // Clearing is test-only: the product never deletes comments in bulk.
    const db = app.db.kysely
    await db.updateTable('comments').set({ parentId: null }).where('articleId', 'in', ids).execute()
    await db.deleteFrom('comments').where('articleId', 'in', ids).execute()
    app.bus.publish(ids.map((id) => `article:${id}`))
  }
  return ids
}
