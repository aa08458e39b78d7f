// Turns an uploaded image into the sizes the site serves: each width as WebP and JPEG,
// rotated by its EXIF orientation and stripped of all metadata (GPS included).
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Metadata } from 'sharp'
import { classifyOutage } from '../../platform/db/outage.js'
import { mediaErrors } from './media.errors.js'

// sharp (and libvips) load on the first upload, not at start: most processes only read.
// libvips' operation cache would keep the last decoded images in memory after a burst.
export const loadSharp = () =>
  import('sharp').then((m) => {
    m.default.cache(false)
    return m.default
  })

export const SERVED_WIDTHS = [320, 640, 960, 1280, 1920] as const
/** Larger images are refused before decoding: a decompression bomb must not reach memory. */
export const MAX_INPUT_PIXELS = 50_000_000
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'avif', 'gif', 'heif'])

export interface ProbedImage {
  format: string
  width: number
  height: number
}

/** Reads the image header; refuses what is not a real raster image of an accepted type. */
export async function probeImage(input: Buffer): Promise<ProbedImage> {
  let meta: Metadata
  try {
    const sharp = await loadSharp()
    meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
  } catch (cause) {
    // libvips checks the pixel limit against the header before decoding anything.
    if (cause instanceof Error && cause.message.includes('pixel limit')) {
      throw mediaErrors.tooManyPixels({}, cause)
    }
    throw mediaErrors.notAnImage(cause)
  }
  if (!meta.format || !ACCEPTED_FORMATS.has(meta.format) || !meta.width || !meta.height) {
    throw mediaErrors.unsupportedFormat(meta.format ?? null)
  }
  if (meta.width * meta.height > MAX_INPUT_PIXELS) {
    throw mediaErrors.tooManyPixels({ width: meta.width, height: meta.height })
  }
  const rotated = (meta.orientation ?? 1) >= 5
  return {
    format: meta.format,
    width: rotated ? meta.height : meta.width,
    height: rotated ? meta.width : meta.height,
  }
}

/**
 * Writes `<dir>/<width>.webp` and `.jpg` for every served width up to the original's; returns
 * them. The original is decoded once, into the largest served size; every file is made from
 * that copy (at most 1920 pixels wide), so a 49-megapixel upload is held decoded only once.
 */
export async function writeVariants(input: Buffer, dir: string, originalWidth: number): Promise<number[]> {
  const widths = SERVED_WIDTHS.filter((w) => w <= originalWidth)
  if (widths.length === 0) widths.push(originalWidth as (typeof SERVED_WIDTHS)[number])
  await mkdir(dir, { recursive: true })
  const sharp = await loadSharp()
  try {
    // failOn 'error' refuses truncated files instead of serving half a picture.
    const largest = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .rotate()
      .resize({ width: Math.max(...widths), withoutEnlargement: true })
      .raw()
      .toBuffer({ resolveWithObject: true })
    const { width, height, channels } = largest.info
    const decoded = () => sharp(largest.data, { raw: { width, height, channels } })
    for (const served of widths) {
      const resized = () => decoded().resize({ width: served, withoutEnlargement: true })
      const webp = await resized().webp({ quality: 78 }).toBuffer()
      await writeFile(join(dir, `${served}.webp`), webp)
      const jpg = await resized()
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 80, mozjpeg: true })
        .toBuffer()
      await writeFile(join(dir, `${served}.jpg`), jpg)
    }
  } catch (cause) {
    // A full disk is not a corrupt photo: it goes on as ENOSPC and is answered 507.
    if (classifyOutage(cause) === 'full') throw cause
    throw mediaErrors.corrupt(cause)
  }
  return widths
}
