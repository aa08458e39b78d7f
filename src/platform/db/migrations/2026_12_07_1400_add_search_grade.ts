// The newsroom's archive list filters by the desk's grade (등급) as well as status, section,
// reporter and date, with words or without: the index keeps each article's grade beside its
// other filters, copied from the article when it is indexed. Existing entries take their
// article's grade here, so no rebuild is needed. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .alterTable('search_documents')
    .addColumn('grade', 'text', (c) => c.notNull().defaultTo('normal'))
    .execute()
  await sql`UPDATE search_documents SET grade = (
      SELECT a.grade FROM articles a WHERE a.id = search_documents.article_id)
    WHERE EXISTS (SELECT 1 FROM articles a WHERE a.id = search_documents.article_id)`.execute(db)
  // Without words the list walks the articles newest-touched first (the work list's order).
  await db.schema
    .createIndex('articles_updated_idx')
    .ifNotExists()
    .on('articles')
    .columns(['updated_at', 'id'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('articles_updated_idx').ifExists().execute()
  await db.schema.alterTable('search_documents').dropColumn('grade').execute()
}
