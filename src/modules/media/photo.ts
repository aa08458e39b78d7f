// What the rest of the site knows about a photo, and how its URLs are built.
import type { Selectable } from 'kysely'
import type { PhotosTable } from './media.table.js'

export interface Photo {
  id: number
  key: string
  width: number
  height: number
  /** Widths generated, ascending; each exists as .webp and .jpg. */
  widths: number[]
  caption: string
  credit: string
  alt: string
}

export type PhotoFormat = 'webp' | 'jpg'

export const photoUrl = (photo: Pick<Photo, 'key'>, width: number, format: PhotoFormat) =>
  `/media/${photo.key}/${width}.${format}`

export const srcset = (photo: Photo, format: PhotoFormat) =>
  photo.widths.map((w) => `${photoUrl(photo, w, format)} ${w}w`).join(', ')

/** The smallest generated width at least `wanted` wide, or the largest there is. */
export function widthFor(photo: Photo, wanted: number): number {
  return photo.widths.find((w) => w >= wanted) ?? photo.widths[photo.widths.length - 1] ?? photo.width
}

/** Height of the photo scaled to `width`, for the width/height attributes that prevent layout shift. */
export const scaledHeight = (photo: Photo, width: number) => Math.round((photo.height * width) / photo.width)

export function photoFromRow(row: Selectable<PhotosTable>): Photo {
  return {
    id: row.id,
    key: row.storageKey,
    width: row.width,
    height: row.height,
    widths: JSON.parse(row.widths) as number[],
    caption: row.caption,
    credit: row.credit,
    alt: row.alt,
  }
}
