// The search index on PostgreSQL: search_documents carries a tsvector of the tokenizer output
// (headline weight A, byline B, photos C, body D) under a GIN index, ranked by ts_rank_cd (cover density; its
// normalization 2 divides by the document length, the closest to bm25 on our query set).
import { type Kysely, type RawBuilder, sql } from 'kysely'
import {
  BYLINE_WEIGHT,
  CANDIDATE_LIMIT,
  COUNT_CAP,
  epochDays,
  HEADLINE_WEIGHT,
  type IndexHits,
  type IndexQuery,
  PHOTOS_WEIGHT,
  RECENCY_HALF_DAYS,
  RECENCY_WEIGHT,
  type SearchIndex,
} from './search.index.js'
import { indexText, toTsquery } from './tokenizer.js'

// {D, C, B, A} = {body, photos, byline, headline}, relative to the headline's 1.
const relative = (weight: number) => (weight / HEADLINE_WEIGHT).toFixed(4)
const WEIGHTS = `{${relative(1)}, ${relative(PHOTOS_WEIGHT)}, ${relative(BYLINE_WEIGHT)}, 1}`

function conditions(q: IndexQuery): RawBuilder<unknown> {
  const parts = [sql`d.tsv @@ q.query`]
  if (q.publishedOnly) parts.push(sql`d.status = 'published'`)
  if (q.sectionId !== undefined) parts.push(sql`d.section_id = ${q.sectionId}`)
  if (q.from !== undefined) parts.push(sql`d.dated_at >= ${q.from}`)
  if (q.to !== undefined) parts.push(sql`d.dated_at < ${q.to}`)
  if (q.reporterId !== undefined) {
    parts.push(sql`EXISTS (SELECT 1 FROM search_document_reporters r
      WHERE r.staff_id = ${q.reporterId} AND r.article_id = d.article_id)`)
  }
  return sql.join(parts, sql` AND `)
}

export function createPostgresSearchIndex(db: Kysely<unknown>): SearchIndex {
  return {
    async upsert(documents) {
      if (documents.length === 0) return
      const articleIds = documents.map((d) => d.articleId)
      await db.transaction().execute(async (trx) => {
        // One statement per batch: arrays in, unnest() turns them back into rows.
        await sql`INSERT INTO search_documents (article_id, status, section_id, dated_at, day, tsv)
          SELECT id, status, section_id, dated_at, day,
            setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', byline), 'B')
              || setweight(to_tsvector('simple', photos), 'C') || setweight(to_tsvector('simple', body), 'D')
          FROM unnest(${articleIds}::int[], ${documents.map((d) => d.status)}::text[],
            ${documents.map((d) => d.sectionId)}::int[], ${documents.map((d) => d.datedAt)}::text[],
            ${documents.map((d) => epochDays(d.datedAt))}::float8[],
            ${documents.map((d) => indexText(d.headline))}::text[], ${documents.map((d) => indexText(d.byline))}::text[],
            ${documents.map((d) => indexText(d.photos))}::text[], ${documents.map((d) => indexText(d.body))}::text[])
            AS t(id, status, section_id, dated_at, day, headline, byline, photos, body)
          ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, section_id = excluded.section_id,
            dated_at = excluded.dated_at, day = excluded.day, tsv = excluded.tsv`.execute(trx)
        await sql`DELETE FROM search_document_reporters WHERE article_id = ANY(${articleIds}::int[])`.execute(
          trx,
        )
        const bylines = documents.flatMap((d) =>
          d.reporterIds.map((staffId) => [d.articleId, staffId] as const),
        )
        if (bylines.length > 0) {
          await sql`INSERT INTO search_document_reporters (article_id, staff_id)
            SELECT * FROM unnest(${bylines.map((b) => b[0])}::int[], ${bylines.map((b) => b[1])}::int[])
            ON CONFLICT DO NOTHING`.execute(trx)
        }
      })
    },

    async remove(articleIds) {
      if (articleIds.length === 0) return
      const list = [...articleIds]
      await db.transaction().execute(async (trx) => {
        await sql`DELETE FROM search_document_reporters WHERE article_id = ANY(${list}::int[])`.execute(trx)
        await sql`DELETE FROM search_documents WHERE article_id = ANY(${list}::int[])`.execute(trx)
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
      await sql`ANALYZE search_documents`.execute(db)
    },

    async find(q): Promise<IndexHits> {
      const tsquery = toTsquery(q.query)
      if (tsquery === null) return { ids: [], total: 0 }
      const where = conditions(q)
      const from = sql`search_documents d, (SELECT to_tsquery('simple', ${tsquery}) AS query) q`
      // As on SQLite: the newest CANDIDATE_LIMIT matches by article id are ordered (ranked
      // outside the subquery, so ts_rank_cd runs on those rows only); deeper pages go by id.
      const candidates = sql`SELECT d.article_id AS id, d.dated_at, d.day, d.tsv, q.query FROM ${from}
        WHERE ${where} ORDER BY d.article_id DESC LIMIT ${sql.lit(CANDIDATE_LIMIT)}`
      const order =
        q.sort === 'newest'
          ? sql`c.dated_at DESC, c.id DESC`
          : sql`ts_rank_cd(${WEIGHTS}::float4[], c.tsv, c.query, 2)
              * (1 + ${sql.raw(RECENCY_WEIGHT.toFixed(4))} * ${sql.raw(RECENCY_HALF_DAYS.toFixed(4))}
              / (${sql.raw(RECENCY_HALF_DAYS.toFixed(4))} + greatest(0, ${epochDays(q.now)}::float8 - c.day))) DESC,
              c.id DESC`
      const page =
        q.offset + q.limit <= CANDIDATE_LIMIT
          ? sql<{
              id: number
            }>`SELECT c.id FROM (${candidates}) c ORDER BY ${order} LIMIT ${q.limit} OFFSET ${q.offset}`
          : sql<{ id: number }>`SELECT d.article_id AS id FROM ${from} WHERE ${where}
              ORDER BY d.article_id DESC LIMIT ${q.limit} OFFSET ${q.offset}`
      const count = sql<{ n: number }>`SELECT count(*)::int AS n FROM (
        SELECT 1 FROM ${from} WHERE ${where} LIMIT ${sql.lit(COUNT_CAP)}) m`
      // PostgreSQL cannot estimate how many articles a chain of bigrams matches, and a wrong
      // guess costs a scan of every tsvector. So: count through the GIN index first (stopping
      // at COUNT_CAP); few matches are then read the same way, many by walking article ids
      // backwards, which stops after CANDIDATE_LIMIT matches.
      return db.transaction().execute(async (trx) => {
        await sql`SET LOCAL enable_seqscan = off`.execute(trx)
        await sql`SET LOCAL enable_indexscan = off`.execute(trx)
        const total = (await count.execute(trx)).rows[0]?.n ?? 0
        if (total === 0) return { ids: [], total }
        if (total >= COUNT_CAP) await sql`SET LOCAL enable_indexscan = on`.execute(trx)
        const rows = await page.execute(trx)
        return { ids: rows.rows.map((r) => r.id), total }
      })
    },
  }
}
