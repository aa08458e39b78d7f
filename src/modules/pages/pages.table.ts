export interface PagesTable {
  slug: string
  title: string
  /** ProseMirror document JSON, rendered like an article body. */
  body: string
  updatedAt: string
}

/** The tables this module owns; its repositories see no others. */
export interface PagesTables {
  pages: PagesTable
}
