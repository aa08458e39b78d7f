// View models: exactly what the reader pages show, never raw rows.
import type { Photo } from '../media/index.js'
import type { ArticleDocument } from './document/document.schema.js'

export interface SectionRef {
  id: number
  slug: string
  name: string
  /** The parent of a sub-section; null for a top-level section. */
  parentId?: number | null
  /** Kept out of the menu and the home page; its pages still answer. */
  hidden?: boolean
}

export interface ReporterRef {
  id: number
  name: string
  /** The address the reporter chose to show ('' for none); never the login e-mail. */
  email: string
}

export interface ReporterProfile extends ReporterRef {
  bio: string
  /** 부서 ('' when not given). */
  department?: string
  photo: Photo | null
}

export interface ArticleCard {
  id: number
  url: string
  headline: string
  subheadline: string
  summary: string
  section: SectionRef
  reporters: ReporterRef[]
  publishedAt: string
  leadPhoto: Photo | null
  commentCount: number
}

/** An opinion piece on the home page with its columnist's profile photo (오피니언). */
export interface ColumnCard extends ArticleCard {
  /** The lead byline; null for an unsigned piece (사설). */
  columnist: { name: string; photo: Photo | null } | null
}

export interface ArticleLink {
  id: number
  url: string
  headline: string
}

export interface RankedLink extends ArticleLink {
  rank: number
}

export interface ArticlePage {
  id: number
  url: string
  headline: string
  subheadline: string
  summary: string
  body: ArticleDocument
  /** Photos the body refers to, by id. */
  bodyPhotos: Map<number, Photo>
  leadPhoto: Photo | null
  section: SectionRef
  reporters: ReporterProfile[]
  tags: { id: number; name: string; url: string }[]
  publishedAt: string
  modifiedAt: string | null
  correctionNote: string | null
  related: ArticleCard[]
  previous: ArticleLink | null
  next: ArticleLink | null
}

export const articleUrl = (id: number) => `/news/${id}`
export const sectionUrl = (slug: string) => `/section/${slug}`
export const tagUrl = (name: string) => `/tag/${encodeURIComponent(name)}`
export const reporterUrl = (id: number) => `/reporter/${id}`
