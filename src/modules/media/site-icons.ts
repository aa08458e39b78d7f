// Site icons from one uploaded image: the sizes browsers and phones ask for — a 32-pixel
// favicon, the 180-pixel apple-touch-icon iOS uses for home-screen bookmarks, and the 192 and
// 512 sizes Android's home screen and web-app manifests use. A non-square image is centred
// on a white square rather than cropped, so a wide logo is never cut.
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { mediaErrors } from './media.errors.js'
import { loadSharp, MAX_INPUT_PIXELS, probeImage } from './photo-variants.js'

export interface SiteIcons {
  png32: string
  appleTouch: string
  png192: string
  png512: string
}

const SIZES = { png32: 32, appleTouch: 180, png192: 192, png512: 512 } as const

export async function writeSiteIcons(input: Buffer, mediaDir: string): Promise<SiteIcons> {
  await probeImage(input)
  const key = `icons-${randomBytes(6).toString('base64url')}`
  const dir = join(mediaDir, key)
  await mkdir(dir, { recursive: true })
  const sharp = await loadSharp()
  const icons = {} as SiteIcons
  try {
    for (const [name, size] of Object.entries(SIZES) as [keyof SiteIcons, number][]) {
      const png = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
        .rotate()
        .resize(size, size, { fit: 'contain', background: '#ffffff' })
        .flatten({ background: '#ffffff' })
        .png()
        .toBuffer()
      await writeFile(join(dir, `${size}.png`), png)
      icons[name] = `/media/${key}/${size}.png`
    }
  } catch (cause) {
    throw mediaErrors.corrupt(cause)
  }
  return icons
}
