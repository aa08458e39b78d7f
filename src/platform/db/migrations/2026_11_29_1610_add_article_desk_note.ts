// The desk's note when it returns an article (반려), and when the reporter last sent it to the
// desk (출고 요청). Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema.alterTable('articles').addColumn('desk_note', 'text').execute()
  await db.schema.alterTable('articles').addColumn('submitted_at', 'text').execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable('articles').dropColumn('submitted_at').execute()
  await db.schema.alterTable('articles').dropColumn('desk_note').execute()
}
