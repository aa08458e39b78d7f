// SQL for reading articles. Every function takes the Kysely instance (or a transaction) first.
// What reader pages run on every view is prepared once (platform/db/prepared.ts).
import { type ExpressionBuilder, type Kysely, type Selectable, sql } from 'kysely'
import { preparedFor } from '../../platform/db/prepared.js'
import type { ArticlesTable, ArticlesTables, ViewSource } from './articles.table.js'

const prepare = preparedFor<ArticlesTables>()

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

const published = (db: Kysely<ArticlesTables>) =>
  db.selectFrom('articles').where('articles.status', '=', 'published')

const publishedArticle = prepare((db, id: number) => published(db).selectAll().where('id', '=', id))
export const findPublishedArticle = publishedArticle.first

export const findArticle = (db: Kysely<ArticlesTables>, id: number) =>
  db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst()

const latest = prepare(
  (db, limit: number, offset: number) =>
    published(db)
      .select(cardColumns)
      .orderBy('publishedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(limit))
      .offset(sql.lit(offset)),
  { inline: [0, 1] },
)
export const latestCards = (db: Kysely<ArticlesTables>, limit: number, offset = 0) =>
  latest.all(db, limit, offset)

const latestByGrade = prepare(
  (db, grade: 'headline' | 'important', limit: number) =>
    published(db)
      .select(cardColumns)
      .where('grade', '=', grade)
      .orderBy('publishedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(limit)),
  { inline: [1] },
)
export const latestCardsByGrade = latestByGrade.all

/**
 * The newest `limit` published articles filed in one of the sections or also shown there (a
 * post of several categories), as a union of branches that each walk one index in date order
 * and stop early: one branch per section (the section index), one for the articles also shown
 * there. Written as one condition (an OR, or an IN list of sections), it made SQLite read
 * every article of the sections and sort them: 133 ms for the home page's blocks at 100,000
 * articles. The caller orders the union and takes its page.
 */
function newestInSections(db: Kysely<ArticlesTables>, sectionIds: readonly number[], limit: number) {
  const branch = (q: ReturnType<typeof published>, name: string) =>
    db
      .selectFrom(
        q
          .select(cardColumns)
          .orderBy('publishedAt', 'desc')
          .orderBy('id', 'desc')
          .limit(sql.lit(limit))
          .as(name),
      )
      .selectAll()
  const filed = sectionIds.map((id, i) => branch(published(db).where('sectionId', '=', id), `s${i}`))
  const also = branch(
    published(db).where(
      'articles.id',
      'in',
      db
        .selectFrom('articleSections')
        .select('articleSections.articleId')
        .where('articleSections.sectionId', 'in', sectionIds),
    ),
    'also',
  )
  return filed.reduce((q, b) => q.union(b), also)
}

const inSection = prepare(
  (db, sectionIds: readonly number[], limit: number, offset: number) =>
    db
      .selectFrom(newestInSections(db, sectionIds, limit + offset).as('u'))
      .selectAll()
      .orderBy('publishedAt', 'desc')
      .orderBy('id', 'desc')
      .limit(sql.lit(limit))
      .offset(sql.lit(offset)),
  { inline: [1, 2] },
)
/**
 * The newest articles of several section families at once (the home page's blocks): one
 * statement, a UNION ALL of one limited select per family, each row naming its family;
 * prepared per shape (number of families and their sizes) like the other hot queries.
 */
const perFamily = prepare(
  (db, limit: number, ...families: (readonly number[])[]) => {
    const member = (ids: readonly number[], family: number) =>
      db
        .selectFrom(
          db
            .selectFrom(newestInSections(db, ids, limit).as('u'))
            .selectAll()
            .select(sql.lit(family).as('family'))
            .orderBy('publishedAt', 'desc')
            .orderBy('id', 'desc')
            .limit(sql.lit(limit))
            .as(`f${family}`),
        )
        .selectAll()
    const [first, ...rest] = families
    return rest.reduce((q, ids, i) => q.unionAll(member(ids, i + 1)), member(first!, 0))
  },
  { inline: [0] },
)
export async function newestPerFamily(
  db: Kysely<ArticlesTables>,
  families: readonly (readonly number[])[],
  limit: number,
): Promise<(CardRow & { family: number })[]> {
  if (families.length === 0) return []
  const rows = await perFamily.all(db, limit, ...families)
  return rows.map((r) => ({ ...r, family: Number(r.family) }))
}

export const sectionCards = (
  db: Kysely<ArticlesTables>,
  sectionIds: readonly number[],
  limit: number,
  offset = 0,
) => inSection.all(db, sectionIds, limit, offset)

const sectionCount = prepare((db, sectionId: number) =>
  published(db)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) =>
      eb.or([
        eb('sectionId', '=', sectionId),
        eb(
          'articles.id',
          'in',
          eb
            .selectFrom('articleSections')
            .select('articleSections.articleId')
            .where('articleSections.sectionId', '=', sectionId),
        ),
      ]),
    ),
)
export const countSection = async (db: Kysely<ArticlesTables>, sectionId: number) =>
  Number((await sectionCount.first(db, sectionId))?.n ?? 0)

