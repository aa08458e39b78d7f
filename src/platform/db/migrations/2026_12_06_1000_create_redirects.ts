// Old addresses of a site that moved in (ndsoft's articleView.html?idxno=N, WordPress ?p=N and
// permalinks, list pages, feeds) and where each now lives. Answered with a 301 before the 404
// page. Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('redirects')
    .ifNotExists()
    /** The old path and its meaningful query, normalized (see importers/redirects/old-address.ts). */
    .addColumn('old_path', 'text', (c) => c.primaryKey())
    /** Where it now lives: a path of this site (`/news/12`) or an absolute URL. */
    .addColumn('target', 'text', (c) => c.notNull())
    /** Who made it: `ndsoft:https://…`, `wordpress:https://…`, `admin`. */
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('redirects').ifExists().execute()
}
