import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

/** A multipart body as a browser would send the tip form. */
function multipart(fields: Record<string, string>, file?: { name: string; data: Buffer }) {
  const boundary = '----sinmun-test-boundary'
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  )
  const chunks: Buffer[] = parts.map((p) => Buffer.from(p))
  if (file) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachment"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return {
    payload: Buffer.concat(chunks),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  }
}

/** Opens the form like a browser: returns the CSRF token and the cookie that goes with it. */
async function openForm(app: TestApp, path: string) {
  const res = await app.http.inject({ method: 'GET', url: path })
  const token = res.body.match(/name="_csrf" value="([^"]+)"/)?.[1]
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  return { token: token!, cookie }
}

const validTip = {
  consent: 'yes',
  name: '홍길동',
  contact: '010-0000-0000',
  subject: '동네 공사장 안전 문제',
  body: '골목 공사장 가림막이 무너져 있습니다. <script>alert(1)</script> 확인 부탁드립니다.',
}

for (const dialect of await testDialects()) {
  describe(`${dialect}: the public request form`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    })
    afterAll(() => app.cleanup())

    test('a tip with an attachment is stored for the newsroom', async () => {
      const { token, cookie } = await openForm(app, '/tip')
      const form = multipart(
        { ...validTip, _csrf: token },
        { name: '현장사진.jpg', data: Buffer.from('photo bytes') },
      )
      const res = await app.http.inject({
        method: 'POST',
        url: '/tip',
        ...form,
        headers: { ...form.headers, cookie, accept: 'application/json' },
      })
      expect(res.statusCode, res.body.slice(0, 500)).toBe(303)
      expect(res.headers.location).toBe('/tip?sent=1')
      const [tip] = await app.services.inbox.list({ limit: 1 })
      expect(tip).toMatchObject({
        kind: 'tip',
        status: 'new',
        subject: validTip.subject,
        body: validTip.body,
        attachmentName: '현장사진.jpg',
      })
      const thanks = await app.http.inject({ method: 'GET', url: '/tip?sent=1' })
      expect(thanks.body).toContain('보내 주셔서 감사합니다')
    })

    test('a form sent again (a retry after a lost answer, a double click) is received once', async () => {
      const before = (await app.services.inbox.list({ status: 'all' })).length
      const page = await app.http.inject({ method: 'GET', url: '/tip' })
      const clientKey = page.body.match(/name="clientKey" value="([^"]+)"/)?.[1]
      expect(clientKey).toMatch(/^[\w-]{20,}$/)
      const { token, cookie } = await openForm(app, '/tip')
      const send = () => {
        const form = multipart(
          { ...validTip, subject: '두 번 보낸 제보', _csrf: token, clientKey: clientKey! },
          { name: '사진.jpg', data: Buffer.from('photo bytes') },
        )
        // From an address of its own: the form's rate limit counts the other tests' posts.
        return app.http.inject({
          method: 'POST',
          url: '/tip',
          remoteAddress: '198.51.100.7',
          ...form,
          headers: { ...form.headers, cookie },
        })
      }
      // Two at once, then one more after both were answered.
      const answers = [...(await Promise.all([send(), send()])), await send()]
      expect(answers.map((a) => [a.statusCode, a.headers.location])).toEqual(
        Array(3).fill([303, '/tip?sent=1']),
      )
      const all = await app.services.inbox.list({ status: 'all' })
      expect(all).toHaveLength(before + 1)
      expect(all.filter((t) => t.subject === '두 번 보낸 제보')).toHaveLength(1)
      // A new form (a new key) with the same words is a new tip.
      const again = await openForm(app, '/tip')
      const other = multipart({
        ...validTip,
        subject: '두 번 보낸 제보',
        _csrf: again.token,
        clientKey: 'another-key-0123456789',
      })
      const res = await app.http.inject({
        method: 'POST',
        url: '/tip',
        remoteAddress: '198.51.100.7',
        ...other,
        headers: { ...other.headers, cookie: again.cookie },
      })
      expect(res.statusCode).toBe(303)
      expect(await app.services.inbox.list({ status: 'all' })).toHaveLength(before + 2)
    })

    test('a refused tip comes back with everything the reader typed', async () => {
      const before = (await app.services.inbox.list({ status: 'all' })).length
      const { token, cookie } = await openForm(app, '/correction-request')
      const form = multipart({
        ...validTip,
        subject: '',
        _csrf: token,
        kind: 'correction',
        articleUrl: 'http://localhost:3000/news/1',
      })
      const res = await app.http.inject({
        method: 'POST',
        url: '/correction-request',
        ...form,
        headers: { ...form.headers, cookie },
      })
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('필수 항목입니다.')
      expect(res.body).toContain(
        '골목 공사장 가림막이 무너져 있습니다. &lt;script>alert(1)&lt;/script> 확인 부탁드립니다.',
      )
      expect(res.body).toContain('value="010-0000-0000"')
      expect((await app.services.inbox.list({ status: 'all' })).length).toBe(before)
    })

    test('an attachment over 10 MB is refused and the text is kept', async () => {
      const { token, cookie } = await openForm(app, '/tip')
      const form = multipart(
        { ...validTip, _csrf: token },
        { name: 'big.bin', data: Buffer.alloc(10 * 1024 * 1024 + 10) },
      )
      const res = await app.http.inject({
        method: 'POST',
        url: '/tip',
        ...form,
        headers: { ...form.headers, cookie },
      })
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('첨부파일은 10MB까지 올릴 수 있습니다.')
      expect(res.body).toContain(validTip.subject)
    })

    test('a missing or forged CSRF token is refused with 403 and nothing is stored', async () => {
      const before = (await app.services.inbox.list({ status: 'all' })).length
      const { cookie } = await openForm(app, '/tip')
      for (const token of [undefined, 'forged-token']) {
        const form = multipart(token ? { ...validTip, _csrf: token } : validTip)
        const res = await app.http.inject({
          method: 'POST',
          url: '/tip',
          ...form,
          headers: { ...form.headers, cookie },
        })
        expect(res.statusCode).toBe(403)
      }
      expect((await app.services.inbox.list({ status: 'all' })).length).toBe(before)
    })

    test('without consent nothing is stored and the form says why, every field kept', async () => {
      const before = (await app.services.inbox.list({ status: 'all' })).length
      const { token, cookie } = await openForm(app, '/tip')
      const { consent: _, ...withoutConsent } = validTip
      const form = multipart({ ...withoutConsent, _csrf: token })
      const res = await app.http.inject({
        method: 'POST',
        url: '/tip',
        ...form,
        headers: { ...form.headers, cookie },
      })
      expect(res.statusCode).toBe(400)
      expect(res.body).toContain('개인정보 수집·이용에 동의해야 접수할 수 있습니다.')
      expect(res.body).toContain(validTip.subject)
      expect((await app.services.inbox.list({ status: 'all' })).length).toBe(before)
    })

    test('a statutory request must name one of our articles; then its clock starts', async () => {
      const { token, cookie } = await openForm(app, '/correction-request')
      const page = await app.http.inject({ method: 'GET', url: '/correction-request' })
      expect(page.body).toContain('개인정보 수집·이용 동의')
      expect(page.body).toMatch(/value="correction"[^>]*checked|checked[^>]*value="correction"/)
      const elsewhere = multipart({
        ...validTip,
        _csrf: token,
        kind: 'rebuttal',
        articleUrl: 'https://news.example.com/news/1',
      })
      const refused = await app.http.inject({
        method: 'POST',
        url: '/correction-request',
        ...elsewhere,
        headers: { ...elsewhere.headers, cookie },
      })
      expect(refused.statusCode).toBe(400)
      expect(refused.body).toContain('우리 신문 기사 주소가 필요합니다')
      const [article] = await app.services.articles.latest(1)
      const ours = multipart({
        ...validTip,
        _csrf: token,
        kind: 'rebuttal',
        articleUrl: `${app.config.publicUrl}/news/${article!.id}`,
      })
      const res = await app.http.inject({
        method: 'POST',
        url: '/correction-request',
        ...ours,
        headers: { ...ours.headers, cookie },
      })
      expect(res.statusCode).toBe(303)
      expect(res.headers.location).toBe('/correction-request?sent=statutory')
      const [stored] = await app.services.inbox.list({ limit: 1 })
      expect(stored).toMatchObject({ kind: 'rebuttal', articleId: article!.id })
      expect(stored!.clock?.answer).toBe('ok')
    })
  })
}
