// The search index on PostgreSQL: search_documents carries a tsvector of the tokenizer output
// (headline weight A, byline B, photos C, body D) under a GIN index, ranked by ts_rank with
// normalization 2 (divided by the document length); see newestCandidates for why not ts_rank_cd.
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

/**
 * The filters of a query (never the words), over search_documents d. A column named here must
 * also be in looseMatches' select list.
 */
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
  const partitions = new Set<number>()

  /** Makes the partitions these articles belong in, once per process (any node may). */
  async function ensurePartitions(articleIds: readonly number[]) {
    for (const n of new Set(articleIds.map((id) => Math.floor(id / PARTITION_SPAN)))) {
      if (partitions.has(n)) continue
      const name = `search_documents_p${n}`
      try {
        await sql`CREATE TABLE IF NOT EXISTS ${sql.id(name)} PARTITION OF search_documents
          FOR VALUES FROM (${sql.lit(n * PARTITION_SPAN)}) TO (${sql.lit((n + 1) * PARTITION_SPAN)})`.execute(
          db,
        )
      } catch (error) {
        // Another node made it in the same instant.
        const { rows } = await sql<{
          made: boolean
        }>`SELECT to_regclass(${name}) IS NOT NULL AS made`.execute(db)
        if (!rows[0]?.made) throw error
      }
      partitions.add(n)
    }
  }

  return {
    async upsert(documents) {
      if (documents.length === 0) return
      const articleIds = documents.map((d) => d.articleId)
      await ensurePartitions(articleIds)
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
      // One partition at a time: each stays well within the statement timeout.
      for (const name of await partitionsNewestFirst(db)) await sql`ANALYZE ${sql.id(name)}`.execute(db)
    },

    async find(q): Promise<IndexHits> {
      const tsquery = toTsquery(q.query)
      const loose = toLooseTsquery(q.query)
      if (tsquery === null || loose === null) return { ids: [], total: 0 }
      if (q.offset + q.limit <= CANDIDATE_LIMIT) {
        const candidates = await newestCandidates(db, q, tsquery, loose)
        if (candidates) return pageOfCandidates(candidates.rows, candidates.total, q)
      }
      return byIdWalk(db, q, tsquery)
    },
  }
}

// How many of the newest loose matches are read to find the newest CANDIDATE_LIMIT exact
// ones: loose matches that are not exact (bigrams of a word scattered over the text) are few;
// when they are many, the id walk takes over.
const LOOSE_LIMIT = Math.round(1.25 * CANDIDATE_LIMIT)
const WIDEST = 8

/**
 * Article ids per partition of search_documents (the migration that partitions the table
 * repeats it). A common word's newest matches then come from the newest partition's GIN
 * index, not from a bitmap of every match in the archive.
 */
export const PARTITION_SPAN = 20_000

