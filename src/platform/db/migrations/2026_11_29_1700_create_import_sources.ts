// Where imported content came from: one row per item of another system (a WordPress post, an
// RSS item …) and what it became here, so an import can run again without duplicates.
// Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('import_sources')
    .ifNotExists()
    /** The other system, e.g. `wordpress:https://old.example` or `rss:https://feed.example/rss`. */
    .addColumn('source', 'text', (c) => c.notNull())
    /** `post`, `page`, `term`, `author`, `attachment`, `comment`, `item` … */
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    /** Our id (a number, or a page slug) as text. */
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_sources_pk', ['source', 'kind', 'source_id'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('import_sources').ifExists().execute()
}
