// Requests sent through the public form (기사제보, 정정·반론·추후보도) carry the key their form
// was given, so a resent form or a retry after a lost answer finds the request already
// received instead of receiving it twice (and starting a second statutory clock). Frozen in
// time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema.alterTable('tips').addColumn('client_key', 'text').execute()
  await db.schema.createIndex('tips_client_key_unique').on('tips').column('client_key').unique().execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('tips_client_key_unique').execute()
  await db.schema.alterTable('tips').dropColumn('client_key').execute()
}
