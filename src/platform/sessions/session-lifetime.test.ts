// A reader login ends after a week unused (and after 30 days in any case); a staff login
// ends at its 30 days. The hourly housekeeping deletes ended sessions, ended invitation and
// reset links and stale login counts, and keeps everything still in use. On both databases.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { readerWithSession } from '../../testing/factories.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { READER_IDLE_MS, SESSION_TTL_MS } from './session-store.js'

const DAY = 24 * 3_600_000

for (const dialect of await testDialects()) {
  describe(`${dialect}: session lifetime and housekeeping`, () => {
    let app: TestApp
    let readerId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect, now: '2025-02-05T03:00:00.000Z' })
      readerId = await readerWithSession(app, '독자')
    })
    afterAll(() => app.cleanup())

    test('a reader who keeps coming back stays logged in until 30 days; one who stays away a week is logged out', async () => {
      app.clock.set('2025-02-05T03:00:00.000Z')
      const regular = await app.sessions.create('reader', readerId)
      const away = await app.sessions.create('reader', readerId)
      const staff = await app.sessions.create('staff', 1)

      for (let day = 6; day < 30; day += 6) {
        app.clock.advance(6 * DAY)
        expect(await app.sessions.read('reader', regular), `day ${day}`).toBeDefined()
      }
      // The one who stayed away since login: gone after seven days.
      expect(await app.sessions.read('reader', away)).toBeUndefined()
      // Staff logins have no idle end.
      expect(await app.sessions.read('staff', staff)).toBeDefined()

      app.clock.set(new Date(Date.parse('2025-02-05T03:00:00.000Z') + SESSION_TTL_MS).toISOString())
      expect(await app.sessions.read('reader', regular)).toBeUndefined()
      expect(await app.sessions.read('staff', staff)).toBeUndefined()
    })

    test('an idle reader session ends exactly at its idle end', async () => {
      app.clock.set('2025-03-20T00:00:00.000Z')
      const token = await app.sessions.create('reader', readerId)
      app.clock.advance(READER_IDLE_MS - 60_000)
      expect(await app.sessions.read('reader', token)).toBeDefined()
      app.clock.advance(READER_IDLE_MS - 60_000)
      expect(await app.sessions.read('reader', token)).toBeDefined()
      app.clock.advance(READER_IDLE_MS + 1)
      expect(await app.sessions.read('reader', token)).toBeUndefined()
    })

    test('housekeeping deletes what has ended and keeps what is live', async () => {
      app.clock.set('2025-05-01T00:00:00.000Z')
      const db = app.db.kysely
      const count = async (table: 'sessions' | 'staffTokens' | 'loginThrottle') =>
        Number(
          (
            await db
              .selectFrom(table)
              .select((e) => e.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        )

      await app.housekeeping.runOnce()
      expect(await count('sessions')).toBe(0)

      const ended = await app.sessions.create('reader', readerId)
      const { link } = await app.services.staff.invite({
        email: 'old@example.kr',
        name: '옛기자',
        role: 'reporter',
      })
      await app.services.staff.login('nobody@example.kr', 'wrong-password', '203.0.113.9')
      app.clock.advance(8 * DAY)
      const live = await app.sessions.create('reader', readerId)
      const { link: fresh } = await app.services.staff.invite({
        email: 'new@example.kr',
        name: '새기자',
        role: 'reporter',
      })
      await app.services.staff.login('nobody@example.kr', 'wrong-password', '203.0.113.10')

      expect(await count('sessions')).toBe(2)
      expect(await count('staffTokens')).toBe(2)
      expect(await count('loginThrottle')).toBe(3)
      const deleted = await app.housekeeping.runOnce()
      expect(deleted).toEqual({ sessions: 1, staff: 1 + 1 })
      expect(await count('sessions')).toBe(1)
      expect(await app.sessions.read('reader', live)).toBeDefined()
      expect(await app.sessions.read('reader', ended)).toBeUndefined()
      expect(await count('staffTokens')).toBe(1)
      // The live invitation link still works; the account and address counts of today stay.
      await app.services.staff.setPasswordWithToken(fresh.split('/').pop()!, 'invite', 'a-new-password-123')
      expect(await count('loginThrottle')).toBe(2)
      expect(link).not.toBe(fresh)
    })
  })
}
