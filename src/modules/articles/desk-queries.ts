// The articles as the newsroom's screens list and open them: work lists, the article being
// edited with its bylines, tags and related articles, who may touch it, and pickers.
import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import type { ArticleGrade, ArticleStatus, ArticlesTables } from './articles.table.js'
import type { ArticleDocument } from './document/document.schema.js'
import { documentText } from './document/document.text.js'

export interface WorkItem {
  id: number
  headline: string
  status: ArticleStatus
  sectionId: number
  grade: string
  updatedAt: string
  scheduledAt: string | null
  publishedAt: string | null
  deskNote: string | null
}

const workColumns = [
  'articles.id',
  'articles.headline',
  'articles.status',
  'articles.sectionId',
  'articles.grade',
  'articles.updatedAt',
  'articles.scheduledAt',
  'articles.publishedAt',
  'articles.deskNote',
] as const

/** Every status an article can have: a list asking for all of them needs no status filter. */
const STATUS_COUNT = 6

/**
 * Articles in the given states, optionally only those the staff member wrote or is named on,
 * filtered as the archive list asks. The page's ids are found first, from the work indexes alone
 * (they carry every filter column, see migration 2026_12_07_1400), and only those rows are read.
 */
export async function workList(
  db: Kysely<ArticlesTables>,
  opts: {
    statuses: ArticleStatus[]
    mineOf?: number
    /** The archive list's filters: section, a reporter named on the byline, grade. */
    sectionId?: number
    reporterId?: number
    grade?: string
    /** Bounds on the article's date (published, or last changed when unpublished), UTC ISO:
     * inclusive lower, exclusive upper. */
    from?: string
    to?: string
    limit?: number
    offset?: number
    order?: 'updated' | 'scheduled'
  },
): Promise<WorkItem[]> {
  let q = db.selectFrom('articles').select('articles.id')
  if (new Set(opts.statuses).size < STATUS_COUNT) q = q.where('articles.status', 'in', opts.statuses)
  const byline = (staffId: number) => (eb: ExpressionBuilder<ArticlesTables, 'articles'>) =>
    eb.exists(
      eb
        .selectFrom('articleReporters')
        .select('articleReporters.staffId')
        .whereRef('articleReporters.articleId', '=', 'articles.id')
        .where('articleReporters.staffId', '=', staffId),
    )
  if (opts.mineOf !== undefined) {
    const me = opts.mineOf
    q = q.where((eb) => eb.or([eb('articles.createdBy', '=', me), byline(me)(eb)]))
  }
  if (opts.sectionId !== undefined) q = q.where('articles.sectionId', '=', opts.sectionId)
  if (opts.grade !== undefined) q = q.where('articles.grade', '=', opts.grade as ArticleGrade)
  if (opts.reporterId !== undefined) q = q.where(byline(opts.reporterId))
  if (opts.from !== undefined || opts.to !== undefined) {
    const dated = sql<string>`coalesce(${sql.ref('articles.publishedAt')}, ${sql.ref('articles.updatedAt')})`
    if (opts.from !== undefined) q = q.where(dated, '>=', opts.from)
    if (opts.to !== undefined) q = q.where(dated, '<', opts.to)
  }
  q =
    opts.order === 'scheduled'
      ? q.orderBy('articles.scheduledAt', 'asc').orderBy('articles.id', 'asc')
      : q.orderBy('articles.updatedAt', 'desc').orderBy('articles.id', 'desc')
  const ids = (
    await q
      .limit(opts.limit ?? 50)
      .offset(opts.offset ?? 0)
      .execute()
  ).map((r) => r.id)
  if (ids.length === 0) return []
  const rows = await db.selectFrom('articles').select(workColumns).where('articles.id', 'in', ids).execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

/** What a list row shows beside the work columns: the byline (in order) and the body's length. */
export interface ListDetails {
  reporterIds: number[]
  /** Characters of the body text, the way a desk counts a story's length (원고 분량). */
  chars: number
}

export async function listDetails(
  db: Kysely<ArticlesTables>,
  ids: readonly number[],
  withLength: boolean,
): Promise<Map<number, ListDetails>> {
  if (ids.length === 0) return new Map()
  const [reporters, bodies] = await Promise.all([
    db
      .selectFrom('articleReporters')
      .select(['articleId', 'staffId'])
      .where('articleId', 'in', [...ids])
      .orderBy('articleId')
      .orderBy('position')
      .execute(),
    withLength
      ? db
          .selectFrom('articles')
          .select(['id', 'body'])
          .where('id', 'in', [...ids])
          .execute()
      : Promise.resolve([]),
  ])
  const details = new Map<number, ListDetails>(ids.map((id) => [id, { reporterIds: [], chars: 0 }]))
  for (const r of reporters) details.get(r.articleId)?.reporterIds.push(r.staffId)
  for (const b of bodies) {
    const entry = details.get(b.id)
    if (entry) entry.chars = bodyChars(b.body)
  }
  return details
}

function bodyChars(json: string): number {
  try {
    return documentText(JSON.parse(json) as ArticleDocument)
      .replace(/\s+/g, ' ')
      .trim().length
  } catch {
    return 0
  }
}

export async function articleForEditing(db: Kysely<ArticlesTables>, id: number) {
  const article = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()
  if (!article) return undefined
  const [reporters, tagRows, related] = await Promise.all([
    db
      .selectFrom('articleReporters')
      .select('staffId')
      .where('articleId', '=', id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('articleTags')
      .innerJoin('tags', 'tags.id', 'articleTags.tagId')
      .select('tags.name')
      .where('articleTags.articleId', '=', id)
      .orderBy('tags.name')
      .execute(),
    db
      .selectFrom('relatedArticles')
      .innerJoin('articles', 'articles.id', 'relatedArticles.relatedId')
      .select(['articles.id', 'articles.headline'])
      .where('relatedArticles.articleId', '=', id)
      .orderBy('relatedArticles.position')
      .execute(),
  ])
  return {
    article,
    reporterIds: reporters.map((r) => r.staffId),
    tags: tagRows.map((t) => t.name),
    related,
  }
}

/** Who may touch an article (its status, creator and named reporters), with its headline and grade. */
export async function accessOf(db: Kysely<ArticlesTables>, id: number) {
  const row = await db
    .selectFrom('articles')
    .select(['status', 'createdBy', 'headline', 'grade'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return undefined
  const reporters = await db
    .selectFrom('articleReporters')
    .select('staffId')
    .where('articleId', '=', id)
    .execute()
  return { ...row, reporterIds: reporters.map((r) => r.staffId) }
}

/** Published articles whose headline contains the words, for the related-articles picker. */
export function searchPublishedHeadlines(db: Kysely<ArticlesTables>, q: string, limit = 20) {
  let query = db
    .selectFrom('articles')
    .select(['id', 'headline', 'publishedAt'])
    .where('status', '=', 'published')
  for (const word of q.split(/\s+/).filter(Boolean).slice(0, 5)) {
    query = query.where('headline', 'like', `%${word.replace(/[%_\\]/g, '')}%`)
  }
  return query.orderBy('publishedAt', 'desc').orderBy('id', 'desc').limit(limit).execute()
}

export const recentPublished = (db: Kysely<ArticlesTables>, limit: number) =>
  db
    .selectFrom('articles')
    .select(['id', 'headline', 'sectionId', 'grade', 'leadPhotoId', 'publishedAt'])
    .where('status', '=', 'published')
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()

/**
 * Articles published since `since` (the near-duplicate check's window), newest first, with their
 * stored bodies; capped so an outlet publishing thousands a week still answers quickly.
 */
export const publishedSince = (db: Kysely<ArticlesTables>, since: string, limit: number) =>
  db
    .selectFrom('articles')
    .select(['id', 'headline', 'body'])
    .where('status', '=', 'published')
    .where('publishedAt', '>=', since)
    .orderBy('publishedAt', 'desc')
    .limit(limit)
    .execute()

/** The queries above, bound to the database: what the newsroom module is given. */
export function createDeskQueries(db: Kysely<ArticlesTables>) {
  return {
    workList: (opts: Parameters<typeof workList>[1]) => workList(db, opts),
    articleForEditing: (id: number) => articleForEditing(db, id),
    accessOf: (id: number) => accessOf(db, id),
    listDetails: (ids: readonly number[], withLength = false) => listDetails(db, ids, withLength),
    searchPublishedHeadlines: (q: string, limit?: number) => searchPublishedHeadlines(db, q, limit),
    recentPublished: (limit: number) => recentPublished(db, limit),
    publishedSince: (since: string, limit = 3000) => publishedSince(db, since, limit),
  }
}

export type DeskQueries = ReturnType<typeof createDeskQueries>
