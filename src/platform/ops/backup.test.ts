// Backup while the app writes, restore into place, and the refusal to restore under a server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
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
