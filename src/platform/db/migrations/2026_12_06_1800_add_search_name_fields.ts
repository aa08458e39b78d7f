// Bylines, photo captions and credits become fields of their own in the search index, ranked
// below the headline and above the body. Frozen in time: imports nothing from the app.
//
// SQLite: an FTS5 table cannot gain a column, so search_fts is made again with the columns
// headline, byline, photos, body (the tokenizer string repeats search/tokenizer.ts on purpose).
// PostgreSQL needs no new column: the fields are tsvector weights (A headline, B byline,
// C photos, D body); its tsvector is stored with lz4 where the server has it. Either way the old entries lack the new fields; the next migration empties the
// index and the server rebuilds it at start.
import { type Kysely, SqliteAdapter, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    // Matching a phrase reads each candidate's whole tsvector (several KB, kept out of line);
    // lz4 unpacks it several times faster than the default pglz. PostgreSQL 14+ built with
    // lz4 only; elsewhere the default stays. The next migration's rebuild writes every value anew.
    if (await hasLz4(db))
      await sql`ALTER TABLE search_documents ALTER COLUMN tsv SET COMPRESSION lz4`.execute(db)
    return
  }
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db)
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    headline, byline, photos, body,
    tokenize = 'unicode61 remove_diacritics 0',
    content = '', contentless_delete = 1
  )`.execute(db)
}

export async function down(db: Kysely<any>) {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) {
    if (await hasLz4(db))
      await sql`ALTER TABLE search_documents ALTER COLUMN tsv SET COMPRESSION DEFAULT`.execute(db)
    return
  }
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db)
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    headline, body,
    tokenize = 'unicode61 remove_diacritics 0',
    content = '', contentless_delete = 1
  )`.execute(db)
}

async function hasLz4(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ lz4: boolean }>`SELECT 'lz4' = ANY(enumvals) AS lz4
    FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db)
  return rows[0]?.lz4 === true
}
