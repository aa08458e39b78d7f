// Staff login: repeated failures lock the account (and, past a higher count, the address)
// for a while, across a restart; a reset link sets a new password and ends old sessions;
// the demo admin printed by the seeder logs in.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createStaffService, THROTTLE } from '../src/modules/staff/index.js'
import { tablesFor } from '../src/platform/db/database.js'
import { testDialects } from '../src/testing/dialects.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { anonymousJar, createStaff, loginJar, STAFF_PASSWORD } from './newsroom-fixtures.js'

for (const dialect of await testDialects()) {
  describe(`${dialect}: newsroom login`, () => {
    let app: TestApp

    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    })
    afterAll(() => app.cleanup())

    const attempt = async (email: string, password: string, ip = '203.0.113.7') => {
      const jar = await anonymousJar(app)
      return app.http.inject({
        method: 'POST',
        url: '/newsroom/login',
        remoteAddress: ip,
        headers: { cookie: jar.cookie },
        payload: { email, password, _csrf: jar.csrf },
      })
    }

    test('the demo admin logs in with the password the seeder printed', async () => {
      const res = await attempt('admin@sinmun-demo.kr', 'test-admin-password')
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe('/newsroom')
      const cookie = res.cookies.find((c) => c.name === 'nsid')
      expect(cookie?.httpOnly).toBe(true)
    })

    test('after repeated wrong passwords the account is locked, even for the right one, until the lock ends', async () => {
      await createStaff(app, { email: 'lock@example.kr', name: '정기자', role: 'reporter' })
      for (let i = 1; i < THROTTLE.maxPerAccount; i++) {
        const res = await attempt('lock@example.kr', `wrong-${i}`)
        expect(res.statusCode).toBe(400)
        expect(res.body).toContain('이메일 또는 비밀번호가 올바르지 않습니다.')
        expect(res.body).toContain('value="lock@example.kr"')
      }
      const last = await attempt('lock@example.kr', 'wrong-last')
      expect(last.statusCode).toBe(429)
      expect(last.body).toContain('로그인 시도가 너무 많아 잠시 잠겼습니다')

      const right = await attempt('lock@example.kr', STAFF_PASSWORD, '198.51.100.9')
      expect(right.statusCode).toBe(429)

      // The lock is in the database: a freshly started service (a restart) sees it too.
      const restarted = createStaffService({
        db: tablesFor(app.db.kysely),
        clock: app.clock,
        bus: app.bus,
        sessions: app.sessions,
        mailer: { transport: 'console', send: async () => {} },
        publicUrl: 'http://localhost',
      })
      expect(await restarted.login('lock@example.kr', STAFF_PASSWORD, '198.51.100.10')).toMatchObject({
        ok: false,
        reason: 'locked',
      })

      app.clock.advance(THROTTLE.lockMs + 1000)
      const after = await attempt('lock@example.kr', STAFF_PASSWORD)
      expect(after.statusCode).toBe(303)
    })

    test('twelve wrong passwords at once, one failure from the lock: one is checked, one lock, all refused', async () => {
      await createStaff(app, { email: 'burst@example.kr', name: '배기자', role: 'reporter' })
      const ip = '203.0.113.60'
      for (let i = 1; i < THROTTLE.maxPerAccount; i++)
        expect((await attempt('burst@example.kr', `wrong-${i}`, ip)).statusCode).toBe(400)
      const burst = await Promise.all(
        Array.from({ length: 12 }, (_, i) => attempt('burst@example.kr', `burst-${i}`, ip)),
      )
      expect(burst.map((r) => r.statusCode)).toEqual(Array(12).fill(429))
      // The lock counted one checked failure, not twelve: no attempt refused by it was counted.
      const row = await app.db.kysely
        .selectFrom('loginThrottle')
        .select(['failures', 'lockedUntil'])
        .where('key', '=', 'email:burst@example.kr')
        .executeTakeFirstOrThrow()
      expect(row).toEqual({
        failures: 0,
        lockedUntil: new Date(app.clock.now().getTime() + THROTTLE.lockMs).toISOString(),
      })
      const address = await app.db.kysely
        .selectFrom('loginThrottle')
        .select('failures')
        .where('key', '=', `ip:${ip}`)
        .executeTakeFirstOrThrow()
      expect(address.failures).toBe(THROTTLE.maxPerAccount - 1 + 12)
      app.clock.advance(THROTTLE.lockMs + 1000)
      expect((await attempt('burst@example.kr', STAFF_PASSWORD, ip)).statusCode).toBe(303)
    })

    test('one address trying many accounts is locked out as a whole', async () => {
      const ip = '192.0.2.44'
      for (let i = 0; i < THROTTLE.maxPerIp; i++) await attempt(`nobody${i}@example.kr`, 'guess', ip)
      const res = await attempt('admin@sinmun-demo.kr', 'test-admin-password', ip)
      expect(res.statusCode).toBe(429)
      const elsewhere = await attempt('admin@sinmun-demo.kr', 'test-admin-password', '192.0.2.45')
      expect(elsewhere.statusCode).toBe(303)
      app.clock.advance(THROTTLE.lockMs + 1000)
    })

    test('a reset link sets a new password, works once, and ends the old sessions', async () => {
      await createStaff(app, { email: 'forgot@example.kr', name: '한기자', role: 'reporter' })
      const old = await loginJar(app, 'forgot@example.kr')
      const jar = await anonymousJar(app)
      const request = await app.http.inject({
        method: 'POST',
        url: '/newsroom/reset',
        headers: { cookie: jar.cookie },
        payload: { email: 'forgot@example.kr', _csrf: jar.csrf },
      })
      expect(request.statusCode).toBe(303)
      const mail = app.services.consoleMailer!.sent.at(-1)!
      expect(mail.to).toBe('forgot@example.kr')
      const link = mail.text.match(/http\S+\/newsroom\/reset\/\S+/)![0]
      const path = new URL(link).pathname

      const form = await app.http.inject({ url: path, headers: { cookie: jar.cookie } })
      expect(form.statusCode).toBe(200)
      const short = await app.http.inject({
        method: 'POST',
        url: path,
        headers: { cookie: jar.cookie },
        payload: { password: 'short', passwordAgain: 'short', _csrf: jar.csrf },
      })
      expect(short.statusCode).toBe(400)
      expect(short.body).toContain('비밀번호는 10자 이상이어야 합니다.')

      const set = await app.http.inject({
        method: 'POST',
        url: path,
        headers: { cookie: jar.cookie },
        payload: { password: 'a-brand-new-password', passwordAgain: 'a-brand-new-password', _csrf: jar.csrf },
      })
      expect(set.statusCode).toBe(303)
      expect((await attempt('forgot@example.kr', STAFF_PASSWORD)).statusCode).toBe(400)
      expect((await attempt('forgot@example.kr', 'a-brand-new-password')).statusCode).toBe(303)
      const oldSession = await app.http.inject({ url: '/newsroom', headers: { cookie: old.cookie } })
      expect(oldSession.headers.location).toMatch(/^\/newsroom\/login/)

      const again = await app.http.inject({
        method: 'POST',
        url: path,
        headers: { cookie: jar.cookie },
        payload: { password: 'yet-another-password', passwordAgain: 'yet-another-password', _csrf: jar.csrf },
      })
      expect(again.statusCode).toBe(400)
      expect(again.body).toContain('링크가 만료되었거나 이미 사용되었습니다')
    })

    test('asking for a reset of an unknown address looks the same and sends nothing', async () => {
      const sent = app.services.consoleMailer!.sent.length
      const jar = await anonymousJar(app)
      const res = await app.http.inject({
        method: 'POST',
        url: '/newsroom/reset',
        headers: { cookie: jar.cookie },
        payload: { email: 'stranger@example.kr', _csrf: jar.csrf },
      })
      expect(res.statusCode).toBe(303)
      expect(app.services.consoleMailer!.sent.length).toBe(sent)
    })

    test('the seeded desk editor gets in through a reset link the admin sends', async () => {
      const admin = await loginJar(app, 'admin@sinmun-demo.kr', 'test-admin-password')
      const desk = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .where('email', '=', 'desk@sinmun-demo.kr')
        .executeTakeFirstOrThrow()
      const res = await app.http.inject({
        method: 'POST',
        url: `/newsroom/staff/${desk.id}/reset`,
        headers: { cookie: admin.cookie },
        payload: { _csrf: admin.csrf },
      })
      expect(res.statusCode).toBe(303)
      const link = app.services.consoleMailer!.sent.at(-1)!.text.match(/\/newsroom\/reset\/\S+/)![0]
      await app.services.staff.setPasswordWithToken(link.split('/').pop()!, 'reset', 'desk-password-123')
      expect((await attempt('desk@sinmun-demo.kr', 'desk-password-123')).statusCode).toBe(303)
    })
  })
}
