// Searching articles: parses the reader's words, asks the index for a page of ids, loads
// those articles and marks the matched words. Used by the search page and the newsroom.
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import type { Db } from '../../platform/db/database.js'
import { koreaDayStart } from '../../platform/korea-time.js'
import type { ArticleGrade, ArticleStatus } from '../articles/index.js'
import type { AliasDictionary } from './aliases.js'
import { RERANK_DEPTH, rerank } from './rerank.js'
import { COUNT_CAP, type SearchIndex } from './search.index.js'
import { createPostgresSearchIndex } from './search.postgres.js'
import type { ResultRow, SearchSource } from './search.source.js'
import { createSqliteSearchIndex } from './search.sqlite.js'
import type { SearchTables } from './search.table.js'
import { highlight, snippet, type TextPiece, termPattern } from './snippet.js'
import { parseQuery, queryTermGroups, queryTerms } from './tokenizer.js'

export interface SearchArticlesParams {
  /** What the user typed; quotes make a phrase. */
  q: string
  /** Newsroom: every status but withdrawn. Readers: published only (default). */
  includeDrafts?: boolean
  /** Newsroom: only these statuses (with `includeDrafts`). */
  statuses?: readonly ArticleStatus[]
  /** Newsroom: only this desk grade. */
  grade?: ArticleGrade
  sectionId?: number
  reporterId?: number
  /** Korea-time calendar days `YYYY-MM-DD`, both inclusive; invalid values are ignored. */
  from?: string
  to?: string
  /** Default 'relevance'. */
  sort?: 'relevance' | 'newest'
  /** Default 20, at most 100. */
  limit?: number
  offset?: number
}

/** An article found: its list columns, status and marked text. */
export interface SearchHit extends Omit<ResultRow, 'text' | 'byline' | 'photos'> {
  /** The headline cut into pieces, matched words marked. */
  headlinePieces: TextPiece[]
  /** About 160 characters of the body around the first match, matched words marked. */
  snippet: TextPiece[]
}

export interface SearchArticlesResult {
  hits: SearchHit[]
  /** Number of matches; counting stops at `COUNT_CAP` (then `totalIsCapped`). */
  total: number
  totalIsCapped: boolean
  /** False when the query has nothing searchable (empty, only punctuation). */
  searched: boolean
}

/** The body, unless the words were found only in a photo's caption or credit: then that line. */
function snippetSource(body: string, photos: string, pattern: RegExp | null): string {
  if (!pattern || photos.length === 0) return body
  if (body.search(pattern) >= 0) return body
  return photos.split('\n').find((line) => line.search(pattern) >= 0) ?? body
}

export function createSearchIndex(db: { kysely: Kysely<SearchTables>; dialect: Db['dialect'] }): SearchIndex {
  // The index tables are reached with raw SQL only, so the table types do not matter here.
  const kysely = db.kysely as unknown as Kysely<unknown>
  return db.dialect === 'sqlite' ? createSqliteSearchIndex(kysely) : createPostgresSearchIndex(kysely)
}

export interface SearchServiceDeps {
  source: Pick<SearchSource, 'resultRows'>
  index: SearchIndex
  clock: Clock
  /** The alias dictionary as it stands now (built-in list plus the desk's entries). */
  aliases: () => Promise<AliasDictionary>
}

export function createSearchService(deps: SearchServiceDeps) {
  const { index } = deps

  async function searchArticles(params: SearchArticlesParams): Promise<SearchArticlesResult> {
    const dictionary = await deps.aliases()
    const aliases = (key: string) => dictionary.lookup(key)
    const query = parseQuery(params.q, aliases)
    if (query.groups.length === 0) return { hits: [], total: 0, totalIsCapped: false, searched: false }
    const limit = Math.min(Math.max(Math.trunc(params.limit ?? 20), 1), 100)
    const offset = Math.max(Math.trunc(params.offset ?? 0), 0)
    const sort = params.sort ?? 'relevance'
    // A reversed range is read the way it was obviously meant.
    const [first, last] =
      params.from && params.to && params.from > params.to
        ? [params.to, params.from]
        : [params.from, params.to]
    const now = deps.clock.now()
    const reranked = sort === 'relevance' && offset + limit <= RERANK_DEPTH
    const found = await index.find({
      query,
      publishedOnly: !params.includeDrafts,
      statuses: params.includeDrafts ? params.statuses : undefined,
      grade: params.grade,
      sectionId: params.sectionId,
      reporterId: params.reporterId,
      from: koreaDayStart(first),
      to: koreaDayStart(last, 1),
      sort,
      limit: reranked ? RERANK_DEPTH : limit,
      offset: reranked ? 0 : offset,
      now,
    })
    const rows = await loadRows(found.ids)
    let ids = found.ids
    if (reranked) {
      const groups = queryTermGroups(params.q, aliases).flatMap((terms) => termPattern(terms) ?? [])
      const candidates = found.ids.flatMap((id) => {
        const r = rows.get(id)
        if (!r) return []
        const { headline, byline, photos, text } = r
        return [{ id, headline, byline, photos, text, datedAt: r.publishedAt ?? r.updatedAt }]
      })
      ids = rerank(candidates, groups, now).slice(offset, offset + limit)
    }
    const pattern = termPattern(queryTerms(params.q, aliases))
    const hits = ids.flatMap((id) => {
      const row = rows.get(id)
      if (!row) return []
      const { text, byline: _byline, photos, ...rest } = row
      const hit: SearchHit = {
        ...rest,
        headlinePieces: highlight(row.headline, pattern),
        snippet: snippet(snippetSource(text || row.summary, photos, pattern), pattern),
      }
      return [hit]
    })
    return { hits, total: found.total, totalIsCapped: found.total >= COUNT_CAP, searched: true }
  }

  async function loadRows(ids: number[]) {
    return new Map((await deps.source.resultRows(ids)).map((row) => [row.id, row]))
  }

  return { searchArticles }
}
