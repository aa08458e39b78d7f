import type { Generated } from 'kysely'

export interface PhotosTable {
  id: Generated<number>
  /** Folder under the media root holding the generated sizes. */
  storageKey: string
  mime: string
  width: number
  height: number
  bytes: number
  /** JSON array of the widths generated, ascending. */
  widths: string
  caption: string
  credit: string
  alt: string
  /** Focal point as fractions of width and height from the top left; null is the middle. */
  focalX: number | null
  focalY: number | null
  uploadedBy: number | null
  createdAt: string
}

/** The tables this module owns; its repositories see no others. */
export interface MediaTables {
  photos: PhotosTable
}
