// The search index on SQLite: an FTS5 table of tokenizer output (headline, byline, photos and
// body columns, ranked by bm25) beside search_documents, which holds what the filters need.
import { type Kysely, type RawBuilder, sql } from 'kysely'
import {
  BYLINE_WEIGHT,
  CANDIDATE_LIMIT,
  type CandidateRow,
  COUNT_CAP,
  epochDays,
  HEADLINE_WEIGHT,
  type IndexHits,
  type IndexQuery,
  PHOTOS_WEIGHT,
  pageOfCandidates,
  type SearchIndex,
} from './search.index.js'
import { indexText, toFts5Match } from './tokenizer.js'

const ids = (list: readonly number[]) => sql.join(list.map((id) => sql`${id}`))
/** A real-number literal: SQLite divides integers as integers. */
const real = (n: number) => sql.raw(n.toFixed(4))

function conditions(q: IndexQuery, match: string): RawBuilder<unknown> {
  const parts = [sql`search_fts MATCH ${match}`]
  if (q.publishedOnly) parts.push(sql`d.status = 'published'`)
  if (q.statuses && q.statuses.length > 0) parts.push(sql`d.status IN (${sql.join([...q.statuses])})`)
  if (q.grade !== undefined) parts.push(sql`d.grade = ${q.grade}`)
  if (q.sectionId !== undefined) parts.push(sql`d.section_id = ${q.sectionId}`)
  if (q.from !== undefined) parts.push(sql`d.dated_at >= ${q.from}`)
  if (q.to !== undefined) parts.push(sql`d.dated_at < ${q.to}`)
  if (q.reporterId !== undefined) {
    parts.push(sql`EXISTS (SELECT 1 FROM search_document_reporters r
      WHERE r.staff_id = ${q.reporterId} AND r.article_id = d.article_id)`)
  }
  return sql.join(parts, sql` AND `)
}

// CROSS JOIN keeps the FTS table the outer loop: otherwise, with a date filter, SQLite walks
// search_documents by date and re-runs the MATCH for every row (seconds on a large archive).
const MATCHES = sql`search_fts CROSS JOIN search_documents d ON d.article_id = search_fts.rowid`

export function createSqliteSearchIndex(db: Kysely<unknown>): SearchIndex {
  return {
    async upsert(documents) {
      if (documents.length === 0) return
      const articleIds = ids(documents.map((d) => d.articleId))
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM search_fts WHERE rowid IN (${articleIds})`.execute(trx)
        await sql`DELETE FROM search_document_reporters WHERE article_id IN (${articleIds})`.execute(trx)
        const fts = documents.map(
          (d) =>
            sql`(${d.articleId}, ${indexText(d.headline)}, ${indexText(d.byline)}, ${indexText(d.photos)}, ${indexText(d.body)})`,
        )
        await sql`INSERT INTO search_fts (rowid, headline, byline, photos, body) VALUES ${sql.join(fts)}`.execute(
          trx,
        )
        const rows = documents.map(
          (d) =>
            sql`(${d.articleId}, ${d.status}, ${d.sectionId}, ${d.grade}, ${d.datedAt}, ${epochDays(d.datedAt)})`,
        )
        await sql`INSERT INTO search_documents (article_id, status, section_id, grade, dated_at, day)
          VALUES ${sql.join(rows)}
          ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, grade = excluded.grade,
            section_id = excluded.section_id, dated_at = excluded.dated_at, day = excluded.day`.execute(trx)
        const bylines = documents.flatMap((d) => d.reporterIds.map((s) => sql`(${d.articleId}, ${s})`))
        if (bylines.length > 0) {
          await sql`INSERT OR IGNORE INTO search_document_reporters (article_id, staff_id)
            VALUES ${sql.join(bylines)}`.execute(trx)
        }
      })
    },

    async remove(articleIds) {
      if (articleIds.length === 0) return
      const list = ids(articleIds)
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM search_fts WHERE rowid IN (${list})`.execute(trx)
        await sql`DELETE FROM search_document_reporters WHERE article_id IN (${list})`.execute(trx)
        await sql`DELETE FROM search_documents WHERE article_id IN (${list})`.execute(trx)
      })
    },

    async isEmpty() {
      const { rows } = await sql`SELECT 1 AS one FROM search_documents LIMIT 1`.execute(db)
      return rows.length === 0
    },

    async indexedIds() {
      const { rows } = await sql<{ id: number }>`SELECT article_id AS id FROM search_documents`.execute(db)
      return rows.map((r) => r.id)
    },

    async optimize() {
      await sql`INSERT INTO search_fts (search_fts) VALUES ('optimize')`.execute(db)
      // A rebuild leaves gigabytes in the WAL; until they are checkpointed every read looks
      // them up there (the first queries after a rebuild were 4x slower).
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(db)
    },

    async find(q): Promise<IndexHits> {
      const match = toFts5Match(q.query)
      if (match === null) return { ids: [], total: 0 }
      const where = conditions(q, match)
      const count = async () => {
        const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM (
          SELECT 1 FROM ${MATCHES} WHERE ${where} LIMIT ${sql.lit(COUNT_CAP)})`.execute(db)
        return rows[0]?.n ?? 0
      }
      // The newest CANDIDATE_LIMIT matches by article id (ids grow with time), which FTS5
      // streams without reading the rest, ranked in one go; counted apart only when there may
      // be more; deeper pages go by id.
      if (q.offset + q.limit <= CANDIDATE_LIMIT) {
        // bm25() is negative, lower is better.
        const rel =
          q.sort === 'relevance'
            ? sql`-bm25(search_fts, ${real(HEADLINE_WEIGHT)}, ${real(BYLINE_WEIGHT)}, ${real(PHOTOS_WEIGHT)}, 1.0)`
            : sql`0`
        const { rows } = await sql<CandidateRow>`SELECT search_fts.rowid AS id, d.dated_at AS datedAt,
            d.day AS day, ${rel} AS rel
          FROM ${MATCHES} WHERE ${where} ORDER BY search_fts.rowid DESC LIMIT ${sql.lit(CANDIDATE_LIMIT)}`.execute(
          db,
        )
        return pageOfCandidates(rows, rows.length < CANDIDATE_LIMIT ? rows.length : await count(), q)
      }
      const page = sql<{ id: number }>`SELECT search_fts.rowid AS id FROM ${MATCHES} WHERE ${where}
        ORDER BY search_fts.rowid DESC LIMIT ${q.limit} OFFSET ${q.offset}`
      const [rows, total] = await Promise.all([page.execute(db), count()])
      return { ids: rows.rows.map((r) => r.id), total }
    },
  }
}
