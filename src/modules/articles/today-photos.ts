// 투데이포토: the day's photos. The desk's picks (a setting) come first; when there are
// fewer than wanted, the lead photos of the newest articles fill the rest.
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { Database } from '../../platform/db/database.js'
import type { MediaService } from '../media/media.service.js'
import type { Photo } from '../media/photo.js'
import { articleUrl } from './article-views.js'

export interface TodayPhoto {
  photo: Photo
  caption: string
  url: string
}

const SETTING = 'todayPhotos'
const Picks = z.array(z.object({ articleId: z.number().int() }))
const WANTED = 4

export function createTodayPhotos(deps: {
  db: Kysely<Database>
  bus: InvalidationBus
  media: Pick<MediaService, 'findPhotos'>
}) {
  const current = memo(async (): Promise<TodayPhoto[]> => {
    const setting = await deps.db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', SETTING)
      .executeTakeFirst()
    const picked = setting ? Picks.parse(JSON.parse(setting.value)).map((p) => p.articleId) : []
    const base = deps.db
      .selectFrom('articles')
      .select(['id', 'headline', 'leadPhotoId'])
      .where('status', '=', 'published')
      .where('leadPhotoId', 'is not', null)
    const pickedRows = picked.length > 0 ? await base.where('id', 'in', picked).execute() : []
    const ordered = picked.flatMap((id) => pickedRows.find((r) => r.id === id) ?? [])
    const fill =
      ordered.length < WANTED
        ? await base
            .orderBy('publishedAt', 'desc')
            .orderBy('id', 'desc')
            .limit(WANTED * 2)
            .execute()
        : []
    const rows = [...ordered, ...fill.filter((r) => !picked.includes(r.id))].slice(0, WANTED)
    const photos = await deps.media.findPhotos(rows.map((r) => r.leadPhotoId!))
    return rows.flatMap((r) => {
      const photo = photos.get(r.leadPhotoId!)
      return photo ? [{ photo, caption: r.headline, url: articleUrl(r.id) }] : []
    })
  }, 300_000)
  deps.bus.subscribe((changed) => {
    if (changed.includes(tags.todayPhoto) || changed.includes(tags.latest)) current.reset()
  })
  return {
    todayPhotos: () => current.get(),
    async pickTodayPhotos(articleIds: number[]) {
      const value = JSON.stringify(articleIds.map((articleId) => ({ articleId })))
      await deps.db
        .insertInto('settings')
        .values({ key: SETTING, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
      deps.bus.publish([tags.todayPhoto])
    },
  }
}

export type TodayPhotos = ReturnType<typeof createTodayPhotos>
