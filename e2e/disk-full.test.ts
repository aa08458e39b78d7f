// A full disk during a photo upload: the reporter is told in Korean that nothing was stored
// (507), no photo is acknowledged or recorded, no empty folder is left, /readyz takes the node
// out of rotation, the article being edited is untouched, and uploads work again as soon as
// there is room. The media folder is a 2 MB tmpfs, so mounting needs root (CI runs as root).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { section } from '../src/testing/factories.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { createStaff, type Jar, loginJar, uploadPhoto } from './newsroom-fixtures.js'

const root = process.getuid?.() === 0
const canMount = root || Boolean(process.env.CI)
if (!canMount) console.log('disk-full.test: skipped, mounting a tmpfs needs root')

/** A photo whose stored sizes need a few hundred KB: noise does not compress. */
const noisyJpeg = () => {
  const width = 1400
  const height = 1000
  const pixels = Buffer.alloc(width * height * 3)
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 7919 + (i >> 5) * 104_729) % 251
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .toBuffer()
}

/** Writes filler files until the file system refuses: the disk is then full to the last block. */
function fillUp(dir: string) {
  const chunk = Buffer.alloc(64 * 1024, 1)
  for (let i = 0; ; i++) {
    try {
      writeFileSync(join(dir, `filler-${i}`), chunk)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') return
      throw error
    }
  }
}

describe.skipIf(!canMount)('disk full during a photo upload', () => {
  let mount: string
  let mounted = false
  let app: TestApp
  let jar: Jar
  let articleId: number
  let photo: Buffer

  const upload = () =>
    uploadPhoto(app, jar, { name: 'fire.jpg', type: 'image/jpeg', data: photo }, { caption: '불꽃축제' })
  const articleRow = () =>
    app.db.kysely.selectFrom('articles').selectAll().where('id', '=', articleId).executeTakeFirstOrThrow()
  const photoCount = async () =>
    Number(
      (
        await app.db.kysely
          .selectFrom('photos')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
  const folders = () => readdirSync(mount).filter((name) => !name.startsWith('filler-'))

  beforeAll(async () => {
    mount = mkdtempSync(join(tmpdir(), 'sinmun-full-'))
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount])
    mounted = true
    photo = await noisyJpeg()
    app = await createTestApp({ env: { MEDIA_DIR: mount, MIN_FREE_DISK_MB: '0.25' } })
    const sectionId = await section(app, 'society', '사회')
    const reporter = await createStaff(app, { email: 'full@example.kr', name: '사진기자', role: 'reporter' })
    jar = await loginJar(app, 'full@example.kr')
    articleId = await app.services.desk.createDraft(
      {
        sectionId,
        headline: '디스크가 가득 찬 날의 기사',
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: '이 초고는 사라지면 안 된다.' }] }],
        },
        reporterIds: [reporter],
      },
      reporter,
    )
  })
  afterAll(async () => {
    await app?.cleanup()
    try {
      if (mounted) execFileSync('umount', [mount])
    } finally {
      rmSync(mount, { recursive: true, force: true })
    }
  })

  test('answers 507 in Korean, stores nothing, leaves no folder, and resumes when space returns', async () => {
    expect((await app.http.inject({ url: '/readyz' })).statusCode).toBe(200)
    const draft = await articleRow()
    const photosBefore = await photoCount()

    fillUp(mount)
    const ready = await app.http.inject({ url: '/readyz' })
    expect(ready.statusCode).toBe(503)
    expect(ready.headers['retry-after']).toBeDefined()

    const refused = await upload()
    expect(refused.statusCode).toBe(507)
    const body = refused.json() as { photo?: unknown; errors: { code: string; message: string }[] }
    expect(body.photo).toBeUndefined()
    expect(body.errors[0]?.code).toBe('STORAGE_FULL')
    expect(body.errors[0]?.message).toContain('저장 공간이 부족해 저장하지 못했습니다')
    expect(refused.headers['retry-after']).toBeDefined()
    expect(folders()).toEqual([])
    expect(await photoCount()).toBe(photosBefore)
    expect(await articleRow()).toEqual(draft)

    for (const name of readdirSync(mount)) rmSync(join(mount, name))
    expect((await app.http.inject({ url: '/readyz' })).statusCode).toBe(200)
    const stored = await upload()
    expect(stored.statusCode).toBe(201)
    expect(await photoCount()).toBe(photosBefore + 1)
    expect(folders()).toHaveLength(1)
    expect(await articleRow()).toEqual(draft)
  })
})
