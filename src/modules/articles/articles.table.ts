// Row types of the articles module's tables (snake_case in SQL, camelCase here).
import type { Generated, Selectable } from 'kysely'

export type ArticleStatus = 'draft' | 'submitted' | 'returned' | 'scheduled' | 'published' | 'withdrawn'
export type ArticleGrade = 'headline' | 'important' | 'normal'

export interface SectionsTable {
  id: Generated<number>
  slug: string
  name: string
  position: number
  /** One level of sub-sections: a sub-section's parent has none itself. */
  parentId: number | null
  /** 1 keeps the section out of the menu and the home page (its pages still answer). */
  hidden: Generated<number>
}

export interface ArticlesTable {
  id: Generated<number>
  sectionId: number
  headline: string
  subheadline: string
  /** ProseMirror document JSON; see articles/document/. */
  body: string
  /** Plain-text opening of the body, kept for lists, feeds and meta descriptions. */
  summary: string
  leadPhotoId: number | null
  status: ArticleStatus
  grade: ArticleGrade
  createdBy: number | null
  createdAt: string
  updatedAt: string
  publishedAt: string | null
  /** Set when a published article is corrected; shown to readers as 수정. */
  modifiedAt: string | null
  scheduledAt: string | null
  correctionNote: string | null
  withdrawnReason: string | null
  /** The desk's note to the reporter when it returns the article (반려). */
  deskNote: Generated<string | null>
  /** When the article was last sent to the desk (출고 요청). */
  submittedAt: Generated<string | null>
  /** 1 for 기사형 광고, an advertiser's piece: labelled "광고" at its top. */
  sponsored: Generated<number>
}

export interface ArticleReportersTable {
  articleId: number
  staffId: number
  position: number
}

export interface TagsTable {
  id: Generated<number>
  name: string
}

export interface ArticleTagsTable {
  articleId: number
  tagId: number
}

export interface RelatedArticlesTable {
  articleId: number
  relatedId: number
  position: number
}

/** The further sections an article appears in besides its own (`articles.sectionId`). */
export interface ArticleSectionsTable {
  articleId: number
  sectionId: number
}

export interface ArticleViewsTable {
  articleId: number
  /** UTC hour, 'YYYY-MM-DDTHH'. */
  hour: string
  views: number
}

/** Where readers came from, by Korea-time day. */
export interface ArticleViewSourcesTable {
  articleId: number
  /** 'YYYY-MM-DD', Korea time. */
  day: string
  source: ViewSource
  views: number
}

/** The kinds of referrer the newsroom reports (view-source.ts). */
export type ViewSource = 'naver' | 'daum' | 'google' | 'kakaotalk' | 'direct' | 'internal' | 'other'

/** The tables this module owns; its repositories see no others. */
export interface ArticlesTables {
  sections: SectionsTable
  articles: ArticlesTable
  articleReporters: ArticleReportersTable
  tags: TagsTable
  articleTags: ArticleTagsTable
  relatedArticles: RelatedArticlesTable
  articleSections: ArticleSectionsTable
  articleViews: ArticleViewsTable
  articleViewSources: ArticleViewSourcesTable
}

/** An article row as read. */
export type ArticleRow = Selectable<ArticlesTable>