const withTag = prepare(
  (db, tagId: number, limit: number, offset: number) =>
    published(db)
      .innerJoin('articleTags', 'articleTags.articleId', 'articles.id')
      .select(cardColumns)
      .where('articleTags.tagId', '=', tagId)
      .orderBy('articles.publishedAt', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(sql.lit(limit))
      .offset(sql.lit(offset)),
  { inline: [1, 2] },
)
export const tagCards = (db: Kysely<ArticlesTables>, tagId: number, limit: number, offset = 0) =>
  withTag.all(db, tagId, limit, offset)

const tagCount = prepare((db, tagId: number) =>
  published(db)
    .innerJoin('articleTags', 'articleTags.articleId', 'articles.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('articleTags.tagId', '=', tagId),
)
export const countTag = async (db: Kysely<ArticlesTables>, tagId: number) =>
  Number((await tagCount.first(db, tagId))?.n ?? 0)

const byReporter = prepare(
  (db, staffId: number, limit: number, offset: number) =>
    published(db)
      .innerJoin('articleReporters', 'articleReporters.articleId', 'articles.id')
      .select(cardColumns)
      .where('articleReporters.staffId', '=', staffId)
      .orderBy('articles.publishedAt', 'desc')
      .orderBy('articles.id', 'desc')
      .limit(sql.lit(limit))
      .offset(sql.lit(offset)),
  { inline: [1, 2] },
)
export const reporterCards = (db: Kysely<ArticlesTables>, staffId: number, limit: number, offset = 0) =>
  byReporter.all(db, staffId, limit, offset)

const reporterCount = prepare((db, staffId: number) =>
  published(db)
    .innerJoin('articleReporters', 'articleReporters.articleId', 'articles.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('articleReporters.staffId', '=', staffId),
)
export const countReporter = async (db: Kysely<ArticlesTables>, staffId: number) =>
  Number((await reporterCount.first(db, staffId))?.n ?? 0)

const cardsIn = prepare((db, ids: readonly number[]) =>
  published(db).select(cardColumns).where('id', 'in', ids),
)
export const cardsByIds = (db: Kysely<ArticlesTables>, ids: readonly number[]) =>
  ids.length === 0 ? Promise.resolve([]) : cardsIn.all(db, ids)

/**
 * The neighbours of an article in its section, by publication time (ties broken by id).
 * Row-value comparisons let both databases walk the index straight to the neighbour; the
 * equivalent OR made SQLite scan the rest of the section.
 */
// One statement per side: a UNION ALL of the two ordered, limited subqueries cost SQLite more
// than the two statements together (measured on the benchmark corpus).
const neighbour = (before: boolean) =>
  prepare((db, sectionId: number, publishedAt: string, id: number) =>
    published(db)
      .select(['id', 'headline'])
      .where('sectionId', '=', sectionId)
      .where((eb) => eb(eb.refTuple('publishedAt', 'id'), before ? '<' : '>', eb.tuple(publishedAt, id)))
      .orderBy('publishedAt', before ? 'desc' : 'asc')
      .orderBy('id', before ? 'desc' : 'asc')
      .limit(sql.lit(1)),
  )
const previousInSection = neighbour(true)
const nextInSection = neighbour(false)
export async function sectionNeighbours(
  db: Kysely<ArticlesTables>,
  { id, sectionId, publishedAt }: { id: number; sectionId: number; publishedAt: string },
) {
  const [previous, next] = await Promise.all([
    previousInSection.first(db, sectionId, publishedAt, id),
    nextInSection.first(db, sectionId, publishedAt, id),
  ])
  return { previous, next }
}

/** The desk's related articles that are published, in the desk's order. */
const relatedInOrder = prepare((db, articleId: number) =>
  published(db)
    .innerJoin('relatedArticles', 'relatedArticles.relatedId', 'articles.id')
    .select(cardColumns)
    .where('relatedArticles.articleId', '=', articleId)
    .orderBy('relatedArticles.position'),
)
export const relatedCards = relatedInOrder.all

const bylinesIn = prepare((db, articleIds: readonly number[]) =>
  db
    .selectFrom('articleReporters')
    .select(['articleId', 'staffId'])
    .where('articleId', 'in', articleIds)
    .orderBy('position'),
)
/** Who is named on each article, in byline order; names come from the staff module. */
export const bylinesOf = (db: Kysely<ArticlesTables>, articleIds: readonly number[]) =>
  articleIds.length === 0 ? Promise.resolve([]) : bylinesIn.all(db, articleIds)

const tagsIn = prepare((db, articleId: number) =>
  db
    .selectFrom('articleTags')
    .innerJoin('tags', 'tags.id', 'articleTags.tagId')
    .select(['tags.id', 'tags.name'])
    .where('articleTags.articleId', '=', articleId)
    .orderBy('tags.name'),
)
export const tagsOf = tagsIn.all

const tagNamed = prepare((db, name: string) => db.selectFrom('tags').selectAll().where('name', '=', name))
export const findTagByName = tagNamed.first

export const allSections = (db: Kysely<ArticlesTables>) =>
  db.selectFrom('sections').selectAll().orderBy('position').orderBy('id').execute()

/**
 * Most viewed published articles since the given UTC hour ('YYYY-MM-DDTHH'). Views are totalled
 * first from the hour index and only the leaders are joined to articles; joining first made the
 * planner walk every published article (a quarter of a second at 100,000).
 */
export async function mostViewedSince(db: Kysely<ArticlesTables>, sinceHour: string, limit: number) {
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
  db: Kysely<ArticlesTables>,
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

/** Adds views per day and referrer kind; like addViews, safe when several nodes add at once. */
export async function addViewSources(
  db: Kysely<ArticlesTables>,
  counts: { articleId: number; day: string; source: ViewSource; views: number }[],
) {
  if (counts.length === 0) return
  await db
    .insertInto('articleViewSources')
    .values(counts)
    .onConflict((oc) =>
      oc.columns(['articleId', 'day', 'source']).doUpdateSet((eb) => ({
        views: eb('articleViewSources.views', '+', eb.ref('excluded.views')),
      })),
    )
    .execute()
}

/** A published article as comments need it (the comment write path and section). */
const commentTarget = prepare((db, id: number) =>
  published(db).select(['id', 'headline', 'publishedAt']).where('id', '=', id),
)
export const findCommentTarget = commentTarget.first

/** Headlines by id in any status (the moderation queue names the article of each comment). */
export async function headlinesOf(db: Kysely<ArticlesTables>, ids: readonly number[]) {
  if (ids.length === 0) return new Map<number, string>()
  const rows = await db
    .selectFrom('articles')
    .select(['id', 'headline'])
    .where('id', 'in', [...ids])
    .execute()
  return new Map(rows.map((r) => [r.id, r.headline]))
}
