import { type Kysely, type MigrationResultSet, Migrator, PostgresAdapter, sql } from 'kysely'
import { migrations } from './migrations/index.js'

/** Applies every pending migration; reports errors as values, like Kysely's migrator. */
export async function migrateToLatest<DB>(db: Kysely<DB>): Promise<MigrationResultSet> {
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
async function postgresSchemaOf<DB>(db: Kysely<DB>): Promise<{ migrationTableSchema?: string }> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return {}
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db)
  return rows[0]?.schema ? { migrationTableSchema: rows[0].schema } : {}
}

/**
 * Kysely checks for its migration tables by listing the tables of every schema in the database;
 * a schema dropped meanwhile by another app on the same database (a parallel test's cleanup)
 * makes that listing fail with "schema does not exist". Nothing was applied then, so trying
 * again is safe.
 */
const SCHEMA_VANISHED = '3F000'
const vanishedSchema = (error: unknown) => (error as { code?: unknown } | undefined)?.code === SCHEMA_VANISHED

/** Applies every pending migration or throws with the failing one named. */
export async function requireMigrated<DB>(db: Kysely<DB>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrateToLatest(db)
    if (!error) return
    const applied = results?.some((r) => r.status === 'Success') ?? false
    if (vanishedSchema(error) && !applied && attempt < 5) continue
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`Migration ${failed} failed`, { cause: error })
  }
}
