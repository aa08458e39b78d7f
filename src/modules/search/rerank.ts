// The final order of the first result pages, computed the same way whatever the database.
// The index (bm25 on SQLite, ts_rank on PostgreSQL) picks the best RERANK_DEPTH matches;
// those are then scored here from the article text itself, so both databases show the same
// first results whenever they pick the same candidates (always, below RERANK_DEPTH matches).
import {
  BYLINE_WEIGHT,
  DAY_MS,
  HEADLINE_WEIGHT,
  PHOTOS_WEIGHT,
  RECENCY_HALF_DAYS,
  RECENCY_WEIGHT,
} from './search.index.js'

export const RERANK_DEPTH = 60

export interface Candidate {
  id: number
  headline: string
  /** Reporter names. */
  byline: string
  /** Photo captions and credits. */
  photos: string
  text: string
  datedAt: string
}

// BM25's term-frequency saturation and length normalization, with its usual constants.
const K1 = 1.2
const B = 0.75

const count = (text: string, pattern: RegExp) => {
  let n = 0
  for (const _ of text.matchAll(pattern)) n++
  return n
}

/**
 * Where the query's words meet decides first, the score only within the same tier:
 * - tier 2: the headline holds every query word (each word or one of its aliases). A reader
 *   who typed "삼성 반도체" wants the articles about both; a newer piece that mentions them
 *   in passing must not push those down, whatever the recency boost gives it.
 * - tier 1: every query word is in the headline or the byline, e.g. a reporter's full name
 *   (or name plus a topic from the headline): the reporter's own articles come before
 *   articles that quote someone of the same name.
 * - tier 0: the rest.
 */
function tier(c: Candidate, groups: readonly RegExp[]): number {
  // search() ignores and keeps lastIndex; test() on these global patterns would move it and
  // shift the next count().
  const has = (text: string, pattern: RegExp) => text.search(pattern) >= 0
  if (groups.every((p) => has(c.headline, p))) return 2
  if (groups.every((p) => has(c.headline, p) || has(c.byline, p))) return 1
  return 0
}

/**
 * Within a tier: score = Σ over query groups of tf·(K1+1) / (tf + K1·(1 − B + B·len/avgLen)),
 * tf weighting each field as the index does (headline 5, byline 3, photos 2, body 1), times
 * the recency boost 1 + RECENCY_WEIGHT × H / (H + age in days). Ties go to the newer id.
 */
export function rerank(candidates: readonly Candidate[], groups: readonly RegExp[], now: Date): number[] {
  if (candidates.length === 0) return []
  const lengths = candidates.map((c) => c.headline.length + c.byline.length + c.photos.length + c.text.length)
  const avgLength = lengths.reduce((a, b) => a + b, 0) / candidates.length || 1
  const scored = candidates.map((c, i) => {
    const norm = K1 * (1 - B + (B * lengths[i]!) / avgLength)
    let relevance = 0
    for (const pattern of groups) {
      const tf =
        HEADLINE_WEIGHT * count(c.headline, pattern) +
        BYLINE_WEIGHT * count(c.byline, pattern) +
        PHOTOS_WEIGHT * count(c.photos, pattern) +
        count(c.text, pattern)
      relevance += (tf * (K1 + 1)) / (tf + norm)
    }
    const age = Math.max(0, (now.getTime() - Date.parse(c.datedAt)) / DAY_MS)
    const boost = 1 + (RECENCY_WEIGHT * RECENCY_HALF_DAYS) / (RECENCY_HALF_DAYS + age)
    return { id: c.id, tier: groups.length > 0 ? tier(c, groups) : 0, score: relevance * boost }
  })
  scored.sort((a, b) => b.tier - a.tier || b.score - a.score || b.id - a.id)
  return scored.map((s) => s.id)
}
