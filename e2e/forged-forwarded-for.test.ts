// Behind the shipped nginx (TRUST_PROXY=1), a client that writes its own X-Forwarded-For still
// counts as the address nginx saw: it cannot escape the staff-login address lock or the
// per-address comment limit by inventing a new address on every request.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { THROTTLE } from '../src/modules/staff/index.js'
import { loadConfig } from '../src/platform/config.js'
import { readerWithSession } from '../src/testing/factories.js'
import { csrfFrom, TestBrowser } from '../src/testing/http-client.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { anonymousJar } from './newsroom-fixtures.js'

const NGINX = '127.0.0.1'
const CLIENT = '203.0.113.77'
/** What nginx forwards when a client sent its own header and nginx appended (or replaced it). */
const forwarded = (n: number, appended: boolean) => ({
  'x-forwarded-for': appended ? `198.51.100.${n % 250}, ${CLIENT}` : CLIENT,
})

describe('a forged X-Forwarded-For behind one trusted proxy', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await createTestApp({ seed: true, env: { TRUST_PROXY: '1', PUBLIC_URL: 'http://localhost' } })
  })
  afterAll(() => app.cleanup())

  test('cannot escape the staff-login lock on its address', async () => {
    const attempt = async (n: number, email: string, password: string) => {
      const jar = await anonymousJar(app)
      return app.http.inject({
        method: 'POST',
        url: '/newsroom/login',
        remoteAddress: NGINX,
        headers: { cookie: jar.cookie, ...forwarded(n, n % 2 === 0) },
        payload: { email, password, _csrf: jar.csrf },
      })
    }
    for (let n = 0; n < THROTTLE.maxPerIp; n++) await attempt(n, `guess${n}@example.kr`, 'wrong-password')
    const locked = await attempt(999, 'admin@sinmun-demo.kr', 'test-admin-password')
    expect(locked.statusCode).toBe(429)
    // Another reader of the site behind the same nginx is not locked out with the attacker.
    const jar = await anonymousJar(app)
    const other = await app.http.inject({
      method: 'POST',
      url: '/newsroom/login',
      remoteAddress: NGINX,
      headers: { cookie: jar.cookie, 'x-forwarded-for': '203.0.113.78' },
      payload: { email: 'admin@sinmun-demo.kr', password: 'test-admin-password', _csrf: jar.csrf },
    })
    expect(other.statusCode).toBe(303)
  })

  test('cannot escape the per-address comment limit', async () => {
    const id = (await app.services.articles.latest(1))[0]!.id
    const perIp = app.config.comments.ipRatePerMinute
    // Readers under their own limit, all from one address: only the address limit applies.
    const readers = await Promise.all(
      Array.from({ length: 10 }, async (_, i) => {
        const browser = new TestBrowser(app.http, NGINX)
        await readerWithSession(app, `주소독자${i}`, browser)
        const token = csrfFrom((await browser.get(`/news/${id}`, forwarded(i, false))).body)
        return { browser, token }
      }),
    )
    const statuses: number[] = []
    for (let n = 0; n < perIp + 10; n++) {
      const { browser, token } = readers[n % readers.length]!
      const answer = await browser.post(
        `/news/${id}/comments`,
        { _csrf: token, body: `주소 바꿔 쓴 댓글 ${n}` },
        { accept: 'application/json', ...forwarded(n, true) },
      )
      statuses.push(answer.status)
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(perIp)
    expect(statuses.filter((s) => s === 429)).toHaveLength(10)
  })
})

describe('TRUST_PROXY', () => {
  test('takes a hop count or proxy addresses, reads true as one hop, and refuses anything else', () => {
    const trust = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy
    expect(trust('false')).toBe(false)
    expect(trust('true')).toBe(1)
    expect(trust('2')).toBe(2)
    expect(trust('10.0.0.5, 10.0.1.0/24,::1')).toEqual(['10.0.0.5', '10.0.1.0/24', '::1'])
    expect(() => trust('everyone')).toThrow(/TRUST_PROXY/)
    expect(() => trust('10.0.0.0/33')).toThrow(/TRUST_PROXY/)
  })
})
