// `sinmun backup` and `sinmun restore` for SQLite, through SQLite's online backup API: a backup
// is a consistent copy even while the server writes. Restoring replaces the live database, so
// it refuses while any process (a server, a worker) has the file open, and keeps the database
// it replaces beside it. PostgreSQL has its own tools; we print how to use them.
import { existsSync, renameSync, rmSync } from 'node:fs'
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

/** Copies the live database to `destination` (written whole, then renamed into place). */
export async function backupSqlite(file: string, destination: string): Promise<{ pages: number }> {
  if (!existsSync(file)) throw new BackupError(`No database at ${file}`)
  const partial = `${destination}.partial`
  rmSync(partial, { force: true })
  const source = new SQLite(file, { fileMustExist: true })
  try {
    const result = await source.backup(partial)
    renameSync(partial, destination)
    return { pages: result.totalPages }
  } catch (error) {
    rmSync(partial, { force: true })
    throw error
  } finally {
    source.close()
  }
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
  checkBackupFile(backup)
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
  const source = new SQLite(backup, { readonly: true, fileMustExist: true })
  try {
    await source.backup(file)
  } finally {
    source.close()
  }
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
