// Reads articles into the documents the index keeps. The one place the search module reads
// the articles module's tables: the index is a projection of them, rebuilt from them.
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { ArticleDocument } from '../articles/document/document.schema.js'
import { documentText } from '../articles/document/document.text.js'
import type { IndexedDocument } from './search.index.js'

/** Withdrawn articles leave the index; every other status stays in it (drafts for the newsroom). */
export const isIndexable = (status: string) => status !== 'withdrawn'

type Loaded = { documents: IndexedDocument[]; gone: number[] }

async function toDocuments(db: Kysely<Database>, rows: ArticleRow[]): Promise<IndexedDocument[]> {
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

const articleQuery = (db: Kysely<Database>) =>
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
export async function loadDocuments(db: Kysely<Database>, ids: readonly number[]): Promise<Loaded> {
  if (ids.length === 0) return { documents: [], gone: [] }
  const rows = await articleQuery(db)
    .where('id', 'in', [...ids])
    .execute()
  const kept = rows.filter((r) => isIndexable(r.status))
  const keptIds = new Set(kept.map((r) => r.id))
  return { documents: await toDocuments(db, kept), gone: ids.filter((id) => !keptIds.has(id)) }
}

/** The next batch of indexable articles after `afterId`, in id order, for a rebuild. */
export async function loadBatch(db: Kysely<Database>, afterId: number, limit: number) {
  const rows = await articleQuery(db).where('id', '>', afterId).orderBy('id').limit(limit).execute()
  const lastId = rows.at(-1)?.id ?? null
  const documents = await toDocuments(
    db,
    rows.filter((r) => isIndexable(r.status)),
  )
  return { documents, lastId, scanned: rows.length }
}

export async function countArticles(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Staff who have a byline, for the reporter filter. */
export async function bylineReporters(db: Kysely<Database>): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('staff')
    .select(['staff.id', 'staff.name'])
    .where((eb) =>
      eb.exists(eb.selectFrom('articleReporters').select('staffId').whereRef('staffId', '=', 'staff.id')),
    )
    .orderBy('staff.name')
    .orderBy('staff.id')
    .execute()
}
