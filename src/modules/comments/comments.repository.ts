// SQL of the comments module: reading threads, writing comments, votes, reports, moderation.
import { type Kysely, sql, type Transaction } from 'kysely'
import { preparedFor } from '../../platform/db/prepared.js'
import type { CommentStatus, CommentsTables, VoteKind } from './comments.table.js'

const prepare = preparedFor<CommentsTables>()

type Db = Kysely<CommentsTables> | Transaction<CommentsTables>

/** Published comments (replies included) per article; articles without any are absent. */
export async function publishedCounts(db: Db, articleIds: readonly number[]) {
  if (articleIds.length === 0) return new Map<number, number>()
  const rows = await countsIn.all(db, articleIds)
  return new Map(rows.map((r) => [r.articleId, Number(r.n)]))
}

// What every article page and list runs is prepared once (platform/db/prepared.ts).
const countsIn = prepare((db, articleIds: readonly number[]) =>
  db
    .selectFrom('comments')
    .select(['articleId', (eb) => eb.fn.countAll<number>().as('n')])
    .where('articleId', 'in', articleIds)
    .where('status', '=', 'published')
    .groupBy('articleId'),
)

const listColumns = [
  'comments.staffId',
  'comments.id',
  'comments.articleId',
  'comments.parentId',
  'comments.readerId',
  'comments.body',
  'comments.status',
  'comments.likes',
  'comments.dislikes',
  'comments.createdAt',
  'comments.guestName',
] as const

export type ListRow = Awaited<ReturnType<typeof replyRows>>[number]

export type CommentSort = 'newest' | 'likes'

/** One page of top-level comments; a deleted one stays while a published reply hangs on it. */
const roots = (db: Db, sort: CommentSort, articleId: number, limit: number, offset: number) => {
  const query = db
    .selectFrom('comments')
    .select(listColumns)
    .where('comments.articleId', '=', articleId)
    .where('comments.parentId', 'is', null)
    .where((eb) =>
      eb.or([
        eb('comments.status', '=', 'published'),
        eb.and([
          eb('comments.status', '=', 'deleted'),
          eb.exists(
            eb
              .selectFrom('comments as r')
              .select('r.id')
              .whereRef('r.parentId', '=', 'comments.id')
              .where('r.status', '=', 'published'),
          ),
        ]),
      ]),
    )
  return (sort === 'likes' ? query.orderBy('comments.likes', 'desc') : query)
    .orderBy('comments.createdAt', 'desc')
    .orderBy('comments.id', 'desc')
    .limit(sql.lit(limit))
    .offset(sql.lit(offset))
}
// One prepared query per order: the order changes the SQL.
const rootsBy = {
  newest: prepare(
    (db, articleId: number, limit: number, offset: number) => roots(db, 'newest', articleId, limit, offset),
    { inline: [1, 2] },
  ),
  likes: prepare(
    (db, articleId: number, limit: number, offset: number) => roots(db, 'likes', articleId, limit, offset),
    { inline: [1, 2] },
  ),
}
export const rootPage = (db: Db, articleId: number, sort: CommentSort, limit: number, offset: number) =>
  rootsBy[sort].all(db, articleId, limit, offset)

export async function replyRows(db: Db, parentIds: readonly number[]) {
  // No parents, no query: an `in (-1)` list made SQLite scan every published comment.
  if (parentIds.length === 0) return []
  return repliesTo.all(db, parentIds)
}
const repliesTo = prepare((db, parentIds: readonly number[]) =>
  db
    .selectFrom('comments')
    .select(listColumns)
    .where('comments.parentId', 'in', parentIds)
    .where('comments.status', '=', 'published')
    .orderBy('comments.createdAt', 'asc')
    .orderBy('comments.id', 'asc'),
)

/** The desk's own comment window for an article, if it set one. */
export const commentOverride = (db: Db, articleId: number) => overrideOf.first(db, articleId)
const overrideOf = prepare((db, articleId: number) =>
  db
    .selectFrom('articleCommentSettings')
    .select(['articleId', 'windowHours'])
    .where('articleId', '=', articleId),
)

