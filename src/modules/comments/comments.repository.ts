// SQL for reading comments.
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/database.js'

/** Published comments (replies included) per article; articles without any are absent. */
export async function publishedCounts(db: Kysely<Database>, articleIds: readonly number[]) {
  if (articleIds.length === 0) return new Map<number, number>()
  const rows = await db
    .selectFrom('comments')
    .select(['articleId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('articleId', 'in', articleIds)
    .where('status', '=', 'published')
    .groupBy('articleId')
    .execute()
  return new Map(rows.map((r) => [r.articleId, Number(r.n)]))
}

/** Comments shown under an article: published ones, and deleted ones that still have replies. */
export const visibleComments = (db: Kysely<Database>, articleId: number, limit: number) =>
  db
    .selectFrom('comments')
    .leftJoin('readers', 'readers.id', 'comments.readerId')
    .select([
      'comments.id',
      'comments.parentId',
      'comments.body',
      'comments.status',
      'comments.likes',
      'comments.dislikes',
      'comments.createdAt',
      'comments.guestName',
      'readers.displayName',
    ])
    .where('comments.articleId', '=', articleId)
    .where('comments.status', 'in', ['published', 'deleted'])
    .orderBy('comments.createdAt', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(limit)
    .execute()
