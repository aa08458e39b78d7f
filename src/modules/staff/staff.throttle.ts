// Failed-login throttling, kept in the database so a lockout survives a restart and holds on
// every node: per account (a guessed password) and per IP address (one address trying many
// accounts). A success clears the account's count, not the address's.
import { type Kysely, sql } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import type { StaffTables } from './staff.table.js'

export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerIp: 30,
} as const

export const accountKey = (email: string) => `email:${email}`
export const ipKey = (ip: string) => `ip:${ip}`

export function createLoginThrottle(deps: { db: Kysely<StaffTables>; clock: Clock }) {
  const { db } = deps
  const limitFor = (key: string) => (key.startsWith('ip:') ? THROTTLE.maxPerIp : THROTTLE.maxPerAccount)

  return {
    /**
     * Counts an attempt before its password is checked, in one statement per key, so parallel
     * attempts cannot all slip in under the limit: of twelve at once against an account one
     * failure from its lock, one is checked and eleven are refused. Returns the lock time when
     * the attempt may not be checked; a success gives the address its attempt back (`succeeded`).
     */
    async claim(keys: string[]): Promise<{ lockedUntil: string | null; lastChance: string[] }> {
      const now = deps.clock.now()
      const nowIso = now.toISOString()
      const windowStart = new Date(now.getTime() - THROTTLE.windowMs).toISOString()
      const stale = sql<boolean>`${sql.ref('loginThrottle.windowStartedAt')} <= ${windowStart}`
      // A locked key keeps its count: attempts refused by the lock are not failures.
      const locked = sql<boolean>`${sql.ref('loginThrottle.lockedUntil')} > ${nowIso}`
      const lastChance: string[] = []
      let over = false
      for (const key of keys) {
        const row = await db
          .insertInto('loginThrottle')
          .values({ key, failures: 1, windowStartedAt: nowIso, lockedUntil: null })
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({
              failures: sql<number>`case when ${locked} then ${sql.ref('loginThrottle.failures')} when ${stale} then 1 else ${sql.ref('loginThrottle.failures')} + 1 end`,
              windowStartedAt: sql<string>`case when ${locked} or not (${stale}) then ${sql.ref('loginThrottle.windowStartedAt')} else ${nowIso} end`,
            }),
          )
          .returning(['failures', 'lockedUntil'])
          .executeTakeFirstOrThrow()
        if (row.lockedUntil && row.lockedUntil > nowIso)
          return { lockedUntil: row.lockedUntil, lastChance: [] }
        if (row.failures > limitFor(key)) over = true
        else if (row.failures === limitFor(key)) lastChance.push(key)
      }
      // Over the limit without a lock yet: the attempt that reached it is still being checked.
      if (over)
        return { lockedUntil: new Date(now.getTime() + THROTTLE.lockMs).toISOString(), lastChance: [] }
      return { lockedUntil: null, lastChance }
    },

    /** A claimed attempt failed: the keys it brought to their limit are locked. */
    async failed(lastChance: string[]): Promise<string | null> {
      if (lastChance.length === 0) return null
      const now = deps.clock.now()
      const lockedUntil = new Date(now.getTime() + THROTTLE.lockMs).toISOString()
      await db
        .updateTable('loginThrottle')
        .set({ failures: 0, windowStartedAt: now.toISOString(), lockedUntil })
        .where('key', 'in', lastChance)
        .execute()
      return lockedUntil
    },

    /** A claimed attempt succeeded: the address gets its attempt back. */
    async succeeded(key: string): Promise<void> {
      await db
        .updateTable('loginThrottle')
        .set({ failures: sql<number>`case when failures > 0 then failures - 1 else 0 end` })
        .where('key', '=', key)
        .execute()
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('loginThrottle').where('key', '=', key).execute()
    },

    /** Forgets counts whose window has passed and that hold no lock (the housekeeping job). */
    async purgeStale(): Promise<number> {
      const now = deps.clock.now()
      const windowStart = new Date(now.getTime() - THROTTLE.windowMs).toISOString()
      const result = await db
        .deleteFrom('loginThrottle')
        .where('windowStartedAt', '<=', windowStart)
        .where((eb) => eb.or([eb('lockedUntil', 'is', null), eb('lockedUntil', '<=', now.toISOString())]))
        .executeTakeFirst()
      return Number(result.numDeletedRows)
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
