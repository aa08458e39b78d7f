// The final order of the first result pages, computed the same way whatever the database.
// The index (bm25 on SQLite, ts_rank_cd on PostgreSQL) picks the best RERANK_DEPTH matches;
// those are then scored here from the article text itself, so both databases show the same
// first results whenever they pick the same candidates (always, below RERANK_DEPTH matches).
import { DAY_MS, HEADLINE_WEIGHT, RECENCY_HALF_DAYS, RECENCY_WEIGHT } from './search.index.js'

export const RERANK_DEPTH = 60

export interface Candidate {
  id: number
  headline: string
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
 * Score = Σ over query groups of tf·(K1+1) / (tf + K1·(1 − B + B·len/avgLen)), tf being
 * HEADLINE_WEIGHT × headline occurrences + body occurrences, times the recency boost
 * 1 + RECENCY_WEIGHT × H / (H + age in days). Ties go to the newer id.
 */
export function rerank(candidates: readonly Candidate[], groups: readonly RegExp[], now: Date): number[] {
  if (candidates.length === 0) return []
  const lengths = candidates.map((c) => c.headline.length + c.text.length)
  const avgLength = lengths.reduce((a, b) => a + b, 0) / candidates.length || 1
  const scored = candidates.map((c, i) => {
    const norm = K1 * (1 - B + (B * lengths[i]!) / avgLength)
    let relevance = 0
    for (const pattern of groups) {
      const tf = HEADLINE_WEIGHT * count(c.headline, pattern) + count(c.text, pattern)
      relevance += (tf * (K1 + 1)) / (tf + norm)
    }
    const age = Math.max(0, (now.getTime() - Date.parse(c.datedAt)) / DAY_MS)
    const boost = 1 + (RECENCY_WEIGHT * RECENCY_HALF_DAYS) / (RECENCY_HALF_DAYS + age)
    return { id: c.id, score: relevance * boost }
  })
  scored.sort((a, b) => b.score - a.score || b.id - a.id)
  return scored.map((s) => s.id)
}
