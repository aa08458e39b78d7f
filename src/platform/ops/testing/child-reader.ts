// A logged-in reader for a child-process node on SQLite: the reader and its session are written
// straight into the node's database file, and the signed cookie is made with the node's secret.
import { sign } from '@fastify/cookie'
import SQLite from 'better-sqlite3'
import { READER_SESSION_COOKIE } from '../../http/cookies.js'
import { hashToken, newToken } from '../../sessions/session-store.js'

export interface ChildReader {
  articleId: number
  /** Cookie header with the session and the CSRF secret; `csrf` is the matching form token. */
  cookies: string
  csrf: string
}

export async function childReader(
  baseUrl: string,
  file: string,
  secret: string,
  name: string,
): Promise<ChildReader> {
  const db = new SQLite(file)
  db.pragma('busy_timeout = 5000')
  const now = new Date().toISOString()
  let articleId: number
  const token = newToken()
  try {
    const readerId = Number(
      db
        .prepare("insert into readers (provider, subject, display_name, created_at) values ('test', ?, ?, ?)")
        .run(`${name}-${Math.random()}`, name, now).lastInsertRowid,
    )
    db.prepare(
      "insert into sessions (id, kind, subject_id, data, created_at, expires_at) values (?, 'reader', ?, '{}', ?, ?)",
    ).run(hashToken(token), readerId, now, new Date(Date.now() + 86_400_000).toISOString())
    articleId = (
      db.prepare("select id from articles where status = 'published' order by id limit 1").get() as {
        id: number
      }
    ).id
  } finally {
    db.close()
  }
  const session = `${READER_SESSION_COOKIE}=${encodeURIComponent(sign(token, secret))}`
  const page = await fetch(`${baseUrl}/news/${articleId}`, { headers: { cookie: session } })
  const html = await page.text()
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  if (!csrf) throw new Error('no comment form on the article page')
  const cookies = [session, ...page.headers.getSetCookie().map((c) => c.split(';')[0])].join('; ')
  return { articleId, cookies, csrf }
}

export async function postCommentAs(baseUrl: string, reader: ChildReader, body: string): Promise<Response> {
  return fetch(`${baseUrl}/news/${reader.articleId}/comments`, {
    method: 'POST',
    headers: {
      cookie: reader.cookies,
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
    },
    body: new URLSearchParams({ _csrf: reader.csrf, body }).toString(),
  })
}
