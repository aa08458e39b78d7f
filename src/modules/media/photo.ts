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
  /** Where the subject is, as fractions from the top left; null for the middle. */
  focus: { x: number; y: number } | null
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
    focus: row.focalX === null || row.focalY === null ? null : { x: row.focalX, y: row.focalY },
  }
}

/**
 * Classes that move a cropped photo's visible part toward its focal point (site.css sets
 * object-position from them), in quarter steps: inline styles are refused by the site's CSP.
 * The middle needs none, so photos without a focal point add no bytes.
 */
export function focusClass(photo: Pick<Photo, 'focus'>): string | undefined {
  if (!photo.focus) return undefined
  const step = (v: number) => Math.round(Math.min(Math.max(v, 0), 1) * 4)
  const [x, y] = [step(photo.focus.x), step(photo.focus.y)]
  const classes = [x === 2 ? '' : `fx${x}`, y === 2 ? '' : `fy${y}`].filter(Boolean)
  return classes.length > 0 ? classes.join(' ') : undefined
}
