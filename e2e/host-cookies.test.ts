// On an HTTPS site every cookie that carries a login or a CSRF secret is `__Host-` (Secure,
// Path=/, no Domain), so a sibling subdomain or a plain-HTTP page cannot plant one; a plain
// `nsid` cookie, even validly signed, is not a login there. Without HTTPS the names stay plain.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, STAFF_PASSWORD } from './newsroom-fixtures.js'

describe('cookies on an HTTPS site', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await createTestApp({ env: { PUBLIC_URL: 'https://news.example.kr' } })
    await createStaff(app, { email: 'host@example.kr', name: '보안기자', role: 'reporter' })
  })
  afterAll(() => app.cleanup())

  test('the login and CSRF cookies are __Host- cookies, and only they log in', async () => {
    const page = await app.http.inject({ url: '/newsroom/login' })
    const csrfCookie = page.cookies.find((c) => c.name === '__Host-csrf')
    expect(csrfCookie).toMatchObject({ secure: true, path: '/', httpOnly: true })
    expect(csrfCookie?.domain).toBeUndefined()
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1]
    const login = await app.http.inject({
      method: 'POST',
      url: '/newsroom/login',
      headers: { cookie: `__Host-csrf=${csrfCookie!.value}` },
      payload: { email: 'host@example.kr', password: STAFF_PASSWORD, _csrf: token },
    })
    expect(login.statusCode).toBe(303)
    const session = login.cookies.find((c) => c.name === '__Host-nsid')
    expect(session).toMatchObject({ secure: true, path: '/', httpOnly: true, sameSite: 'Lax' })
    expect(session?.domain).toBeUndefined()
    expect(login.cookies.some((c) => c.name === 'nsid')).toBe(false)

    const asHost = await app.http.inject({
      url: '/newsroom',
      headers: { cookie: `__Host-nsid=${session!.value}` },
    })
    expect(asHost.statusCode).toBe(200)
    // The same signed token under the plain name (as a subdomain could set it) is no login.
    const planted = await app.http.inject({ url: '/newsroom', headers: { cookie: `nsid=${session!.value}` } })
    expect(planted.statusCode).toBe(303)
    expect(planted.headers.location).toContain('/newsroom/login')
  })
})

describe('cookies on a plain-HTTP development site', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await createTestApp()
  })
  afterAll(() => app.cleanup())

  test('keep their plain names (browsers refuse __Host- cookies without HTTPS)', async () => {
    const page = await app.http.inject({ url: '/newsroom/login' })
    expect(page.cookies.map((c) => c.name)).toContain('_csrf')
    expect(page.cookies.some((c) => c.name.startsWith('__Host-'))).toBe(false)
  })
})
