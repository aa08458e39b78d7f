// SQL for reading articles. Every function takes the Kysely instance (or a transaction) first.
import type { Kysely, Selectable } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import type { ArticlesTable } from './articles.table.js'

/** The columns a list entry needs; the body stays in the database. */
export const cardColumns = [
  'articles.id',
  'articles.headline',
  'articles.subheadline',
  'articles.summary',
  'articles.sectionId',
  'articles.leadPhotoId',
  'articles.publishedAt',
  'articles.modifiedAt',
  'articles.grade',
] as const

export type CardRow = Pick<
  Selectable<ArticlesTable>,
  | 'id'
  | 'headline'
  | 'subheadline'
  | 'summary'
  | 'sectionId'
  | 'leadPhotoId'
  | 'publishedAt'
  | 'modifiedAt'
  | 'grade'
>

const published = (db: Kysely<Database>) =>
  db.selectFrom('articles').where('articles.status', '=', 'published')

export const findPublishedArticle = (db: Kysely<Database>, id: number) =>
  published(db).selectAll().where('id', '=', id).executeTakeFirst()

export const findArticle = (db: Kysely<Database>, id: number) =>
  db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()

export const latestCards = (db: Kysely<Database>, limit: number, offset = 0) =>
  published(db)
    .select(cardColumns)
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()

export const latestCardsByGrade = (db: Kysely<Database>, grade: 'headline' | 'important', limit: number) =>
  published(db)
    .select(cardColumns)
    .where('grade', '=', grade)
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()

export const sectionCards = (db: Kysely<Database>, sectionId: number, limit: number, offset = 0) =>
  published(db)
    .select(cardColumns)
    .where('sectionId', '=', sectionId)
    .orderBy('publishedAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()

export async function countSection(db: Kysely<Database>, sectionId: number): Promise<number> {
  const row = await published(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('sectionId', '=', sectionId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export const tagCards = (db: Kysely<Database>, tagId: number, limit: number, offset = 0) =>
  published(db)
    .innerJoin('articleTags', 'articleTags.articleId', 'articles.id')
    .select(cardColumns)
    .where('articleTags.tagId', '=', tagId)
    .orderBy('articles.publishedAt', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()

export async function countTag(db: Kysely<Database>, tagId: number): Promise<number> {
  const row = await published(db)
    .innerJoin('articleTags', 'articleTags.articleId', 'articles.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('articleTags.tagId', '=', tagId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export const reporterCards = (db: Kysely<Database>, staffId: number, limit: number, offset = 0) =>
  published(db)
    .innerJoin('articleReporters', 'articleReporters.articleId', 'articles.id')
    .select(cardColumns)
    .where('articleReporters.staffId', '=', staffId)
    .orderBy('articles.publishedAt', 'desc')
    .orderBy('articles.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()

export async function countReporter(db: Kysely<Database>, staffId: number): Promise<number> {
  const row = await published(db)
    .innerJoin('articleReporters', 'articleReporters.articleId', 'articles.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('articleReporters.staffId', '=', staffId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export const cardsByIds = (db: Kysely<Database>, ids: readonly number[]) =>
  ids.length === 0 ? Promise.resolve([]) : published(db).select(cardColumns).where('id', 'in', ids).execute()

/**
 * The neighbours of an article in its section, by publication time (ties broken by id).
 * Row-value comparisons let both databases walk the index straight to the neighbour; the
 * equivalent OR made SQLite scan the rest of the section.
 */
export async function sectionNeighbours(
  db: Kysely<Database>,
  article: { id: number; sectionId: number; publishedAt: string },
) {
  const inSection = published(db).select(['id', 'headline']).where('sectionId', '=', article.sectionId)
  const [previous, next] = await Promise.all([
    inSection
      .where((eb) => eb(eb.refTuple('publishedAt', 'id'), '<', eb.tuple(article.publishedAt, article.id)))
      .orderBy('publishedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst(),
    inSection
      .where((eb) => eb(eb.refTuple('publishedAt', 'id'), '>', eb.tuple(article.publishedAt, article.id)))
      .orderBy('publishedAt', 'asc')
      .orderBy('id', 'asc')
      .limit(1)
      .executeTakeFirst(),
  ])
  return { previous, next }
}

export const relatedIds = (db: Kysely<Database>, articleId: number) =>
  db
    .selectFrom('relatedArticles')
    .select('relatedId')
    .where('articleId', '=', articleId)
    .orderBy('position')
    .execute()

export const reportersOf = (db: Kysely<Database>, articleIds: readonly number[]) =>
  articleIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('articleReporters')
        .innerJoin('staff', 'staff.id', 'articleReporters.staffId')
        .select([
          'articleReporters.articleId',
          'staff.id',
          'staff.name',
          'staff.email',
          'staff.bio',
          'staff.photoId',
        ])
        .where('articleReporters.articleId', 'in', articleIds)
        .orderBy('articleReporters.position')
        .execute()

export const tagsOf = (db: Kysely<Database>, articleId: number) =>
  db
    .selectFrom('articleTags')
    .innerJoin('tags', 'tags.id', 'articleTags.tagId')
    .select(['tags.id', 'tags.name'])
    .where('articleTags.articleId', '=', articleId)
    .orderBy('tags.name')
    .execute()

export const findTagByName = (db: Kysely<Database>, name: string) =>
  db.selectFrom('tags').selectAll().where('name', '=', name).executeTakeFirst()

export const allSections = (db: Kysely<Database>) =>
  db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute()

export const findReporter = (db: Kysely<Database>, id: number) =>
  db
    .selectFrom('staff')
    .select(['id', 'name', 'email', 'bio', 'photoId'])
    .where('id', '=', id)
    .where('active', '=', 1)
    .executeTakeFirst()

/**
 * Most viewed published articles since the given UTC hour ('YYYY-MM-DDTHH'). Views are totalled
 * first from the hour index and only the leaders are joined to articles; joining first made the
 * planner walk every published article (a quarter of a second at 100,000).
 */
export async function mostViewedSince(db: Kysely<Database>, sinceHour: string, limit: number) {
  const leaders = await db
    .selectFrom('articleViews')
    .select(['articleId', (eb) => eb.fn.sum<number>('views').as('views')])
    .where('hour', '>=', sinceHour)
    .groupBy('articleId')
    .orderBy('views', 'desc')
    .orderBy('articleId', 'desc')
    // Room for leaders that turn out withdrawn or unpublished.
    .limit(limit * 3)
    .execute()
  if (leaders.length === 0) return []
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where(
      'id',
      'in',
      leaders.map((l) => l.articleId),
    )
    .where('status', '=', 'published')
    .execute()
  const headlines = new Map(rows.map((r) => [r.id, r.headline]))
  return leaders
    .filter((l) => headlines.has(l.articleId))
    .slice(0, limit)
    .map((l) => ({ id: l.articleId, headline: headlines.get(l.articleId)!, views: Number(l.views) }))
}

/** Adds counted views; one statement per (article, hour) so concurrent nodes add up correctly. */
export async function addViews(
  db: Kysely<Database>,
  counts: { articleId: number; hour: string; views: number }[],
) {
  if (counts.length === 0) return
  await db
    .insertInto('articleViews')
    .values(counts)
    .onConflict((oc) =>
      oc.columns(['articleId', 'hour']).doUpdateSet((eb) => ({
        views: eb('articleViews.views', '+', eb.ref('excluded.views')),
      })),
    )
    .execute()
}
