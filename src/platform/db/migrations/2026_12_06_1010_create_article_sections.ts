// The further sections an article appears in besides its own (a WordPress post filed under
// several categories). Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('article_sections')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_sections_pk', ['article_id', 'section_id'])
    .execute()
  // Section pages look articles up by section.
  await db.schema
    .createIndex('article_sections_by_section')
    .ifNotExists()
    .on('article_sections')
    .columns(['section_id', 'article_id'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('article_sections').ifExists().execute()
}
