// What the comments module asks of other modules. The composition root passes the articles
// and accounts modules' services in; comments never reads their tables.
import type { Kysely } from 'kysely'
import { commentOverride } from './comments.repository.js'
import type { CommentsTables } from './comments.table.js'

/** Articles as comments need them (the articles module). */
export interface CommentedArticles {
  /** A published article's id, headline and publication time; undefined for any other. */
  published(
    articleId: number,
  ): Promise<{ id: number; headline: string; publishedAt: string | null } | undefined>
  /** Headlines by id, whatever the article's status (the moderation queue). */
  headlines(articleIds: readonly number[]): Promise<Map<number, string>>
}

/** Readers as comments show them (the accounts module). */
export interface CommentAuthors {
  profiles(readerIds: readonly number[]): Promise<Map<number, { displayName: string; suspended: boolean }>>
}

/** A published article with its own comment window, if the desk set one. */
export interface ArticleForComments {
  id: number
  headline: string
  publishedAt: string | null
  /** Null when the outlet's window applies. */
  overridden: number | null
  windowHours: number | null
}

export function articleForComments(
  db: Kysely<CommentsTables>,
  articles: Pick<CommentedArticles, 'published'>,
  articleId: number,
): Promise<ArticleForComments | undefined> {
  return Promise.all([articles.published(articleId), commentOverride(db, articleId)]).then(
    ([article, override]) =>
      article && {
        ...article,
        overridden: override?.articleId ?? null,
        windowHours: override?.windowHours ?? null,
      },
  )
}

/** Display names of the readers who wrote these rows (guests and unknown ids are absent). */
export async function authorNames(
  authors: CommentAuthors,
  rows: readonly { readerId: number | null }[],
): Promise<Map<number, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.readerId === null ? [] : [r.readerId])))]
  if (ids.length === 0) return new Map()
  const profiles = await authors.profiles(ids)
  return new Map([...profiles].map(([id, p]) => [id, p.displayName]))
}
