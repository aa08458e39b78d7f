// PostgreSQL: search_documents becomes a table partitioned by article id ranges, so the newest
// matches of a common word are read from the newest partition's GIN index instead of the
// whole archive's (ADR 034). Rows are copied, not rebuilt. SQLite keeps FTS5.
// Frozen in time: imports nothing from the app (the span repeats search.postgres.ts on purpose).
import { type Kysely, SqliteAdapter, sql } from 'kysely'

const SPAN = 20_000
const BATCH = 2_000

export async function up(db: Kysely<any>) {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return
  await sql`ALTER TABLE search_documents RENAME TO search_documents_unpartitioned`.execute(db)
  await sql`ALTER INDEX search_documents_pkey RENAME TO search_documents_unpartitioned_pkey`.execute(db)
  await sql`DROP INDEX search_documents_status_dated_idx`.execute(db)
  await sql`DROP INDEX search_documents_tsv_idx`.execute(db)
  await sql`CREATE TABLE search_documents (
      article_id integer NOT NULL PRIMARY KEY,
      status text NOT NULL,
      section_id integer NOT NULL,
      dated_at text NOT NULL,
      day double precision NOT NULL,
      tsv tsvector NOT NULL,
      grade text NOT NULL DEFAULT 'normal'
    ) PARTITION BY RANGE (article_id)`.execute(db)
  if (await hasLz4(db))
    await sql`ALTER TABLE search_documents ALTER COLUMN tsv SET COMPRESSION lz4`.execute(db)
  await sql`CREATE INDEX search_documents_status_dated_idx ON search_documents (status, dated_at)`.execute(db)
  // No pending list: with one, every search scans it whole until a vacuum merges it, and the
  // planner, seeing it, may prefer reading every tsvector. An article save costs a little more.
  await sql`CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv)
    WITH (fastupdate = off)`.execute(db)
  const { rows } = await sql<{
    top: number | null
  }>`SELECT max(article_id) AS top FROM search_documents_unpartitioned`.execute(db)
  const top = rows[0]?.top ?? 0
  for (let n = 0; n <= Math.floor(top / SPAN); n++) {
    await sql`CREATE TABLE ${sql.id(`search_documents_p${n}`)} PARTITION OF search_documents
      FOR VALUES FROM (${sql.lit(n * SPAN)}) TO (${sql.lit((n + 1) * SPAN)})`.execute(db)
  }
  // In batches: every statement stays within the app's statement timeout on a large archive.
  for (let from = 0; from <= top; from += BATCH) {
    await sql`INSERT INTO search_documents (article_id, status, section_id, dated_at, day, tsv, grade)
      SELECT article_id, status, section_id, dated_at, day, tsv, grade FROM search_documents_unpartitioned WHERE article_id >= ${from} AND article_id < ${from + BATCH}`.execute(
      db,
    )
  }
  await sql`DROP TABLE search_documents_unpartitioned`.execute(db)
  // Without statistics the planner reads every tsvector of a partition instead of its GIN index.
  for (let n = 0; n <= Math.floor(top / SPAN); n++) {
    await sql`ANALYZE ${sql.id(`search_documents_p${n}`)}`.execute(db)
  }
}

export async function down(db: Kysely<any>) {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return
  await sql`CREATE TABLE search_documents_flat (
      article_id integer NOT NULL PRIMARY KEY,
      status text NOT NULL,
      section_id integer NOT NULL,
      dated_at text NOT NULL,
      day double precision NOT NULL,
      tsv tsvector NOT NULL,
      grade text NOT NULL DEFAULT 'normal'
    )`.execute(db)
  await sql`INSERT INTO search_documents_flat SELECT * FROM search_documents`.execute(db)
  await sql`DROP TABLE search_documents`.execute(db)
  await sql`ALTER TABLE search_documents_flat RENAME TO search_documents`.execute(db)
  await sql`ALTER INDEX search_documents_flat_pkey RENAME TO search_documents_pkey`.execute(db)
  await sql`CREATE INDEX search_documents_status_dated_idx ON search_documents (status, dated_at)`.execute(db)
  await sql`CREATE INDEX search_documents_tsv_idx ON search_documents USING gin (tsv)`.execute(db)
}

async function hasLz4(db: Kysely<any>): Promise<boolean> {
  const { rows } = await sql<{ lz4: boolean }>`SELECT 'lz4' = ANY(enumvals) AS lz4
    FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db)
  return rows[0]?.lz4 === true
}
