// SQL of the newsroom's own tables: the publishing log (article_events) and the kept versions.
import type { Insertable, Kysely } from 'kysely'
import { executorFor, type UnitOfWork } from '../../platform/db/unit-of-work.js'
import type { ArticleEventsTable, ArticleVersionsTable, NewsroomTables } from './newsroom.table.js'

export const versionsOf = (db: Kysely<NewsroomTables>, articleId: number) =>
  db.selectFrom('articleVersions').selectAll().where('articleId', '=', articleId).orderBy('id').execute()

/** The publishing log of an article; staff names come from the staff module. */
export const eventsOf = (db: Kysely<NewsroomTables>, articleId: number) =>
  db
    .selectFrom('articleEvents')
    .select(['id', 'action', 'note', 'createdAt', 'staffId'])
    .where('articleId', '=', articleId)
    .orderBy('id')
    .execute()

export type NewArticleEvent = Insertable<ArticleEventsTable>

export const logEvent = (uow: UnitOfWork, db: Kysely<NewsroomTables>, event: NewArticleEvent) =>
  executorFor(db, uow)
    .insertInto('articleEvents')
    .values({ ...event, note: event.note ?? null })
    .execute()

export const saveVersion = (
  uow: UnitOfWork,
  db: Kysely<NewsroomTables>,
  version: Insertable<ArticleVersionsTable>,
) => executorFor(db, uow).insertInto('articleVersions').values(version).execute()

/** When each article was last sent to the desk (출고 요청), for the desk queue. */
export const lastSubmittedAt = (db: Kysely<NewsroomTables>, articleIds: readonly number[]) =>
  articleIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('articleEvents')
        .select(['articleId', (eb) => eb.fn.max('createdAt').as('at')])
        .where('articleId', 'in', [...articleIds])
        .where('action', '=', 'submitted')
        .groupBy('articleId')
        .execute()
