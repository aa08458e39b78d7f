import { type Kysely, type MigrationResultSet, Migrator, PostgresAdapter, sql } from 'kysely'
import type { Database } from './database.js'
import { migrations } from './migrations/index.js'

/** Applies every pending migration; reports errors as values, like Kysely's migrator. */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(await postgresSchemaOf(db)),
  })
  return migrator.migrateToLatest()
}

/**
 * On PostgreSQL the migration tables are looked up in the schema the app works in: without a
 * schema Kysely finds them in any schema of the database, so a second app (a parallel test, a
 * second outlet) sharing the database would believe its own tables exist and fail.
 */
async function postgresSchemaOf(db: Kysely<Database>): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {}
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ? { migrationTableSchema: rows[0].schema } : {}
}

/** Applies every pending migration or throws with the failing one named. */
export async function requireMigrated(db: Kysely<Database>): Promise<void> {
  const { error, results } = await migrateToLatest(db)
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed`, { cause: error })
  }
}
