// Test data for comment tests: readers with a live session, articles to comment on.

import type { Sinmun } from '../../../app.js'
import { READER_SESSION_COOKIE } from '../../../platform/http/cookies.js'
import type { TestApp } from '../../../testing/test-app.js'
import type { TestBrowser } from './http-client.js'

let next = 0

/** A reader account and (optionally) a browser logged in as them, without the OIDC dance. */
export async function readerWithSession(
  app: Pick<Sinmun, 'db' | 'sessions' | 'http' | 'clock'>,
  displayName: string,
  browser?: TestBrowser,
) {
  next += 1
  const row = await app.db.kysely
    .insertInto('readers')
    .values({
      provider: 'test',
      subject: `s${process.pid}-${next}-${Math.random()}`,
      displayName,
      createdAt: app.clock.now().toISOString(),
      suspendedAt: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  if (browser) {
    const token = await app.sessions.create('reader', row.id)
    browser.cookies.set(READER_SESSION_COOKIE, app.http.signCookie(token))
  }
  return row.id
}

/** Published articles with their (demo) comments cleared, so counts start at 0. */
export async function publishedArticleIds(app: TestApp, count: number): Promise<number[]> {
  const rows = await app.db.kysely
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .orderBy('id')
    .limit(count)
    .execute()
  const ids = rows.map((r) => r.id)
  if (ids.length > 0) {
    const db = app.db.kysely
    await db.updateTable('comments').set({ parentId: null }).where('articleId', 'in', ids).execute()
    await db.deleteFrom('comments').where('articleId', 'in', ids).execute()
    app.bus.publish(ids.map((id) => `article:${id}`))
  }
  return ids
}
