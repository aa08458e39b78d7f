// Photos: storing uploads as served sizes, and reading them back for pages.
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import { preparedFor } from '../../platform/db/prepared.js'
import { createImageQueue, type ImageQueueLimits } from './image-queue.js'
import type { MediaTables } from './media.table.js'
import { type Photo, photoFromRow } from './photo.js'
import { probeImage, writeVariants } from './photo-variants.js'
import { type SiteIcons, writeSiteIcons } from './site-icons.js'

export interface MediaDeps {
  db: Kysely<MediaTables>
  clock: Clock
  /** Folder holding one sub-folder of generated sizes per photo. */
  mediaDir: string
  /** How many images are decoded at once, and how many pixels (image-queue.ts). */
  imageQueue?: ImageQueueLimits
}

export interface PhotoMetadata {
  caption?: string
  credit?: string
  alt?: string
  uploadedBy?: number | null
  /** A fixed storage key (the demo seeder uses one so reruns reuse the files). */
  key?: string
}

export function createMediaService(deps: MediaDeps) {
  const queue = createImageQueue(deps.imageQueue)
  const writePhoto = async (input: Buffer, dir: string): Promise<StoredPhoto> => {
    // The header alone says how many pixels decoding will take: read before waiting in line.
    const probed = await probeImage(input)
    const widths = await queue.run(probed.width * probed.height, () =>
      writeVariants(input, dir, probed.width),
    )
    const stored = { ...probed, bytes: input.length, widths }
    // Written last, atomically: a folder is reused only if all its sizes were written.
    const temp = join(dir, `${DONE}.${process.pid}.tmp`)
    await writeFile(temp, JSON.stringify(stored))
    await rename(temp, join(dir, DONE))
    return stored
  }
  return {
    /** The outlet's site icons in every size, checked like any upload. */
    storeSiteIcons: (input: Buffer): Promise<SiteIcons> =>
      queue.run(SITE_ICON_PIXELS, () => writeSiteIcons(input, deps.mediaDir)),

    /** Images being processed and waiting (for metrics). */
    imageQueueLoad: () => queue.load,

    /** The photo stored under a fixed key, if any (an import that stopped halfway reuses it). */
    async findIdByKey(key: string): Promise<number | undefined> {
      const row = await deps.db
        .selectFrom('photos')
        .select('id')
        .where('storageKey', '=', key)
        .executeTakeFirst()
      return row?.id
    },

    /**
     * Validates an image by its content, writes its sizes and records it. With a fixed key
     * whose sizes were already written (a demo reseed), the files are reused and `input` is
     * not even produced.
     */
    async storePhoto(input: Buffer | (() => Promise<Buffer>), meta: PhotoMetadata = {}): Promise<Photo> {
      const key = meta.key ?? randomBytes(9).toString('base64url')
      const dir = join(deps.mediaDir, key)
      const done = meta.key ? await readDone(dir) : undefined
      // A photo is its folder and its row: when either cannot be written (a full disk, a
      // corrupt file, a database away) neither is left, so no empty or orphan folder remains.
      const removeFolder = () => (done ? Promise.resolve() : rm(dir, { recursive: true, force: true }))
      const stored =
        done ??
        (await writePhoto(typeof input === 'function' ? await input() : input, dir).catch(async (error) => {
          await removeFolder().catch(() => {})
          throw error
        }))
      const inserted = deps.db
        .insertInto('photos')
        .values({
          storageKey: key,
          mime: `image/${stored.format}`,
          width: stored.width,
          height: stored.height,
          bytes: stored.bytes,
          widths: JSON.stringify(stored.widths),
          caption: meta.caption ?? '',
          credit: meta.credit ?? '',
          alt: meta.alt ?? '',
          uploadedBy: meta.uploadedBy ?? null,
          createdAt: deps.clock.now().toISOString(),
        })
        .returningAll()
        .executeTakeFirstOrThrow()
      const row = await inserted.catch(async (error) => {
        await removeFolder().catch(() => {})
        throw error
      })
      return photoFromRow(row)
    },

    /** The photo library: newest first, optionally matching caption, credit or alt text. */
    async searchPhotos(opts: { q?: string; limit?: number; offset?: number } = {}): Promise<Photo[]> {
      let query = deps.db.selectFrom('photos').selectAll()
      for (const word of (opts.q ?? '').split(/\s+/).filter(Boolean).slice(0, 5)) {
        const like = `%${word.replace(/[%_\\]/g, '')}%`
        query = query.where((eb) =>
          eb.or([eb('caption', 'like', like), eb('credit', 'like', like), eb('alt', 'like', like)]),
        )
      }
      const rows = await query
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(opts.limit ?? 30)
        .offset(opts.offset ?? 0)
        .execute()
      return rows.map(photoFromRow)
    },

    /** Sets (or with null clears) a photo's focal point; false when there is no such photo. */
    async setFocus(id: number, focus: { x: number; y: number } | null): Promise<boolean> {
      const clamp = (v: number) => Math.round(Math.min(Math.max(v, 0), 1) * 1000) / 1000
      const result = await deps.db
        .updateTable('photos')
        .set({ focalX: focus ? clamp(focus.x) : null, focalY: focus ? clamp(focus.y) : null })
        .where('id', '=', id)
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },

    async findPhotos(ids: readonly number[]): Promise<Map<number, Photo>> {
      if (ids.length === 0) return new Map()
      const rows = await photosIn.all(deps.db, [...new Set(ids)])
      return new Map(rows.map((r) => [r.id, photoFromRow(r)]))
    },
  }
}

// Every reader page looks its photos up: prepared once (platform/db/prepared.ts).
const photosIn = preparedFor<MediaTables>()((db, ids: readonly number[]) =>
  db.selectFrom('photos').selectAll().where('id', 'in', ids),
)

export type MediaService = ReturnType<typeof createMediaService>

interface StoredPhoto {
  format: string
  width: number
  height: number
  bytes: number
  widths: number[]
}

const DONE = 'stored.json'
/** A logo is small; its pixels are counted as a modest photo's. */
const SITE_ICON_PIXELS = 4_000_000

async function readDone(dir: string): Promise<StoredPhoto | undefined> {
  if (!existsSync(join(dir, DONE))) return undefined
  return JSON.parse(await readFile(join(dir, DONE), 'utf8')) as StoredPhoto
}
