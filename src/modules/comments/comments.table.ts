import type { Generated } from 'kysely'

export type CommentStatus = 'published' | 'held' | 'hidden' | 'deleted'

export interface CommentsTable {
  id: Generated<number>
  articleId: number
  /** One level of replies: a reply's parent is always a top-level comment. */
  parentId: number | null
  readerId: number | null
  guestName: string | null
  guestPasswordHash: string | null
  body: string
  status: CommentStatus
  likes: Generated<number>
  dislikes: Generated<number>
  reports: Generated<number>
  createdAt: string
  updatedAt: string
}
