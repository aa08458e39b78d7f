// Each photo may carry a focal point (issue 14): where in the picture the subject is, as
// fractions of its width and height from the top left. List thumbnails, cropped to one ratio,
// keep that point in view. Null is the middle. Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema.alterTable('photos').addColumn('focal_x', 'real').execute()
  await db.schema.alterTable('photos').addColumn('focal_y', 'real').execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable('photos').dropColumn('focal_y').execute()
  await db.schema.alterTable('photos').dropColumn('focal_x').execute()
}
