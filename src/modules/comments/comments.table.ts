import type { Generated } from 'kysely'

export type CommentStatus = 'published' | 'held' | 'hidden' | 'deleted'

export interface CommentsTable {
  id: Generated<number>
  articleId: number
  /** One level of replies: a reply's parent is always a top-level comment. */
  parentId: number | null
  readerId: number | null
  guestName: string | null
  /** A newsroom member's reply (imported from the old site): shown with a staff label. */
  staffId: number | null
  guestPasswordHash: string | null
  body: string
  status: CommentStatus
  likes: Generated<number>
  dislikes: Generated<number>
  reports: Generated<number>
  createdAt: string
  updatedAt: string
  /** The poster's key for this write (author-scoped), so a retry finds it instead of storing twice. */
  clientKey: string | null
}

export type VoteKind = 'like' | 'dislike'

/** 공감/비공감: one per reader and comment (unique on both), never on one's own comment. */
export interface CommentVotesTable {
  commentId: number
  readerId: number
  kind: VoteKind
  createdAt: string
}

/** 신고: one report per reader and comment. */
export interface CommentReportsTable {
  commentId: number
  readerId: number
  reason: string
  createdAt: string
}

/** Words that send a comment to review instead of publishing it. */
export interface BannedWordsTable {
  word: string
  createdAt: string
}

/** Every staff moderation action: who, what, when. */
export interface ModerationLogTable {
  id: Generated<number>
  staffId: number
  action: string
  /** e.g. `comment:12`, `reader:3`, `banned-words`. */
  target: string
  detail: string
  createdAt: string
}

/** Per-article override of the outlet's comment window; 0 hours closes comments. */
export interface ArticleCommentSettingsTable {
  articleId: number
  windowHours: number | null
}

/** The tables this module owns; its repositories see no others. */
export interface CommentsTables {
  comments: CommentsTable
  commentVotes: CommentVotesTable
  commentReports: CommentReportsTable
  bannedWords: BannedWordsTable
  moderationLog: ModerationLogTable
  articleCommentSettings: ArticleCommentSettingsTable
}
