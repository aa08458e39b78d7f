// Failed-login throttling, kept in the database so a lockout survives a restart and holds on
// every node: per account (a guessed password) and per IP address (one address trying many
// accounts). A success clears the account's count, not the address's.
import type { Kysely } from 'kysely'
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
    /** The time until which any of the keys is locked, or null. */
    async lockedUntil(keys: string[]): Promise<string | null> {
      const now = deps.clock.now().toISOString()
      const rows = await db
        .selectFrom('loginThrottle')
        .select('lockedUntil')
        .where('key', 'in', keys)
        .where('lockedUntil', '>', now)
        .execute()
      const until = rows.map((r) => r.lockedUntil!).sort()
      return until[until.length - 1] ?? null
    },

    async recordFailure(keys: string[]): Promise<void> {
      const now = deps.clock.now()
      const nowIso = now.toISOString()
      for (const key of keys) {
        const row = await db.selectFrom('loginThrottle').selectAll().where('key', '=', key).executeTakeFirst()
        const fresh = !row || Date.parse(row.windowStartedAt) + THROTTLE.windowMs <= now.getTime()
        const failures = fresh ? 1 : row.failures + 1
        const lockedUntil =
          failures >= limitFor(key) ? new Date(now.getTime() + THROTTLE.lockMs).toISOString() : null
        const values = {
          failures: lockedUntil ? 0 : failures,
          windowStartedAt: fresh || lockedUntil ? nowIso : row.windowStartedAt,
          lockedUntil,
        }
        await db
          .insertInto('loginThrottle')
          .values({ key, ...values })
          .onConflict((oc) => oc.column('key').doUpdateSet(values))
          .execute()
      }
    },

    async clear(key: string): Promise<void> {
      await db.deleteFrom('loginThrottle').where('key', '=', key).execute()
    },
  }
}

export type LoginThrottle = ReturnType<typeof createLoginThrottle>
