// A press release file becomes a reporter's draft: a .docx keeps its title, heading, bold, link,
// list and table text; an .hwpx its title, paragraphs, table and picture. A binary .hwp gets the
// Korean advice to save as HWPX or DOCX, and a refused file creates nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../src/testing/dialects.js'
import { section } from '../src/testing/factories.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar, multipart, smallJpeg } from './newsroom-fixtures.js'
import { pressReleaseDocx, pressReleaseHwpx } from './press-release-fixtures.js'

for (const dialect of await testDialects()) {
  describe(`${dialect}: press release files`, () => {
    let app: TestApp
    let reporter: Jar
    let reporterId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect })
      await section(app, 'society', '사회')
      reporterId = await createStaff(app, { email: 'kim@example.kr', name: '김기자', role: 'reporter' })
      reporter = await loginJar(app, 'kim@example.kr')
    })
    afterAll(() => app.cleanup())

    const upload = (name: string, data: Buffer) => {
      const body = multipart({}, { name, type: 'application/octet-stream', data })
      return app.http.inject({
        method: 'POST',
        url: '/newsroom/articles/import',
        headers: { cookie: reporter.cookie, 'x-csrf-token': reporter.csrf, 'content-type': body.contentType },
        payload: body.payload,
      })
    }
    const article = (id: number) =>
      app.db.kysely.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const count = async () =>
      Number(
        (
          await app.db.kysely
            .selectFrom('articles')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )

    test('a .docx becomes a draft with its structure', async () => {
      const res = await upload('보도자료.docx', await pressReleaseDocx())
      expect(res.statusCode).toBe(201)
      const { id, url } = res.json() as { id: number; url: string }
      expect(url).toBe(`/newsroom/articles/${id}/edit`)
      const row = await article(id)
      expect(row.headline).toBe('경기도, 어르신 무료 버스 확대')
      expect(row.status).toBe('draft')
      expect(row.createdBy).toBe(reporterId)
      const body = JSON.parse(row.body) as { content: { type: string }[] }
      // The release's two-row table stays a table now that the document has one.
      expect(body.content.map((b) => b.type)).toEqual(['paragraph', 'heading', 'bulletList', 'table'])
      expect(row.body).toContain('"type":"bold"')
      expect(row.body).toContain('https://www.gg.go.kr/press')
      expect(row.body).toContain('수원')
    })

    test('an .hwpx becomes a draft with its paragraphs, table text and picture', async () => {
      const res = await upload('보도자료.hwpx', await pressReleaseHwpx(await smallJpeg(320, 480)))
      expect(res.statusCode).toBe(201)
      const row = await article((res.json() as { id: number }).id)
      expect(row.headline).toBe('부산시, 해상 관광버스 운행 시작')
      const body = JSON.parse(row.body) as { content: { type: string }[] }
      expect(body.content.map((b) => b.type)).toContain('photo')
      expect(row.body).toContain('해운대와 영도를 잇는')
      expect(row.body).toContain('120억 원')
      expect(row.body).toContain('문의: 부산시 관광진흥과')
    })

    test('a binary .hwp and a broken file are refused in Korean and create nothing', async () => {
      const before = await count()
      const hwp = Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(512),
      ])
      const refused = await upload('보도자료.hwp', hwp)
      expect(refused.statusCode).toBe(400)
      const error = (refused.json() as { errors: { code: string; message: string }[] }).errors[0]!
      expect(error.code).toBe('NEWSROOM_IMPORT_FILE')
      expect(error.message).toContain('HWPX 또는 DOCX')
      const broken = await upload('보도자료.docx', Buffer.from('PK\u0003\u0004 not really a zip'))
      expect(broken.statusCode).toBe(400)
      expect(await count()).toBe(before)
    })
  })
}
