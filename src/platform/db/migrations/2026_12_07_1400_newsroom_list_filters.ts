// The newsroom's archive list filters by status, section, reporter, grade and date, with words
// (the search index) or without (the articles). The index keeps each article's grade beside its
// other filters, copied from the article when it is indexed; existing entries take their
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
  // Without words the list walks the articles newest-touched first. Each filter gets an index
  // that leads with it and carries the other filter columns, so the page's ids come from the
  // index alone: reading the article rows themselves means reading past their bodies, which
  // made a filtered page over 100,000 articles take a quarter of a second.
  const carried = ['status', 'section_id', 'grade', 'published_at', 'created_by']
  for (const [name, lead] of WORK_INDEXES) {
    await db.schema
      .createIndex(name)
      .ifNotExists()
      .on('articles')
      .columns([...(lead ? [lead] : []), 'updated_at', 'id', ...carried.filter((c) => c !== lead)])
      .execute()
  }
}

const WORK_INDEXES = [
  ['articles_work_idx', null],
  ['articles_work_status_idx', 'status'],
  ['articles_work_section_idx', 'section_id'],
  ['articles_work_grade_idx', 'grade'],
] as const

export async function down(db: Kysely<any>) {
  for (const [name] of WORK_INDEXES) await db.schema.dropIndex(name).ifExists().execute()
  await db.schema.alterTable('search_documents').dropColumn('grade').execute()
}
