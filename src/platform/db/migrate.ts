import { type Kysely, type MigrationResultSet, Migrator } from 'kysely'
import type { Database } from './database.js'
import { migrations } from './migrations/index.js'

/** Applies every pending migration; reports errors as values, like Kysely's migrator. */
export function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } })
  return migrator.migrateToLatest()
}

/** Applies every pending migration or throws with the failing one named. */
export async function requireMigrated(db: Kysely<Database>): Promise<void> {
  const { error, results } = await migrateToLatest(db)
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed`, { cause: error })
  }
}
