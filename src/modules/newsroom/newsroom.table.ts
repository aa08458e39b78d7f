// Row types of the newsroom's tables: the publishing log and kept versions of articles.
import type { Generated } from 'kysely'

export type ArticleAction =
  | 'created'
  | 'submitted'
  | 'returned'
  | 'approved'
  | 'scheduled'
  | 'published'
  | 'corrected'
  | 'withdrawn'
  | 'restored'

export interface ArticleEventsTable {
  id: Generated<number>
  articleId: number
  /** Null when the scheduler acted. */
  staffId: number | null
  action: ArticleAction
  note: string | null
  createdAt: string
}

export type VersionReason = 'submitted' | 'published' | 'corrected'

export interface ArticleVersionsTable {
  id: Generated<number>
  articleId: number
  headline: string
  subheadline: string
  /** ProseMirror document JSON, as in articles.body. */
  body: string
  reason: VersionReason
  correctionNote: string | null
  savedBy: number | null
  savedAt: string
}

/** The tables this module owns; its repositories see no others. */
export interface NewsroomTables {
  articleEvents: ArticleEventsTable
  articleVersions: ArticleVersionsTable
}