/** The partitions of search_documents, newest ids first. */
async function partitionsNewestFirst(db: Kysely<unknown>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT c.relname AS name FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'search_documents'::regclass`.execute(db)
  const number = (name: string) => Number(name.slice(name.lastIndexOf('p') + 1))
  return rows.map((r) => r.name).sort((a, b) => number(b) - number(a))
}

/**
 * The loose matches in some partitions, as rows `d` with the filters applied. Inside the
 * materialized step the GIN index is the only one a condition can use, so the planner cannot
 * choose to read every tsvector of a partition through its primary key or the status index
 * (it did, where a partition's statistics made the GIN scan look dear).
 */
function looseMatches(partitions: string[], loose: string, q: IndexQuery) {
  const scans = partitions.map(
    (name) => sql`SELECT article_id, status, section_id, grade, dated_at FROM ${sql.id(name)}
      WHERE tsv @@ to_tsquery('simple', ${loose})`,
  )
  return sql`(WITH m AS MATERIALIZED (${sql.join(scans, sql` UNION ALL `)}) SELECT * FROM m) d
    WHERE ${filters(q)}`
}

/**
 * The newest CANDIDATE_LIMIT matches, with their rank, and the number of matches: the newest
 * partitions' GIN indexes give the newest LOOSE_LIMIT loose matches without reading any
 * tsvector, then only those tsvectors are read to check the phrases and rank. Null when even
 * the widest window of loose matches held too few exact ones.
 */
async function newestCandidates(db: Kysely<unknown>, q: IndexQuery, tsquery: string, loose: string) {
  const partitions = await partitionsNewestFirst(db)
  // The newest two partitions one at a time (a common word stops there), then the rest together.
  const groups = [...partitions.slice(0, 2).map((p) => [p]), partitions.slice(2)].filter((g) => g.length > 0)
  return db.transaction().execute(async (trx) => {
    // The planner cannot estimate bigram matches; a backward id walk would read tsvectors.
    await sql`SET LOCAL enable_seqscan = off`.execute(trx)
    await sql`SET LOCAL enable_indexscan = off`.execute(trx)
    // ts_rank, not ts_rank_cd: the index only picks which RERANK_DEPTH of the candidates the
    // shared re-ranker orders, and cover density over a long compound's phrase alternatives
    // (데이터센터에서: six) cost about 30 µs a candidate, ts_rank under 10 — the difference
    // between this search's p95 and its target.
    const rank = q.sort === 'relevance' ? sql`ts_rank(${WEIGHTS}::float4[], d.tsv, query, 2)` : sql`0`
    const exact: CandidateRow[] = []
    const checked = new Set<number>()
    // When few loose matches are exact (the words of a phrase, each common apart), the window
    // widens by the share found, up to WIDEST times, before the id walk takes over.
    for (let limit = LOOSE_LIMIT; ; ) {
      const ids: number[] = []
      for (const group of groups) {
        const { rows } = await sql<{ id: number }>`SELECT d.article_id AS id
          FROM ${looseMatches(group, loose, q)} ORDER BY d.article_id DESC LIMIT ${sql.lit(limit - ids.length)}`.execute(
          trx,
        )
        for (const row of rows) ids.push(row.id)
        if (ids.length >= limit) break
      }
      const unchecked = ids.filter((id) => !checked.has(id))
      for (const id of unchecked) checked.add(id)
      if (unchecked.length > 0) {
        // The match is checked in the select list, so the planner cannot turn it into a GIN
        // condition over every match. Rank -1 marks a loose match that is not an exact one.
        const { rows } = await sql<CandidateRow>`SELECT d.article_id AS id, d.dated_at AS "datedAt", d.day,
            CASE WHEN d.tsv @@ query THEN ${rank} ELSE -1 END AS rel
          FROM search_documents d, to_tsquery('simple', ${tsquery}) query
          WHERE d.article_id = ANY(${unchecked}::int[])`.execute(trx)
        exact.push(...rows.filter((c) => c.rel >= 0))
      }
      exact.sort((a, b) => b.id - a.id)
      // Every loose match was checked: the count is exact.
      if (ids.length < limit) return { rows: exact.slice(0, CANDIDATE_LIMIT), total: exact.length }
      if (exact.length >= CANDIDATE_LIMIT) {
        const total = await estimateTotal(trx, partitions, q, loose, exact.length / ids.length)
        return { rows: exact.slice(0, CANDIDATE_LIMIT), total }
      }
      if (limit >= WIDEST * LOOSE_LIMIT) return null
      const wanted = Math.ceil((limit * CANDIDATE_LIMIT * 1.2) / Math.max(exact.length, 1))
      limit = Math.min(WIDEST * LOOSE_LIMIT, wanted)
    }
  })
}

/**
 * The number of matches, up to COUNT_CAP, without reading a tsvector: the loose matches
 * counted through the GIN indexes, newest partitions first until there are enough, times the
 * share of the newest loose matches that were exact. Exact whenever every loose match is an
 * exact one (a query of whole words).
 */
async function estimateTotal(
  db: Kysely<unknown>,
  partitions: string[],
  q: IndexQuery,
  loose: string,
  exactShare: number,
) {
  const needed = Math.ceil(COUNT_CAP / exactShare)
  let counted = 0
  for (const partition of partitions) {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n
      FROM ${looseMatches([partition], loose, q)}`.execute(db)
    counted += rows[0]?.n ?? 0
    if (counted >= needed) break
  }
  return Math.min(COUNT_CAP, Math.round(counted * exactShare))
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
