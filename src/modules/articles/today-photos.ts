// 투데이포토: the day's photos. The desk's picks (a setting) come first; when there are
// fewer than wanted, the lead photos of the newest articles fill the rest.
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { MediaService, Photo } from '../media/index.js'
import type { StoredSetting } from '../outlet/index.js'
import { articleUrl } from './article-views.js'
import type { ArticlesTables } from './articles.table.js'

export interface TodayPhoto {
  articleId: number
  photo: Photo
  caption: string
  url: string
}

const Picks = z.array(z.object({ articleId: z.number().int() }))
const WANTED = 4

export function createTodayPhotos(deps: {
  db: Kysely<ArticlesTables>
  /** The desk's picks, kept in the outlet's settings. */
  picks: StoredSetting
  bus: InvalidationBus
  media: Pick<MediaService, 'findPhotos'>
}) {
  const current = memo(async (): Promise<TodayPhoto[]> => {
    const stored = await deps.picks.read()
    const picked = stored === undefined ? [] : Picks.parse(stored).map((p) => p.articleId)
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
      return photo ? [{ articleId: r.id, photo, caption: r.headline, url: articleUrl(r.id) }] : []
    })
  }, 300_000)
  deps.bus.subscribe((changed) => {
    if (changed.includes(tags.todayPhoto) || changed.includes(tags.latest)) current.reset()
  })
  return {
    todayPhotos: () => current.get(),
    /** The desk's picks in its order (the home editor shows them). */
    async pickedIds(): Promise<number[]> {
      const stored = await deps.picks.read()
      return stored === undefined ? [] : Picks.parse(stored).map((p) => p.articleId)
    },
    async pickTodayPhotos(articleIds: number[]) {
      await deps.picks.write(articleIds.map((articleId) => ({ articleId })))
      deps.bus.publish([tags.todayPhoto])
    },
  }
}

export type TodayPhotos = ReturnType<typeof createTodayPhotos>
