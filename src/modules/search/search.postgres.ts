// The search index on PostgreSQL: search_documents carries a tsvector of the tokenizer output
// (headline weight A, byline B, photos C, body D) under a GIN index, ranked by ts_rank_cd (cover density; its
// normalization 2 divides by the document length, the closest to bm25 on our query set).
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
import { indexText, toLooseTsquery, toTsquery } from './tokenizer.js'

// {D, C, B, A} = {body, photos, byline, headline}, relative to the headline's 1.
const relative = (weight: number) => (weight / HEADLINE_WEIGHT).toFixed(4)
const WEIGHTS = `{${relative(1)}, ${relative(PHOTOS_WEIGHT)}, ${relative(BYLINE_WEIGHT)}, 1}`

/** The filters of a query (never the words), over search_documents d. */
function filters(q: IndexQuery): RawBuilder<unknown> {
  const parts = [sql`true`]
  if (q.publishedOnly) parts.push(sql`d.status = 'published'`)
  if (q.statuses && q.statuses.length > 0) parts.push(sql`d.status = ANY(${[...q.statuses]}::text[])`)
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

export function createPostgresSearchIndex(db: Kysely<unknown>): SearchIndex {
  return {
    async upsert(documents) {
      if (documents.length === 0) return
      const articleIds = documents.map((d) => d.articleId)
      await db.transaction().execute(async (trx) => {
        // One statement per batch: arrays in, unnest() turns them back into rows.
        await sql`INSERT INTO search_documents (article_id, status, section_id, grade, dated_at, day, tsv)
          SELECT id, status, section_id, grade, dated_at, day,
            setweight(to_tsvector('simple', headline), 'A') || setweight(to_tsvector('simple', byline), 'B')
              || setweight(to_tsvector('simple', photos), 'C') || setweight(to_tsvector('simple', body), 'D')
          FROM unnest(${articleIds}::int[], ${documents.map((d) => d.status)}::text[],
            ${documents.map((d) => d.sectionId)}::int[], ${documents.map((d) => d.grade)}::text[],
            ${documents.map((d) => d.datedAt)}::text[],
            ${documents.map((d) => epochDays(d.datedAt))}::float8[],
            ${documents.map((d) => indexText(d.headline))}::text[], ${documents.map((d) => indexText(d.byline))}::text[],
            ${documents.map((d) => indexText(d.photos))}::text[], ${documents.map((d) => indexText(d.body))}::text[])
            AS t(id, status, section_id, grade, dated_at, day, headline, byline, photos, body)
          ON CONFLICT (article_id) DO UPDATE SET status = excluded.status, section_id = excluded.section_id,
            grade = excluded.grade,
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
      const loose = toLooseTsquery(q.query)
      if (tsquery === null || loose === null) return { ids: [], total: 0 }
      if (q.offset + q.limit <= CANDIDATE_LIMIT) {
        const candidates = await newestCandidates(db, q, tsquery, loose)
        if (candidates) return pageOfCandidates(candidates, q)
      }
      return byIdWalk(db, q, tsquery)
    },
  }
}

// How many of the newest loose matches are read to find the newest CANDIDATE_LIMIT exact
// ones: loose matches that are not exact (bigrams of a word scattered over the text) are few;
// when they are many, the id walk takes over.
const LOOSE_LIMIT = Math.round(1.25 * CANDIDATE_LIMIT)

/**
 * The newest CANDIDATE_LIMIT matches, with their rank: the GIN index gives the newest
 * LOOSE_LIMIT loose matches without reading any tsvector, then only those tsvectors are read
 * to check the phrases and rank. Before, many matches were found by walking article ids
 * backwards and reading every article's tsvector on the way (ten times as many for a word in
 * one article of ten). Null when the loose matches ran out before the exact ones were found.
 */
async function newestCandidates(db: Kysely<unknown>, q: IndexQuery, tsquery: string, loose: string) {
  // The match is checked in the select list, inside a materialized step, so the planner
  // cannot turn it back into a GIN condition over every match (it did: a hash join that read
  // all 50,000 tsvectors of 전기차). Rank -1 marks a loose match that is not an exact one.
  const rank = q.sort === 'relevance' ? sql`ts_rank_cd(${WEIGHTS}::float4[], d.tsv, q.query, 2)` : sql`0`
  const statement = sql<CandidateRow & { looseCount: number }>`
    WITH q AS (SELECT to_tsquery('simple', ${tsquery}) AS query, to_tsquery('simple', ${loose}) AS loose),
    newest AS MATERIALIZED (
      SELECT d.article_id FROM search_documents d, q WHERE d.tsv @@ q.loose AND ${filters(q)}
      ORDER BY d.article_id DESC LIMIT ${sql.lit(LOOSE_LIMIT)}),
    checked AS MATERIALIZED (
      SELECT d.article_id AS id, d.dated_at, d.day,
        CASE WHEN d.tsv @@ q.query THEN ${rank} ELSE -1 END AS rel
      FROM newest JOIN search_documents d ON d.article_id = newest.article_id, q)
    SELECT id, dated_at AS "datedAt", day, rel, (SELECT count(*)::int FROM newest) AS "looseCount"
    FROM checked WHERE rel >= 0 ORDER BY id DESC LIMIT ${sql.lit(CANDIDATE_LIMIT)}`
  const { rows } = await db.transaction().execute(async (trx) => {
    // The planner cannot estimate bigram matches; a backward id walk would read tsvectors.
    await sql`SET LOCAL enable_seqscan = off`.execute(trx)
    await sql`SET LOCAL enable_indexscan = off`.execute(trx)
    return statement.execute(trx)
  })
  const looseCount = rows[0]?.looseCount ?? 0
  if (rows.length < CANDIDATE_LIMIT && looseCount >= LOOSE_LIMIT) return null
  return rows
}

/** Pages past the candidates (and the rare query whose loose matches ran out): by article id. */
async function byIdWalk(db: Kysely<unknown>, q: IndexQuery, tsquery: string): Promise<IndexHits> {
  const from = sql`search_documents d, (SELECT to_tsquery('simple', ${tsquery}) AS query) q`
  const where = sql`d.tsv @@ q.query AND ${filters(q)}`
  const page = sql<{ id: number }>`SELECT d.article_id AS id FROM ${from} WHERE ${where}
    ORDER BY d.article_id DESC LIMIT ${q.limit} OFFSET ${q.offset}`
  const count = sql<{ n: number }>`SELECT count(*)::int AS n FROM (
    SELECT 1 FROM ${from} WHERE ${where} LIMIT ${sql.lit(COUNT_CAP)}) m`
  // Count through the GIN index first (stopping at COUNT_CAP); few matches are then read the
  // same way, many by walking article ids backwards.
  return db.transaction().execute(async (trx) => {
    await sql`SET LOCAL enable_seqscan = off`.execute(trx)
    await sql`SET LOCAL enable_indexscan = off`.execute(trx)
    const total = (await count.execute(trx)).rows[0]?.n ?? 0
    if (total === 0) return { ids: [], total }
    if (total >= COUNT_CAP) await sql`SET LOCAL enable_indexscan = on`.execute(trx)
    const rows = await page.execute(trx)
    return { ids: rows.rows.map((r) => r.id), total }
  })
}
