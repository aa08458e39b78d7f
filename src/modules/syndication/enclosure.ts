// The lead photo as an RSS enclosure: a JPEG size readers can show, with its length in bytes.
// RSS requires the length of the file at the URL, so the file is measured once and remembered;
// a photo's files never change once written (their folder is named by a fresh key).
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { type Photo, photoUrl, widthFor } from '../media/index.js'

export const ENCLOSURE_WIDTH = 960

export interface Enclosure {
  /** Site-relative URL. */
  path: string
  width: number
  length: number
  type: 'image/jpeg'
}

export function createEnclosures(mediaDir: string, maxRemembered = 10_000) {
  const lengths = new Map<string, number>()
  return async function enclosureFor(photo: Photo): Promise<Enclosure | null> {
    const width = widthFor(photo, ENCLOSURE_WIDTH)
    const path = photoUrl(photo, width, 'jpg')
    let length = lengths.get(path)
    if (length === undefined) {
      try {
        length = (await stat(join(mediaDir, photo.key, `${width}.jpg`))).size
      } catch {
        // A missing file is left out of the feed rather than announced with a wrong length.
        return null
      }
      if (lengths.size >= maxRemembered) lengths.clear()
      lengths.set(path, length)
    }
    return { path, width, length, type: 'image/jpeg' }
  }
}

export type EnclosureFor = ReturnType<typeof createEnclosures>
