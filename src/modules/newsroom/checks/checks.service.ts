// Gathers what the pre-publication checks look at for one saved article: its text, bylines,
// photos as the reader page would credit them, and the articles published in the last 7 days.
import type { Clock } from '../../../platform/clock.js'
import { type DeskQueries, documentText, readDocument } from '../../articles/index.js'
import type { MediaService } from '../../media/index.js'
import { type CheckResult, checkArticle } from './publish-checks.js'

/** How far back a near-duplicate is looked for: portals judge repeats within days. */
export const DUPLICATE_WINDOW_DAYS = 7

export interface ChecksDeps {
  clock: Clock
  articles: Pick<DeskQueries, 'articleForEditing' | 'publishedSince'>
  media: Pick<MediaService, 'findPhotos'>
}

export function createPublishChecks(deps: ChecksDeps) {
  return {
    /** The findings for the article as last saved; undefined when there is no such article. */
    async forArticle(id: number): Promise<CheckResult | undefined> {
      const loaded = await deps.articles.articleForEditing(id)
      if (!loaded) return undefined
      const { article } = loaded
      const body = readDocument(article.body)
      const bodyPhotos = body.content.flatMap((b) => (b.type === 'photo' ? [b.attrs] : []))
      const now = deps.clock.now()
      const since = new Date(now.getTime() - DUPLICATE_WINDOW_DAYS * 86_400_000).toISOString()
      const [photos, recent] = await Promise.all([
        deps.media.findPhotos([
          ...(article.leadPhotoId ? [article.leadPhotoId] : []),
          ...bodyPhotos.map((p) => p.photoId),
        ]),
        deps.articles.publishedSince(since),
      ])
      // As the reader page shows them: the photo's own credit and alt unless the body overrides.
      const shown = [
        ...(article.leadPhotoId ? [{ photoId: article.leadPhotoId }] : []),
        ...bodyPhotos,
      ].flatMap((p: { photoId: number; credit?: string | null; alt?: string | null }) => {
        const photo = photos.get(p.photoId)
        return photo ? [{ credit: p.credit ?? photo.credit, alt: p.alt ?? photo.alt }] : []
      })
      return checkArticle(
        {
          headline: article.headline,
          body,
          bodyText: documentText(body),
          reporterCount: loaded.reporterIds.length,
          photos: shown,
          scheduledAt: article.status === 'scheduled' ? article.scheduledAt : null,
          now,
        },
        recent
          .filter((r) => r.id !== id)
          .map((r) => ({ id: r.id, headline: r.headline, text: documentText(readDocument(r.body)) })),
      )
    },
  }
}

export type PublishChecks = ReturnType<typeof createPublishChecks>
