// Photo uploads are checked by content: a script dressed as an image, a text file named .jpg,
// a 30,000 × 30,000 decompression bomb and a cut-off JPEG are refused with a Korean message,
// and the article being edited is untouched. A real photo is stored without its EXIF (GPS).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { section } from '../src/testing/factories.js'
import { createTestApp, SHARED_TEST_MEDIA, type TestApp } from '../src/testing/test-app.js'
import { createStaff, hugePng, type Jar, loginJar, smallJpeg, uploadPhoto } from './newsroom-fixtures.js'

describe('newsroom photo upload', () => {
  let app: TestApp
  let jar: Jar
  let articleId: number
  let before: unknown

  const upload = (file: { name: string; type: string; data: Buffer }, fields: Record<string, string> = {}) =>
    uploadPhoto(app, jar, file, fields)
  const articleRow = () =>
    app.db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow()

  beforeAll(async () => {
    app = await createTestApp()
    const sectionId = await section(app, 'society', '사회')
    const reporter = await createStaff(app, { email: 'photo@example.kr', name: '사진기자', role: 'reporter' })
    jar = await loginJar(app, 'photo@example.kr')
    articleId = await app.services.desk.createDraft(
      {
        sectionId,
        headline: '한강 불꽃축제에 100만 명',
        body: {
          type: 'doc',
          content: [
            {
              type: 'paragraph',
              content: [{ type: 'text', text: '올해 불꽃축제에는 관람객 100만 명이 몰렸다.' }],
            },
          ],
        },
        reporterIds: [reporter],
      },
      reporter,
    )
    before = await articleRow()
  })
  afterAll(() => app.cleanup())

  const refused = [
    {
      what: 'an SVG with a script',
      file: {
        name: 'chart.svg',
        type: 'image/svg+xml',
        data: Buffer.from(
          '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><script>alert(document.cookie)</script><rect width="100" height="100"/></svg>',
        ),
      },
      message: 'JPEG, PNG, WebP, AVIF, GIF 사진만 올릴 수 있습니다.',
    },
    {
      what: 'a text file named .jpg',
      file: {
        name: 'photo.jpg',
        type: 'image/jpeg',
        data: Buffer.from('이것은 사진이 아닙니다. '.repeat(50)),
      },
      message: '이미지 파일이 아닙니다.',
    },
    {
      what: 'an image of 30,000 × 30,000 pixels',
      file: { name: 'huge.png', type: 'image/png', data: hugePng() },
      message: '사진의 화소 수가 너무 많습니다.',
    },
  ]

  for (const c of refused) {
    test(`${c.what} is refused with a clear message, and the article keeps its text`, async () => {
      const res = await upload(c.file, { caption: '설명' })
      expect(res.statusCode).toBe(400)
      expect(res.json().errors[0].message).toContain(c.message)
      expect(await articleRow()).toEqual(before)
    })
  }

  test('a truncated JPEG is refused, and the article keeps its text', async () => {
    const whole = await smallJpeg(1200, 900)
    const res = await upload({
      name: 'cut.jpg',
      type: 'image/jpeg',
      data: whole.subarray(0, Math.floor(whole.length / 2)),
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].message).toContain('손상되었거나 일부만 전송되었습니다')
    expect(await articleRow()).toEqual(before)
  })

  test('a real photo is stored with its caption and credit, and without EXIF or GPS', async () => {
    const withGps = await sharp({ create: { width: 1000, height: 700, channels: 3, background: '#2a6' } })
      .withExif({
        IFD0: { Make: 'SinmunCam' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '37/1 33/1 59/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '126/1 58/1 40/1',
        },
      })
      .jpeg()
      .toBuffer()
    // The test photo really carries a GPS block (tag 0x8825 in IFD0).
    expect((await sharp(withGps).metadata()).exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true)

    const res = await upload(
      { name: 'fireworks.jpg', type: 'image/jpeg', data: withGps },
      { caption: '여의도 하늘을 수놓은 불꽃', credit: '사진=사진기자', alt: '밤하늘의 불꽃' },
    )
    expect(res.statusCode).toBe(201)
    const photo = res.json().photo as { id: number; caption: string; credit: string; url: string }
    expect(photo).toMatchObject({ caption: '여의도 하늘을 수놓은 불꽃', credit: '사진=사진기자' })
    const stored = await readFile(join(SHARED_TEST_MEDIA, photo.url.replace(/^\/media\//, '')))
    const meta = await sharp(stored).metadata()
    expect(meta.exif).toBeUndefined()
    expect(stored.includes(Buffer.from('SinmunCam'))).toBe(false)

    const library = await app.http.inject({
      url: `/newsroom/photos?q=${encodeURIComponent('불꽃')}`,
      headers: { cookie: jar.cookie, accept: 'application/json' },
    })
    expect(library.json().photos.map((p: { id: number }) => p.id)).toContain(photo.id)
    expect(await articleRow()).toEqual(before)
  })
})
