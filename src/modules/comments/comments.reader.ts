// The read side of comments that article pages and lists use.
import type { Kysely } from 'kysely'
import type { Database } from '../../platform/db/database.js'
import { publishedCounts, visibleComments } from './comments.repository.js'

export interface CommentView {
  id: number
  author: string
  body: string
  /** Deleted comments are kept only as a placeholder for their replies; the text is gone. */
  deleted: boolean
  likes: number
  dislikes: number
  createdAt: string
  replies: CommentView[]
}

export function createCommentsReader(deps: { db: Kysely<Database> }) {
  return {
    countsFor: (articleIds: readonly number[]) => publishedCounts(deps.db, articleIds),

    async threadFor(articleId: number, limit = 50): Promise<CommentView[]> {
      const rows = await visibleComments(deps.db, articleId, limit)
      const views = new Map<number, CommentView>()
      for (const row of rows) {
        views.set(row.id, {
          id: row.id,
          author: row.displayName ?? row.guestName ?? '',
          body: row.status === 'deleted' ? '' : row.body,
          deleted: row.status === 'deleted',
          likes: row.likes,
          dislikes: row.dislikes,
          createdAt: row.createdAt,
          replies: [],
        })
      }
      const roots: CommentView[] = []
      for (const row of rows) {
        const view = views.get(row.id)!
        const parent = row.parentId === null ? undefined : views.get(row.parentId)
        if (row.parentId === null) roots.push(view)
        else parent?.replies.unshift(view)
      }
      // A deleted comment stays only while it still has replies to hold together.
      return roots.filter((c) => !c.deleted || c.replies.length > 0)
    },
  }
}

export type CommentsReader = ReturnType<typeof createCommentsReader>
