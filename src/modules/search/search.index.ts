// The one interface both full-text indexes implement. SQL for each database lives in
// search.sqlite.ts and search.postgres.ts; everything above them is database-agnostic.
import type { ArticleForIndex } from '../articles/index.js'
import type { SearchQuery } from './tokenizer.js'

/** What the index keeps about one article, as the articles module reads it out. */
export type IndexedDocument = ArticleForIndex

export interface IndexQuery {
  query: SearchQuery
  /** Only published articles (readers) or every indexed status (newsroom). */
  publishedOnly: boolean
  /** Only these statuses (the newsroom's status filter); none given, every indexed one. */
  statuses?: readonly string[]
  /** Only this desk grade. */
  grade?: string
  sectionId?: number
  reporterId?: number
  /** Inclusive lower and exclusive upper bound on datedAt, UTC ISO. */
  from?: string
  to?: string
  sort: 'relevance' | 'newest'
  limit: number
  offset: number
  now: Date
}

export interface IndexHits {
  ids: number[]
  /** Number of matches, at most COUNT_CAP. */
  total: number
}

export interface SearchIndex {
  upsert(documents: readonly IndexedDocument[]): Promise<void>
  remove(articleIds: readonly number[]): Promise<void>
  /** True when nothing is indexed. */
  isEmpty(): Promise<boolean>
  /** Every article id in the index, for finding stale entries after a rebuild. */
  indexedIds(): Promise<number[]>
  /** Compacts the index after a bulk rebuild. */
  optimize(): Promise<void>
  find(query: IndexQuery): Promise<IndexHits>
}

/**
 * Field weights, a body match counting 1: the headline says what the article is about, a
 * byline names who wrote it (readers look columnists up by name), captions and credits
 * name who or what is pictured. bm25 column weights 5:3:2:1 on SQLite; on PostgreSQL
 * setweight A, B, C, D with ts_rank weights {0.2, 0.4, 0.6, 1}; the same in rerank.ts.
 */
export const HEADLINE_WEIGHT = 5
export const BYLINE_WEIGHT = 3
export const PHOTOS_WEIGHT = 2

/**
 * Recency boost: score = relevance × (1 + RECENCY_WEIGHT × H / (H + age in days)), H being
 * RECENCY_HALF_DAYS. Today ×1.5, a month ×1.25, a year ×1.04: a fresher article wins a
 * near-tie but never outranks a clearly better match.
 */
export const RECENCY_WEIGHT = 0.5
export const RECENCY_HALF_DAYS = 30

/**
 * Both orders are computed over the newest CANDIDATE_LIMIT matches (by article id, which
 * grows with time). A query such as "AI" matches a third of a large archive: ranking or
 * sorting all of it costs far more than the first pages need, and with the recency boost old
 * matches rarely reach them anyway. Pages past CANDIDATE_LIMIT results go by article id.
 * 300 is fifteen pages of twenty; ranking 1,000 cost PostgreSQL three times as much CPU per
 * query (each candidate's tsvector is read to rank it) for pages readers do not reach.
 */
export const CANDIDATE_LIMIT = 300

/** Counting stops here; the page says "1,000건 이상". */
export const COUNT_CAP = 1_000

export const DAY_MS = 86_400_000
export const epochDays = (iso: string | Date) => new Date(iso).getTime() / DAY_MS

/** A match among the newest CANDIDATE_LIMIT, with its rank (higher is better; 0 when sorting by date). */
export type CandidateRow = { id: number; datedAt: string; day: number; rel: number }

/** One page of the candidates, in the asked order: the same formula on both databases. */
export function pageOfCandidates(candidates: CandidateRow[], total: number, q: IndexQuery): IndexHits {
  const today = epochDays(q.now)
  const boost = (day: number) =>
    1 + (RECENCY_WEIGHT * RECENCY_HALF_DAYS) / (RECENCY_HALF_DAYS + Math.max(0, today - day))
  const sorted =
    q.sort === 'newest'
      ? [...candidates].sort((a, b) =>
          a.datedAt === b.datedAt ? b.id - a.id : a.datedAt < b.datedAt ? 1 : -1,
        )
      : candidates
          .map((c) => ({ id: c.id, score: c.rel * boost(c.day) }))
          .sort((a, b) => b.score - a.score || b.id - a.id)
  return { ids: sorted.slice(q.offset, q.offset + q.limit).map((c) => c.id), total }
}
