// Bylines, photo captions and credits become fields of their own in the search index, ranked
// below the headline and above the body. Frozen in time: imports nothing from the app.
//
// SQLite: an FTS5 table cannot gain a column, so search_fts is made again with the columns
// headline, byline, photos, body (the tokenizer string repeats search/tokenizer.ts on purpose).
// PostgreSQL needs no DDL: the fields are tsvector weights (A headline, B byline, C photos,
// D body). Either way the old entries lack the new fields; the next migration empties the
// index and the server rebuilds it at start.
import { type Kysely, SqliteAdapter, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db)
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    headline, byline, photos, body,
    tokenize = 'unicode61 remove_diacritics 0',
    content = '', contentless_delete = 1
  )`.execute(db)
}

export async function down(db: Kysely<any>) {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return
  await sql`DROP TABLE IF EXISTS search_fts`.execute(db)
  await sql`CREATE VIRTUAL TABLE search_fts USING fts5(
    headline, body,
    tokenize = 'unicode61 remove_diacritics 0',
    content = '', contentless_delete = 1
  )`.execute(db)
}
