// The full-text search index, one shape per database. Frozen in time: imports nothing from
// the app (the FTS5 tokenizer string is repeated from search/tokenizer.ts on purpose).
import { type Kysely, SqliteAdapter, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  // What the filters and the recency boost need, copied from the article when it is indexed.
  let documents = db.schema
    .createTable('search_documents')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.primaryKey())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('section_id', 'integer', (c) => c.notNull())
    // Publication time (UTC ISO), or the last update for an unpublished article.
    .addColumn('dated_at', 'text', (c) => c.notNull())
    // dated_at as days since 1970, so both databases compute the age the same way.
    .addColumn('day', sqlite ? 'real' : 'double precision', (c) => c.notNull())
  if (!sqlite) documents = documents.addColumn('tsv', sql`tsvector`, (c) => c.notNull())
  await documents.execute()
  await db.schema
    .createIndex('search_documents_status_dated_idx')
    .ifNotExists()
    .on('search_documents')
    .columns(['status', 'dated_at'])
    .execute()

  await db.schema
    .createTable('search_document_reporters')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('search_document_reporters_pk', ['staff_id', 'article_id'])
    .execute()
  await db.schema
    .createIndex('search_document_reporters_article_idx')
    .ifNotExists()
    .on('search_document_reporters')
    .column('article_id')
    .execute()

  if (sqlite) {
    // Contentless: the columns hold token lists that nobody reads back; contentless_delete
    // lets an edited or withdrawn article be removed by rowid (= article id).
    await sql`CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5(
      headline, body,
      tokenize = 'unicode61 remove_diacritics 0',
      content = '', contentless_delete = 1
    )`.execute(db)
  } else {
    await sql`CREATE INDEX IF NOT EXISTS search_documents_tsv_idx ON search_documents USING gin (tsv)`.execute(
      db,
    )
  }
}

export async function down(db: Kysely<any>) {
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db)
  await db.schema.dropTable('search_document_reporters').ifExists().execute()
  await db.schema.dropTable('search_documents').ifExists().execute()
}
