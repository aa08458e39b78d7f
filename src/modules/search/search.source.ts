// What the search module reads the articles through. The articles module implements it
// (articles/search-source.ts); the composition root adds the reporters' names from staff.
import type { ArticleStatus, CardRow } from '../articles/index.js'
import type { IndexedDocument } from './search.index.js'

/**
 * A result as the list shows it, with the body as plain text for snippets and reranking, and
 * the byline and photo lines (captions, credits) as the index holds them.
 */
export type ResultRow = CardRow & {
  status: ArticleStatus
  updatedAt: string
  text: string
  byline: string
  photos: string
}

export interface SearchSource {
  /** Documents for the given ids; ids that are missing or withdrawn come back as `gone`. */
  loadDocuments(ids: readonly number[]): Promise<{ documents: IndexedDocument[]; gone: number[] }>
  /** The next batch of indexable articles after `afterId`, in id order, for a rebuild. */
  loadBatch(
    afterId: number,
    limit: number,
  ): Promise<{ documents: IndexedDocument[]; lastId: number | null; scanned: number }>
  countArticles(): Promise<number>
  resultRows(ids: readonly number[]): Promise<ResultRow[]>
  /** Staff with a byline, for the reporter filter, by name. */
  bylineReporters(): Promise<{ id: number; name: string }[]>
}
