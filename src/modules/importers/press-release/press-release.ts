// A press release file dropped on the newsroom's editor becomes a draft's headline and body.
// DOCX (mammoth) and HWPX (OWPML) are read; a binary HWP is recognised and refused with the
// advice to save it as HWPX or DOCX, since no maintained JavaScript library reads it.
import type { ArticleDocument } from '../../articles/index.js'
import { htmlToDocument, type ImageRef } from '../html-to-document.js'
import { readDocx } from './docx.js'
import { readHwpx } from './hwpx.js'

export type PressReleaseProblem = 'hwp-binary' | 'unsupported' | 'unreadable' | 'empty'

export class PressReleaseError extends Error {
  constructor(
    readonly problem: PressReleaseProblem,
    options?: { cause?: unknown },
  ) {
    super(`press release: ${problem}`, options)
  }
}

export interface PressReleaseDraft {
  headline: string
  body: ArticleDocument
}

/** Stores a picture of the file as a photo; null when it cannot be (then its text is kept). */
export type StoreImage = (data: Buffer, name: string) => Promise<number | null>

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])

function kindOf(name: string, data: Buffer): 'docx' | 'hwpx' | 'hwp' | null {
  const ext = name.toLowerCase().split('.').pop()
  if (data.subarray(0, 4).equals(OLE_MAGIC) && (ext === 'hwp' || ext === 'doc')) return 'hwp'
  if (!data.subarray(0, 4).equals(ZIP_MAGIC)) return ext === 'hwp' ? 'hwp' : null
  if (ext === 'docx') return 'docx'
  if (ext === 'hwpx') return 'hwpx'
  return null
}

const DATA_URI = /^data:(image\/[\w.+-]+);base64,(.+)$/

/** Reads the file; the first heading (or else the first paragraph) becomes the headline. */
export async function pressReleaseDraft(
  file: { name: string; data: Buffer },
  storeImage: StoreImage,
): Promise<PressReleaseDraft> {
  const kind = kindOf(file.name, file.data)
  if (kind === 'hwp') throw new PressReleaseError('hwp-binary')
  if (!kind) throw new PressReleaseError('unsupported')
  let html: string
  let hwpxImages = new Map<string, { data: Buffer; name: string }>()
  try {
    if (kind === 'docx') html = await readDocx(file.data)
    else ({ html, images: hwpxImages } = await readHwpx(file.data))
  } catch (cause) {
    throw new PressReleaseError('unreadable', { cause })
  }
  const resolve = async (ref: ImageRef) => {
    const hwpx = ref.src.startsWith('hwpx:') ? hwpxImages.get(ref.src.slice(5)) : undefined
    if (hwpx) return storeImage(hwpx.data, hwpx.name)
    const uri = ref.src.match(DATA_URI)
    return uri ? storeImage(Buffer.from(uri[2]!, 'base64'), `image.${uri[1]!.split('/')[1]}`) : null
  }
  const doc = await htmlToDocument(html, resolve)
  const titleIndex = doc.content.findIndex((b) => b.type === 'heading' || b.type === 'paragraph')
  const title = titleIndex >= 0 ? doc.content[titleIndex]! : null
  const headline =
    title && (title.type === 'heading' || title.type === 'paragraph')
      ? (title.content ?? [])
          .map((n) => (n.type === 'text' ? n.text : ' '))
          .join('')
          .trim()
      : ''
  if (!headline) throw new PressReleaseError('empty')
  return {
    headline: headline.slice(0, 200),
    body: { type: 'doc', content: doc.content.filter((_, i) => i !== titleIndex) },
  }
}
