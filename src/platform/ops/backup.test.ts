// Backup while the app writes (a 100 MB database under comment load), restore into place after
// checking the copy against its manifest, and the refusal to restore under a server.
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { publishedArticleIds, readerWithSession } from '../../testing/factories.js'
import { csrfFrom, TestBrowser } from '../../testing/http-client.js'
import { createTestApp } from '../../testing/test-app.js'
import { BackupError, backupSqlite, postgresBackupHint, restoreSqlite, sqliteInUse } from './backup.js'

const dir = mkdtempSync(join(tmpdir(), 'sinmun-backup-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const headlines = async (app: Awaited<ReturnType<typeof createTestApp>>) =>
  (await app.db.kysely.selectFrom('articles').select('headline').orderBy('id').execute()).map(
    (r) => r.headline,
  )

describe('SQLite backup and restore', () => {
  it('round-trips the database, and refuses to restore under a running app', async () => {
    const app = await createTestApp({ seed: true })
    const file = app.config.database.kind === 'sqlite' ? app.config.database.file : ''
    const original = await headlines(app)
    expect(original.length).toBeGreaterThan(10)

    const backup = join(dir, 'sinmun-backup.db')
    await backupSqlite(file, backup)

    // After the backup, someone deletes an article: the restore must bring it back.
    const victim = await app.db.kysely.selectFrom('articles').select('id').executeTakeFirstOrThrow()
    await app.db.kysely.deleteFrom('articles').where('id', '=', victim.id).execute()
    expect(await headlines(app)).toHaveLength(original.length - 1)

    expect(sqliteInUse(file)).toBe(true)
    await expect(restoreSqlite(file, backup)).rejects.toThrow(/running Sinmun server/)

    await app.close()
    expect(sqliteInUse(file)).toBe(false)
    const { savedAs } = await restoreSqlite(file, backup)
    expect(savedAs).toMatch(/before-restore/)

    const reopened = await createTestApp({ seed: false, env: { DATABASE_URL: `sqlite:${file}` } })
    try {
      expect(await headlines(reopened)).toEqual(original)
      const page = await reopened.http.inject({ method: 'GET', url: `/news/${victim.id}` })
      expect(page.statusCode).toBe(200)
    } finally {
      await reopened.cleanup()
      rmSync(app.dataDir, { recursive: true, force: true })
    }
  })

  it('refuses a file that is not a Sinmun backup and changes nothing', async () => {
    const junk = join(dir, 'junk.db')
    writeFileSync(junk, 'not a database at all')
    await expect(restoreSqlite(join(dir, 'target.db'), junk)).rejects.toBeInstanceOf(BackupError)
    await expect(restoreSqlite(join(dir, 'target.db'), join(dir, 'missing.db'))).rejects.toThrow(/No backup/)
  })

  it('points PostgreSQL users to pg_dump without printing the password', () => {
    const hint = postgresBackupHint('postgres://sinmun:secret@db.example/sinmun')
    expect(hint).toContain('pg_dump')
    expect(hint).toContain('pg_restore')
    expect(hint).not.toContain('secret')
  })
})

describe('SQLite backup under write load', () => {
  it('finishes a 100 MB backup while 20 comments a second are posted, and restores every comment acknowledged before it', async () => {
    const app = await createTestApp({
      seed: true,
      env: { COMMENT_RATE_PER_MINUTE: '1000000', COMMENT_IP_RATE_PER_MINUTE: '1000000' },
    })
    const file = app.config.database.kind === 'sqlite' ? app.config.database.file : ''
    const [articleId] = await publishedArticleIds(app, 1)
    // An archive's worth of old comments (test-only bulk fill): 100 MB of rows.
    const readerId = await readerWithSession(app, '오래된독자')
    const bulk = new SQLite(file)
    const filler = '지난 기사에 남긴 긴 댓글입니다. '.repeat(20)
    const insert = bulk.prepare(
      "insert into comments (article_id, reader_id, body, status, created_at, updated_at) values (?, ?, ?, 'published', ?, ?)",
    )
    bulk.transaction(() => {
      for (let i = 0; i < 180_000; i++)
        insert.run(articleId, readerId, `${i} ${filler}`, '2024-01-01', '2024-01-01')
    })()
    bulk.close()
    expect(statSync(file).size).toBeGreaterThan(100 * 1024 * 1024)

    const writer = new TestBrowser(app.http)
    await readerWithSession(app, '부하독자', writer)
    const csrf = csrfFrom((await writer.get(`/news/${articleId}`)).body)
    const acknowledged: { body: string; at: number }[] = []
    let running = true
    const load = (async () => {
      for (let n = 0; running; n++) {
        const body = `백업 중 댓글 ${n}`
        const answer = await writer.post(
          `/news/${articleId}/comments`,
          { _csrf: csrf, body },
          { accept: 'application/json' },
        )
        if (answer.status === 200) acknowledged.push({ body, at: Date.now() })
        await new Promise((r) => setTimeout(r, 50)) // 20 a second
      }
    })()

    await new Promise((r) => setTimeout(r, 500))
    const backup = join(dir, 'under-load.db')
    const startedAt = Date.now()
    const { manifest } = await backupSqlite(file, backup)
    const finishedAt = Date.now()
    await new Promise((r) => setTimeout(r, 300))
    running = false
    await load
    await app.close()

    const during = acknowledged.filter((a) => a.at > startedAt && a.at < finishedAt).length
    console.log(
      `backup under load: ${Math.round(manifest.bytes / 1e6)} MB in ${finishedAt - startedAt} ms, ${during} comments acknowledged meanwhile`,
    )
    expect(existsSync(`${backup}.partial`)).toBe(false)
    expect(manifest.rows.comments).toBeGreaterThan(180_000)
    expect(during).toBeGreaterThan(0)

    const target = join(dir, 'restored.db')
    await restoreSqlite(target, backup)
    const restored = new SQLite(target, { readonly: true })
    const bodies = new Set(
      restored
        .prepare("select body from comments where body like '백업 중 댓글 %'")
        .pluck()
        .all() as string[],
    )
    restored.close()
    expect(acknowledged.filter((a) => a.at < startedAt && !bodies.has(a.body))).toEqual([])
    expect(bodies.size).toBeGreaterThan(0)
    rmSync(app.dataDir, { recursive: true, force: true })
  })

  it('refuses to restore a backup that does not match its manifest, and changes nothing', async () => {
    const app = await createTestApp({ seed: true })
    const file = app.config.database.kind === 'sqlite' ? app.config.database.file : ''
    const backup = join(dir, 'tampered.db')
    await backupSqlite(file, backup)
    await app.cleanup()
    appendFileSync(backup, 'x')
    const target = join(dir, 'untouched.db')
    writeFileSync(target, 'the live database')
    await expect(restoreSqlite(target, backup)).rejects.toThrow(/does not match its manifest/)
    expect(readFileSync(target, 'utf8')).toBe('the live database')
  })
})
