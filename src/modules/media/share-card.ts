// The outlet's default share image when it uploaded none: 1200×630 (the size Facebook, Kakao
// and Naver crop link previews to), the outlet's name in Pretendard Bold on the brand colour,
// its tagline under it. Articles without a photo still get an og:image and a JSON-LD image,
// which Google's Top Stories asks for.
import { join } from 'node:path'
import { packageDir } from '../../platform/paths.js'
import { loadSharp } from './photo-variants.js'

export const SHARE_CARD = { width: 1200, height: 630 } as const

const fontFile = (weight: 'Bold' | 'Regular') =>
  join(packageDir('pretendard'), 'dist', 'public', 'static', `Pretendard-${weight}.otf`)

/** Text for Pango's markup: what the outlet typed never becomes markup. */
const escapeMarkup = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')

async function textImage(text: string, weight: 'Bold' | 'Regular', size: number, width: number) {
  const sharp = await loadSharp()
  return sharp({
    text: {
      text: `<span foreground="white">${escapeMarkup(text)}</span>`,
      font: `Pretendard ${weight} ${size}`,
      fontfile: fontFile(weight),
      width,
      align: 'centre',
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true })
}

/** A JPEG of the outlet's name (and tagline) centred on its brand colour. */
export async function renderShareCard(outlet: { name: string; tagline: string }): Promise<Buffer> {
  const maxWidth = SHARE_CARD.width - 160
  const name = await textImage(outlet.name, 'Bold', outlet.name.length > 12 ? 72 : 104, maxWidth)
  const tagline = outlet.tagline ? await textImage(outlet.tagline, 'Regular', 40, maxWidth) : null
  const gap = 28
  const total = name.info.height + (tagline ? gap + tagline.info.height : 0)
  const top = Math.max(0, Math.round((SHARE_CARD.height - total) / 2))
  const layers = [
    { input: name.data, top, left: Math.round((SHARE_CARD.width - name.info.width) / 2) },
    ...(tagline
      ? [
          {
            input: tagline.data,
            top: Math.min(SHARE_CARD.height - tagline.info.height, top + name.info.height + gap),
            left: Math.round((SHARE_CARD.width - tagline.info.width) / 2),
          },
        ]
      : []),
  ]
  const sharp = await loadSharp()
  return sharp({ create: { ...SHARE_CARD, channels: 3, background: '#123a6b' } })
    .composite(layers)
    .jpeg({ quality: 85, mozjpeg: true })
    .toBuffer()
}