export function findComment(db: Db, id: number) {
  return db
    .selectFrom('comments')
    .select([
      'id',
      'articleId',
      'parentId',
      'readerId',
      'guestName',
      'guestPasswordHash',
      'body',
      'status',
      'likes',
      'dislikes',
      'reports',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
}

export async function insertComment(
  db: Db,
  row: {
    articleId: number
    parentId: number | null
    readerId: number | null
    guestName: string | null
    staffId?: number | null
    guestPasswordHash: string | null
    body: string
    status: CommentStatus
    createdAt: string
    clientKey?: string | null
  },
): Promise<number> {
  const inserted = await db
    .insertInto('comments')
    .values({ ...row, updatedAt: row.createdAt })
    .onConflict((oc) => oc.column('clientKey').doNothing())
    .returning('id')
    .executeTakeFirst()
  if (inserted) return inserted.id
  // The same key was stored by a parallel retry between our lookup and this insert.
  const earlier = await findByClientKey(db, row.clientKey ?? '')
  if (!earlier) throw new Error('comment insert conflicted without a stored key')
  return earlier.id
}

/** The comment stored earlier under this (author-scoped) client key. */
export function findByClientKey(db: Db, clientKey: string) {
  return db
    .selectFrom('comments')
    .select(['id', 'articleId', 'status'])
    .where('clientKey', '=', clientKey)
    .executeTakeFirst()
}

/** Deletion is final: the text (and a guest's name and password hash) is overwritten. */
export async function eraseComment(db: Db, id: number, now: string) {
  await db
    .updateTable('comments')
    .set({ body: '', status: 'deleted', guestName: null, guestPasswordHash: null, updatedAt: now })
    .where('id', '=', id)
    .execute()
}

export async function setStatus(db: Db, id: number, status: CommentStatus, now: string) {
  await db.updateTable('comments').set({ status, updatedAt: now }).where('id', '=', id).execute()
}

export async function updateBody(db: Db, id: number, body: string, status: CommentStatus, now: string) {
  await db.updateTable('comments').set({ body, status, updatedAt: now }).where('id', '=', id).execute()
}

/** Adds a vote; false when this reader already voted on the comment, either way. */
export async function addVote(
  trx: Transaction<CommentsTables>,
  commentId: number,
  readerId: number,
  kind: VoteKind,
  now: string,
) {
  const result = await trx
    .insertInto('commentVotes')
    .values({ commentId, readerId, kind, createdAt: now })
    .onConflict((oc) => oc.columns(['commentId', 'readerId']).doNothing())
    .executeTakeFirst()
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return false
  const column = kind === 'like' ? 'likes' : 'dislikes'
  await trx
    .updateTable('comments')
    .set({ [column]: sql`${sql.ref(column)} + 1` })
    .where('id', '=', commentId)
    .execute()
  return true
}

/** Adds a report; false when this reader already reported the comment. Returns the new count. */
export async function addReport(
  trx: Transaction<CommentsTables>,
  commentId: number,
  readerId: number,
  reason: string,
  now: string,
) {
  const result = await trx
    .insertInto('commentReports')
    .values({ commentId, readerId, reason, createdAt: now })
    .onConflict((oc) => oc.columns(['commentId', 'readerId']).doNothing())
    .executeTakeFirst()
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return null
  const row = await trx
    .updateTable('comments')
    .set({ reports: sql`reports + 1` })
    .where('id', '=', commentId)
    .returning('reports')
    .executeTakeFirstOrThrow()
  return row.reports
}

/** The votes a reader cast on some comments: comment id → 'like' | 'dislike'. */
export async function votesBy(db: Db, readerId: number, commentIds: readonly number[]) {
  if (commentIds.length === 0) return new Map<number, VoteKind>()
  const rows = await db
    .selectFrom('commentVotes')
    .select(['commentId', 'kind'])
    .where('readerId', '=', readerId)
    .where('commentId', 'in', [...commentIds])
    .execute()
  return new Map(rows.map((r) => [r.commentId, r.kind]))
}

/** A reader's own comments, newest first (내 댓글); deleted ones are gone from it. */
export const commentsBy = (db: Db, readerId: number, limit: number, offset: number) =>
  db
    .selectFrom('comments')
    .select(['id', 'articleId', 'body', 'status', 'likes', 'dislikes', 'createdAt'])
    .where('readerId', '=', readerId)
    .where('status', '!=', 'deleted')
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute()

/** Ids of every comment a reader wrote that still has its text. */
export const liveCommentIdsBy = (db: Db, readerId: number) =>
  db
    .selectFrom('comments')
    .select(['id', 'articleId'])
    .where('readerId', '=', readerId)
    .where('status', '!=', 'deleted')
    .execute()

/** Articles a reader has commented on: their pages show the reader's name. */
export async function articlesCommentedBy(db: Db, readerId: number) {
  const rows = await db
    .selectFrom('comments')
    .select('articleId')
    .distinct()
    .where('readerId', '=', readerId)
    .execute()
  return rows.map((r) => r.articleId)
}

export async function bannedWordList(db: Db) {
  const rows = await db.selectFrom('bannedWords').select('word').orderBy('word').execute()
  return rows.map((r) => r.word)
}
