// `sinmun backup` and `sinmun restore` for SQLite. A backup copies a snapshot of the database
// in one read transaction, so it finishes however busy the site is (copied 100 pages at a time,
// SQLite's online backup starts over whenever another connection writes, and under 10 comments
// a second it never finished). VACUUM INTO would also finish, but rebuilds every index: 20+
// seconds for 100 MB against about one for the page copy. It runs in a worker thread, so a
// server doing it keeps answering. The copy is checked (quick_check) and described by a manifest beside it
// (size, SHA-256, row counts, last migration); restoring verifies both before it replaces the
// live database, refuses while any process has that open, and keeps the one it replaces.
// PostgreSQL has its own tools; we print how to use them.
import { createHash } from 'node:crypto'
import {
  createReadStream,
  existsSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import SQLite from 'better-sqlite3'

export class BackupError extends Error {}

/** True when another connection holds the database open (SQLite refuses an exclusive lock). */
export function sqliteInUse(file: string): boolean {
  if (!existsSync(file)) return false
  const probe = new SQLite(file, { timeout: 0 })
  try {
    probe.pragma('locking_mode = EXCLUSIVE')
    probe.exec('begin exclusive')
    probe.exec('commit')
    return false
  } catch {
    return true
  } finally {
    probe.close()
  }
}

export interface BackupManifest {
  format: 'sinmun-sqlite-backup/1'
  createdAt: string
  bytes: number
  sha256: string
  lastMigration: string | null
  rows: Record<string, number>
}

export const manifestPath = (backup: string) => `${backup}.manifest.json`

// The worker opens its own connection and copies every remaining page in one step: one step
// is one read transaction, which a writer cannot interrupt (only the first 100-page step can
// be restarted by a write, and the one after it copies the rest at once). In a worker because
// that step blocks the thread running it for as long as the copy takes.
const COPY_WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const SQLite = require(workerData.driver)
const db = new SQLite(workerData.file, { fileMustExist: true, timeout: 60000 })
db.backup(workerData.destination, { progress: () => 2147483647 })
  .then(() => parentPort.postMessage({ ok: true }))
  .catch((error) => parentPort.postMessage({ ok: false, message: String(error && error.message) }))
  .finally(() => db.close())
`

function copyInWorker(file: string, destination: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3')
  return new Promise((resolve, reject) => {
    const worker = new Worker(COPY_WORKER, { eval: true, workerData: { driver, file, destination } })
    worker.once('message', (result: { ok: boolean; message?: string }) =>
      result.ok ? resolve() : reject(new BackupError(`Backup failed: ${result.message}`)),
    )
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (code !== 0) reject(new BackupError(`Backup worker exited with ${code}`))
    })
  })
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

/** What an operator checks a backup against: rows per table and the schema's last step. */
function describe(file: string): Pick<BackupManifest, 'lastMigration' | 'rows'> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' order by name",
      )
      .pluck()
      .all() as string[]
    const rows: Record<string, number> = {}
    for (const table of tables)
      rows[table] = db
        .prepare(`select count(*) from "${table.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number
    const lastMigration = tables.includes('kysely_migration')
      ? ((db.prepare('select max(name) from kysely_migration').pluck().get() as string | null) ?? null)
      : null
    return { lastMigration, rows }
  } finally {
    db.close()
  }
}

/**
 * Copies the live database to `destination` (written whole, checked, then renamed into place)
 * and writes its manifest beside it.
 */
export async function backupSqlite(
  file: string,
  destination: string,
  now = new Date(),
): Promise<{ pages: number; manifest: BackupManifest }> {
  if (!existsSync(file)) throw new BackupError(`No database at ${file}`)
  const partial = `${destination}.partial`
  rmSync(partial, { force: true })
  try {
    await copyInWorker(file, partial)
    checkBackupFile(partial)
    const manifest: BackupManifest = {
      format: 'sinmun-sqlite-backup/1',
      createdAt: now.toISOString(),
      bytes: statSync(partial).size,
      sha256: await sha256Of(partial),
      ...describe(partial),
    }
    const pages = pageCount(partial)
    renameSync(partial, destination)
    writeFileSync(manifestPath(destination), `${JSON.stringify(manifest, null, 2)}\n`)
    return { pages, manifest }
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  }
}

