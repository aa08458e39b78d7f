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
}

export const SESSION_TTL_MS = 30 * 24 * 3_600_000

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
          expiresAt: new Date(now.getTime() + SESSION_TTL_MS).toISOString(),
        })
        .execute()
      return token
    },
    async read(kind, token) {
      const row = await db
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', hashToken(token))
        .where('kind', '=', kind)
        .where('expiresAt', '>', deps.clock.now().toISOString())
        .executeTakeFirst()
      if (!row) return undefined
      return {
        kind: row.kind,
        subjectId: row.subjectId,
        data: JSON.parse(row.data) as Record<string, unknown>,
        expiresAt: row.expiresAt,
      }
    },
    async destroy(token) {
      await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute()
    },
    async destroyAllFor(kind, subjectId) {
      await db.deleteFrom('sessions').where('kind', '=', kind).where('subjectId', '=', subjectId).execute()
    },
  }
}
