// A comment written by a member of the newsroom (an imported reply by the old site's author),
// shown as a staff reply. Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema.alterTable('comments').addColumn('staff_id', 'integer').execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable('comments').dropColumn('staff_id').execute()
}
