// Who the reader is: the `sid` cookie points at a server-side session of kind 'reader'.
// Anonymous requests (no cookie) cost nothing; a request looks its reader up at most once.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import { READER_SESSION_COOKIE } from '../../platform/http/cookies.js'
import { clearSessionCookie, sessionToken, setSessionCookie } from '../../platform/sessions/session-cookie.js'
import type { SessionStore } from '../../platform/sessions/session-store.js'
import { findReader } from './accounts.repository.js'
import type { AccountsTables } from './accounts.table.js'

export interface Reader {
  id: number
  displayName: string
  suspended: boolean
}

export interface ReaderAuthDeps {
  db: Kysely<AccountsTables>
  sessions: SessionStore
  clock: Clock
  secureCookies: boolean
}

export function createReaderAuth(deps: ReaderAuthDeps) {
  const seen = new WeakMap<FastifyRequest, Promise<Reader | null>>()

  async function load(request: FastifyRequest): Promise<Reader | null> {
    const token = sessionToken(request, READER_SESSION_COOKIE, deps.secureCookies)
    if (!token) return null
    const session = await deps.sessions.read('reader', token)
    if (!session) return null
    const row = await findReader(deps.db, session.subjectId)
    if (!row) return null
    return { id: row.id, displayName: row.displayName, suspended: row.suspendedAt !== null }
  }

  return {
    /** The logged-in reader of this request, or null. */
    currentReader(request: FastifyRequest): Promise<Reader | null> {
      let found = seen.get(request)
      if (!found) {
        found = load(request)
        seen.set(request, found)
      }
      return found
    },

    async signIn(reply: FastifyReply, readerId: number) {
      const token = await deps.sessions.create('reader', readerId)
      setSessionCookie(reply, READER_SESSION_COOKIE, token, deps.secureCookies)
    },

    async signOut(request: FastifyRequest, reply: FastifyReply) {
      const token = sessionToken(request, READER_SESSION_COOKIE, deps.secureCookies)
      if (token) await deps.sessions.destroy(token)
      clearSessionCookie(reply, READER_SESSION_COOKIE, deps.secureCookies)
    },

    /** Ends every session of a reader (suspension). */
    signOutEverywhere: (readerId: number) => deps.sessions.destroyAllFor('reader', readerId),
  }
}

export type ReaderAuth = ReturnType<typeof createReaderAuth>
