import type { Generated } from 'kysely'

export interface PagesTable {
  slug: string
  title: string
  /** ProseMirror document JSON, rendered like an article body. */
  body: string
  updatedAt: string
}

export type TipKind = 'tip' | 'correction'

export interface TipsTable {
  id: Generated<number>
  kind: TipKind
  name: string
  contact: string
  subject: string
  body: string
  articleUrl: string | null
  attachmentKey: string | null
  attachmentName: string | null
  status: Generated<string>
  createdAt: string
}

/** The tables this module owns; its repositories see no others. */
export interface PagesTables {
  pages: PagesTable
  tips: TipsTable
}