function pageCount(file: string): number {
  const db = new SQLite(file, { readonly: true, fileMustExist: true })
  try {
    return db.pragma('page_count', { simple: true }) as number
  } finally {
    db.close()
  }
}

/** A backup must match its manifest (when it has one): a truncated or altered copy is refused. */
async function checkManifest(backup: string) {
  const path = manifestPath(backup)
  if (!existsSync(path)) return
  let manifest: BackupManifest
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest
  } catch (error) {
    throw new BackupError(`${path} is not a backup manifest (${(error as Error).message})`)
  }
  const bytes = statSync(backup).size
  if (bytes !== manifest.bytes || (await sha256Of(backup)) !== manifest.sha256)
    throw new BackupError(
      `${backup} does not match its manifest (${bytes} bytes, ${manifest.bytes} expected)`,
    )
}

/** Checks a backup as `restore` would, without restoring it: manifest, integrity, schema. */
export async function verifyBackup(backup: string): Promise<void> {
  if (!existsSync(backup)) throw new BackupError(`No backup at ${backup}`)
  await checkManifest(backup)
  checkBackupFile(backup)
}

function checkBackupFile(backup: string) {
  if (!existsSync(backup)) throw new BackupError(`No backup at ${backup}`)
  let db: SQLite.Database | undefined
  try {
    db = new SQLite(backup, { readonly: true, fileMustExist: true })
    const check = db.pragma('quick_check', { simple: true })
    if (check !== 'ok') throw new BackupError(`${backup} is damaged: ${String(check)}`)
    const migrations = db
      .prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'")
      .get() as { n: number }
    if (migrations.n === 0) throw new BackupError(`${backup} is not a Sinmun database`)
  } catch (error) {
    if (error instanceof BackupError) throw error
    throw new BackupError(`${backup} is not a SQLite database (${(error as Error).message})`)
  } finally {
    db?.close()
  }
}

/**
 * Replaces the database with a backup. The current database is first saved as
 * `<file>.before-restore-<time>`, so a mistaken restore can itself be undone.
 */
export async function restoreSqlite(
  file: string,
  backup: string,
  now = new Date(),
): Promise<{ savedAs: string | null }> {
  await verifyBackup(backup)
  if (sqliteInUse(file)) {
    throw new BackupError(
      `A running Sinmun server has ${file} open. Stop it first (e.g. systemctl stop sinmun), then restore.`,
    )
  }
  let savedAs: string | null = null
  if (existsSync(file)) {
    savedAs = `${file}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`
    await backupSqlite(file, savedAs)
  }
  // Written beside the live file and renamed over it, so a failed restore leaves it untouched.
  const incoming = `${file}.restoring`
  rmSync(incoming, { force: true })
  const source = new SQLite(backup, { readonly: true, fileMustExist: true })
  try {
    await source.backup(incoming)
  } catch (error) {
    rmSync(incoming, { force: true })
    throw error
  } finally {
    source.close()
  }
  for (const leftover of [`${file}-wal`, `${file}-shm`]) rmSync(leftover, { force: true })
  renameSync(incoming, file)
  return { savedAs }
}

export const postgresBackupHint = (url: string) =>
  [
    'This database is PostgreSQL: use its own tools, which also run while Sinmun serves.',
    `  backup:  pg_dump --format=custom --file=sinmun.dump '${redactPassword(url)}'`,
    `  restore: pg_restore --clean --if-exists --no-owner --dbname='${redactPassword(url)}' sinmun.dump`,
    'See docs/deployment.md (Backups).',
  ].join('\n')

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '****'
    return parsed.href
  } catch {
    return url
  }
}
