// Server-side sessions for readers and staff. Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('sessions')
    .ifNotExists()
    // SHA-256 of the cookie token: a copy of the table does not let anyone log in.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('sessions_subject_idx')
    .ifNotExists()
    .on('sessions')
    .columns(['kind', 'subject_id'])
    .execute()
  await db.schema
    .createIndex('sessions_expires_idx')
    .ifNotExists()
    .on('sessions')
    .column('expires_at')
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('sessions').ifExists().execute()
}
