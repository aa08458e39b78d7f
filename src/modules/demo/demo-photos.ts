// Pictures for the demo made on the spot (no downloads): a gradient landscape of shapes,
// different for every seed, encoded as JPEG so the upload path is the real one.
import { join } from 'node:path'
import sharp from 'sharp'
import { packageDir } from '../../platform/paths.js'

const palettes = [
  ['#1d3557', '#457b9d', '#a8dadc', '#f1faee', '#e63946'],
  ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51'],
  ['#22223b', '#4a4e69', '#9a8c98', '#c9ada7', '#f2e9e4'],
  ['#003049', '#d62828', '#f77f00', '#fcbf49', '#eae2b7'],
  ['#0b132b', '#1c2541', '#3a506b', '#5bc0be', '#6fffe9'],
  ['#283618', '#606c38', '#fefae0', '#dda15e', '#bc6c25'],
]

/** A small deterministic random generator, so the same seed draws the same picture. */
function random(seed: number) {
  let s = seed * 2654435761
  return () => {
    s = (s ^ (s >>> 15)) * 2246822507
    s = (s ^ (s >>> 13)) * 3266489909
    s ^= s >>> 16
    return (s >>> 0) / 4294967296
  }
}

export async function demoPhoto(seed: number, width = 1600, height = 900): Promise<Buffer> {
  const rnd = random(seed + 1)
  const colors = palettes[seed % palettes.length]!
  const pick = () => colors[Math.floor(rnd() * colors.length)]!
  const shapes = Array.from({ length: 14 }, () => {
    const x = Math.round(rnd() * width)
    const y = Math.round(rnd() * height)
    const r = Math.round(40 + rnd() * height * 0.35)
    return rnd() > 0.5
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${pick()}" fill-opacity="${(0.35 + rnd() * 0.5).toFixed(2)}"/>`
      : `<rect x="${x - r}" y="${y - r / 2}" width="${r * 2}" height="${r}" rx="${Math.round(r / 6)}" fill="${pick()}" fill-opacity="${(0.3 + rnd() * 0.5).toFixed(2)}" transform="rotate(${Math.round(rnd() * 40 - 20)} ${x} ${y})"/>`
  })
  const horizon = Math.round(height * (0.55 + rnd() * 0.2))
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${colors[0]}"/><stop offset="1" stop-color="${colors[2]}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#g)"/>
${shapes.join('\n')}
<path d="M0 ${horizon} Q ${width / 3} ${horizon - 80} ${width / 2} ${horizon} T ${width} ${horizon} V ${height} H 0 Z" fill="${colors[1]}" fill-opacity="0.85"/>
</svg>`
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()
}

/** A square portrait-like picture for reporter profiles. */
export const demoPortrait = (seed: number) => demoPhoto(seed + 1000, 480, 480)

/**
 * The demo outlet's wordmark: a small mark of shapes and the name set in Pretendard, drawn at
 * three times the size the masthead shows it, so that a 2x variant exists for sharp screens.
 */
export async function demoLogo(name: string): Promise<Buffer> {
  const scale = 3
  const height = 64 * scale
  const fontfile = join(packageDir('pretendard'), 'dist', 'public', 'static', 'Pretendard-ExtraBold.otf')
  const text = await sharp({
    text: {
      text: `<span foreground="#123a6b">${name.replace(/[<&>]/g, '')}</span>`,
      font: `Pretendard ExtraBold ${40 * scale}`,
      fontfile,
      rgba: true,
      dpi: 72,
    },
  })
    .png()
    .toBuffer({ resolveWithObject: true })
  const left = 68 * scale
  const width = left + text.info.width + 12 * scale
  const mark = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width / scale} 64">
<rect width="${width / scale}" height="64" fill="#ffffff"/>
<circle cx="32" cy="32" r="22" fill="#123a6b"/>
<rect x="26" y="14" width="28" height="36" rx="4" fill="#e63946" fill-opacity="0.85"/>
</svg>`
  return sharp(Buffer.from(mark))
    .composite([{ input: text.data, left, top: Math.round((height - text.info.height) / 2) }])
    .png()
    .toBuffer()
}
