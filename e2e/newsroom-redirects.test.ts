// 옛 주소 연결 in the newsroom: the admin downloads the redirect table as CSV and uploads an
// edited one (bad lines named, good ones saved and answered at once); nobody else may.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar, multipart } from './newsroom-fixtures.js'

describe('newsroom: 옛 주소 연결', () => {
  let app: TestApp
  let admin: Jar
  let desk: Jar
  beforeAll(async () => {
    app = await createTestApp({ seed: true })
    await createStaff(app, { email: 'chief@redirects.test', name: '관리자', role: 'admin' })
    await createStaff(app, { email: 'desk@redirects.test', name: '데스크', role: 'desk' })
    admin = await loginJar(app, 'chief@redirects.test')
    desk = await loginJar(app, 'desk@redirects.test')
  }, 60_000)
  afterAll(() => app?.cleanup())

  const upload = (jar: Jar, csv: string) => {
    const body = multipart(
      { _csrf: jar.csrf },
      { name: 'redirects.csv', type: 'text/csv', data: Buffer.from(csv) },
    )
    return app.http.inject({
      method: 'POST',
      url: '/newsroom/redirects',
      headers: { cookie: jar.cookie, 'content-type': body.contentType },
      payload: body.payload,
    })
  }

  it('lets the admin upload a CSV, names the lines it refused and answers the saved ones at once', async () => {
    const page = await app.http.inject({ url: '/newsroom/redirects', headers: { cookie: admin.cookie } })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('/newsroom/redirects.csv')
    const answer = await upload(admin, 'old,new\n/old-tip,/page/tip\nnonsense,/x\n')
    expect(answer.statusCode).toBe(200)
    expect(answer.body).toContain('다음 줄은 저장하지 않았습니다: 3')
    const moved = await app.http.inject({ url: '/old-tip' })
    expect(moved.statusCode).toBe(301)
    expect(moved.headers.location).toBe('/page/tip')
    const csv = await app.http.inject({ url: '/newsroom/redirects.csv', headers: { cookie: admin.cookie } })
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body).toContain('/old-tip,/page/tip,admin')
  })

  it('refuses the desk, the anonymous and an upload without the CSRF token', async () => {
    expect(
      (await app.http.inject({ url: '/newsroom/redirects', headers: { cookie: desk.cookie } })).statusCode,
    ).toBe(403)
    expect((await app.http.inject({ url: '/newsroom/redirects.csv' })).statusCode).not.toBe(200)
    expect((await upload({ ...admin, csrf: 'forged' }, 'old,new\n/a,/b\n')).statusCode).toBe(403)
    expect((await app.http.inject({ url: '/a' })).statusCode).toBe(404)
  })
})
