// Server-side sessions. The cookie holds a random token; the store keeps only its SHA-256,
// so a leaked table or backup cannot be replayed. The database store is the default; a
// Redis store (same interface) shares sessions between nodes.
import { createHash, randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Clock } from '../clock.js'
import type { PlatformTables, SessionKind } from './sessions.table.js'

export interface Session {
  kind: SessionKind
  subjectId: number
  data: Record<string, unknown>
  expiresAt: string
}

export interface SessionStore {
  /** Creates a session and returns the token for the cookie. */
  create(kind: SessionKind, subjectId: number, data?: Record<string, unknown>): Promise<string>
  /** The live session of a token of the given kind, or undefined. */
  read(kind: SessionKind, token: string): Promise<Session | undefined>
  destroy(token: string): Promise<void>
  /** Ends every session of a subject (suspension, password change). */
  destroyAllFor(kind: SessionKind, subjectId: number): Promise<void>
  /** Deletes the sessions that have ended; returns how many (the housekeeping job). */
  purgeExpired(): Promise<number>
}

const DAY_MS = 24 * 3_600_000
/** No session lives longer than this from its login. */
export const SESSION_TTL_MS = 30 * DAY_MS
/**
 * A reader session also ends after this long unused: a phone left logged in at a 피시방 or
 * lent to someone should not stay a login for a month. Staff sessions end only at the TTL.
 */
export const READER_IDLE_MS = 7 * DAY_MS
/** A read pushes the idle end forward at most this often: one write an hour, not per page. */
const TOUCH_EVERY_MS = 3_600_000

/** When a session read (or created) at `nowMs` ends: its idle end, never past its lifetime. */
export function sessionEnd(kind: SessionKind, createdAtMs: number, nowMs: number): number {
  const lifetimeEnd = createdAtMs + SESSION_TTL_MS
  return kind === 'reader' ? Math.min(lifetimeEnd, nowMs + READER_IDLE_MS) : lifetimeEnd
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url')
export const newToken = () => randomBytes(32).toString('base64url')

export function createDatabaseSessionStore(deps: { db: Kysely<PlatformTables>; clock: Clock }): SessionStore {
  const { db } = deps
  return {
    async create(kind, subjectId, data = {}) {
      const token = newToken()
      const now = deps.clock.now()
      await db
        .insertInto('sessions')
        .values({
          id: hashToken(token),
          kind,
          subjectId,
          data: JSON.stringify(data),
          createdAt: now.toISOString(),
          expiresAt: new Date(sessionEnd(kind, now.getTime(), now.getTime())).toISOString(),
        })
        .execute()
      return token
    },
    async read(kind, token) {
      const now = deps.clock.now()
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', hashToken(token))
        .where('kind', '=', kind)
        .where('expiresAt', '>', now.toISOString())
        .executeTakeFirst()
      if (!row) return undefined
      let expiresAt = row.expiresAt
      const end = sessionEnd(kind, Date.parse(row.createdAt), now.getTime())
      if (end - Date.parse(expiresAt) >= TOUCH_EVERY_MS) {
        expiresAt = new Date(end).toISOString()
        await db.updateTable('sessions').set({ expiresAt }).where('id', '=', row.id).execute()
      }
      return {
        kind: row.kind,
        subjectId: row.subjectId,
        data: JSON.parse(row.data) as Record<string, unknown>,
        expiresAt,
      }
    },
    async destroy(token) {
      await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute()
    },
    async destroyAllFor(kind, subjectId) {
      await db.deleteFrom('sessions').where('kind', '=', kind).where('subjectId', '=', subjectId).execute()
    },
    async purgeExpired() {
      const result = await db
        .deleteFrom('sessions')
        .where('expiresAt', '<=', deps.clock.now().toISOString())
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}
