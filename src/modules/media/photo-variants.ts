// Turns an uploaded image into the sizes the site serves: each width as WebP and JPEG,
// rotated by its EXIF orientation and stripped of all metadata (GPS included).
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Metadata } from 'sharp'
import { classifyOutage } from '../../platform/db/outage.js'
import { mediaErrors } from './media.errors.js'

// sharp (and libvips) load on the first upload, not at start: most processes only read.
export const loadSharp = () => import('sharp').then((m) => m.default)

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

/** Writes `<dir>/<width>.webp` and `.jpg` for every served width up to the original's; returns them. */
export async function writeVariants(input: Buffer, dir: string, originalWidth: number): Promise<number[]> {
  const widths = SERVED_WIDTHS.filter((w) => w <= originalWidth)
  if (widths.length === 0) widths.push(originalWidth as (typeof SERVED_WIDTHS)[number])
  await mkdir(dir, { recursive: true })
  // Decode once; failOn 'error' refuses truncated files instead of serving half a picture.
  const sharp = await loadSharp()
  const base = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate()
  try {
    for (const width of widths) {
      const resized = base.clone().resize({ width, withoutEnlargement: true })
      const [webp, jpg] = await Promise.all([
        resized.clone().webp({ quality: 78 }).toBuffer(),
        resized.clone().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer(),
      ])
      await writeFile(join(dir, `${width}.webp`), webp)
      await writeFile(join(dir, `${width}.jpg`), jpg)
    }
  } catch (cause) {
    // A full disk is not a corrupt photo: it goes on as ENOSPC and is answered 507.
    if (classifyOutage(cause) === 'full') throw cause
    throw mediaErrors.corrupt(cause)
  }
  return widths
}
