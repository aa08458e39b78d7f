// The articles as the search index reads them: the text and filters of each article, in
// batches for a rebuild, and the rows a result list shows. The search module is given these;
// the index is a projection of the articles tables, rebuilt from them.
import type { Kysely } from 'kysely'
import { cardColumns } from './articles.repository.js'
import type { ArticlesTables } from './articles.table.js'
import type { ArticleDocument } from './document/document.schema.js'
import { documentText } from './document/document.text.js'

/** One article as the index keeps it: raw text (the index tokenizes it) and its filters. */
export interface ArticleForIndex {
  articleId: number
  status: string
  sectionId: number
  reporterIds: number[]
  /** Publication time (UTC ISO), or the last update for an unpublished article. */
  datedAt: string
  headline: string
  /** Subheadline, tags and body text. */
  body: string
}

/** Withdrawn articles leave the index; every other status stays in it (drafts for the newsroom). */
export const isIndexable = (status: string) => status !== 'withdrawn'

type Loaded = { documents: ArticleForIndex[]; gone: number[] }

async function toDocuments(db: Kysely<ArticlesTables>, rows: ArticleRow[]): Promise<ArticleForIndex[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [reporters, tagRows] = await Promise.all([
    db
      .selectFrom('articleReporters')
      .select(['articleId', 'staffId'])
      .where('articleId', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('articleTags')
      .innerJoin('tags', 'tags.id', 'articleTags.tagId')
      .select(['articleTags.articleId', 'tags.name'])
      .where('articleTags.articleId', 'in', ids)
      .execute(),
  ])
  const bylines = groupBy(
    reporters,
    (p) => p.articleId,
    (p) => p.staffId,
  )
  const tagNames = groupBy(
    tagRows,
    (t) => t.articleId,
    (t) => t.name,
  )
  return rows.map((r) => ({
    articleId: r.id,
    status: r.status,
    sectionId: r.sectionId,
    reporterIds: bylines.get(r.id) ?? [],
    datedAt: r.publishedAt ?? r.updatedAt,
    headline: r.headline,
    body: [r.subheadline, (tagNames.get(r.id) ?? []).join(' '), bodyText(r.body)].join('\n'),
  }))
}

function bodyText(json: string): string {
  try {
    return documentText(JSON.parse(json) as ArticleDocument)
  } catch {
    // A body the renderer cannot read is still findable by its headline.
    return ''
  }
}

const articleQuery = (db: Kysely<ArticlesTables>) =>
  db
    .selectFrom('articles')
    .select(['id', 'status', 'sectionId', 'headline', 'subheadline', 'body', 'publishedAt', 'updatedAt'])

type ArticleRow = Awaited<ReturnType<ReturnType<typeof articleQuery>['execute']>>[number]

function groupBy<T, V>(items: readonly T[], key: (item: T) => number, value: (item: T) => V) {
  const groups = new Map<number, V[]>()
  for (const item of items) {
    const list = groups.get(key(item))
    if (list) list.push(value(item))
    else groups.set(key(item), [value(item)])
  }
  return groups
}

/** Documents for the given ids; ids that are missing or withdrawn come back as `gone`. */
export async function loadDocuments(db: Kysely<ArticlesTables>, ids: readonly number[]): Promise<Loaded> {
  if (ids.length === 0) return { documents: [], gone: [] }
  const rows = await articleQuery(db)
    .where('id', 'in', [...ids])
    .execute()
  const kept = rows.filter((r) => isIndexable(r.status))
  const keptIds = new Set(kept.map((r) => r.id))
  return { documents: await toDocuments(db, kept), gone: ids.filter((id) => !keptIds.has(id)) }
}

/** The next batch of indexable articles after `afterId`, in id order, for a rebuild. */
export async function loadBatch(db: Kysely<ArticlesTables>, afterId: number, limit: number) {
  const rows = await articleQuery(db).where('id', '>', afterId).orderBy('id').limit(limit).execute()
  const lastId = rows.at(-1)?.id ?? null
  const documents = await toDocuments(
    db,
    rows.filter((r) => isIndexable(r.status)),
  )
  return { documents, lastId, scanned: rows.length }
}

export async function countArticles(db: Kysely<ArticlesTables>): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Staff named in at least one byline, for the reporter filter. */
export async function bylineStaffIds(db: Kysely<ArticlesTables>): Promise<number[]> {
  const rows = await db.selectFrom('articleReporters').select('staffId').distinct().execute()
  return rows.map((r) => r.staffId)
}

/** The rows a result list shows, with the body as plain text (for snippets and reranking). */
export async function resultRows(db: Kysely<ArticlesTables>, ids: readonly number[]) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('articles')
    .select([...cardColumns, 'articles.status', 'articles.updatedAt', 'articles.body'])
    .where('articles.id', 'in', [...ids])
    .execute()
  return rows.map(({ body, ...row }) => ({ ...row, text: bodyText(body) }))
}

/** The functions above, bound to the database: what the search module is given. */
export function createArticlesSearchSource(db: Kysely<ArticlesTables>) {
  return {
    loadDocuments: (ids: readonly number[]) => loadDocuments(db, ids),
    loadBatch: (afterId: number, limit: number) => loadBatch(db, afterId, limit),
    countArticles: () => countArticles(db),
    bylineStaffIds: () => bylineStaffIds(db),
    resultRows: (ids: readonly number[]) => resultRows(db, ids),
  }
}

export type ArticlesSearchSource = ReturnType<typeof createArticlesSearchSource>
