// Going live (ADR 023): staff profiles separate from the login (department, public e-mail),
// sections with one level of sub-sections and a hidden flag. Frozen in time: imports nothing
// from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .alterTable('staff')
    .addColumn('department', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('staff')
    .addColumn('public_email', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
  await db.schema
    .alterTable('sections')
    .addColumn('parent_id', 'integer', (c) => c.references('sections.id'))
    .execute()
  await db.schema
    .alterTable('sections')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable('sections').dropColumn('hidden').execute()
  await db.schema.alterTable('sections').dropColumn('parent_id').execute()
  await db.schema.alterTable('staff').dropColumn('public_email').execute()
  await db.schema.alterTable('staff').dropColumn('department').execute()
}
