// Published articles as syndication reads them: the newest with full bodies for feeds, and
// long id-and-date listings for sitemaps. Kept apart from the page reader because these
// queries walk the whole archive and must stay cheap at 100,000 articles.
import type { Kysely } from 'kysely'
import type { MediaService, Photo } from '../media/index.js'
import type { SectionRef } from './article-views.js'
import { allSections } from './articles.repository.js'
import type { ArticlesTables } from './articles.table.js'
import { type ArticleDocument, photoIdsIn, readDocument } from './document/document.schema.js'

export interface PublishedArticlesDeps {
  db: Kysely<ArticlesTables>
  media: Pick<MediaService, 'findPhotos'>
  bylines: (articleIds: readonly number[]) => Promise<Map<number, { id: number; name: string }[]>>
}

export interface FullArticle {
  id: number
  headline: string
  subheadline: string
  summary: string
  body: ArticleDocument
  bodyPhotos: Map<number, Photo>
  leadPhoto: Photo | null
  section: SectionRef
  reporters: { id: number; name: string }[]
  publishedAt: string
  modifiedAt: string | null
}

export interface ArticleStamp {
  id: number
  publishedAt: string
  modifiedAt: string | null
  leadPhoto: Photo | null
}

/** Photos are looked up in batches: one `in (…)` list must stay under SQLite's variable limit. */
const PHOTO_BATCH = 5_000

export function createPublishedArticles(deps: PublishedArticlesDeps) {
  const { db } = deps
  const published = () => db.selectFrom('articles').where('status', '=', 'published')

  async function photosFor(ids: number[]): Promise<Map<number, Photo>> {
    const found = new Map<number, Photo>()
    for (let i = 0; i < ids.length; i += PHOTO_BATCH) {
      for (const [id, photo] of await deps.media.findPhotos(ids.slice(i, i + PHOTO_BATCH)))
        found.set(id, photo)
    }
    return found
  }

  return {
    /** The newest published articles with everything a full-text feed item carries. */
    async newest(limit: number, sectionId?: number): Promise<FullArticle[]> {
      let query = published()
        .select([
          'id',
          'headline',
          'subheadline',
          'summary',
          'body',
          'sectionId',
          'leadPhotoId',
          'publishedAt',
          'modifiedAt',
        ])
        .orderBy('publishedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
      if (sectionId !== undefined) query = query.where('sectionId', '=', sectionId)
      const rows = await query.execute()
      if (rows.length === 0) return []
      const bodies = rows.map((r) => readDocument(r.body))
      const [sections, reporters, photos] = await Promise.all([
        allSections(db),
        deps.bylines(rows.map((r) => r.id)),
        photosFor([
          ...rows.flatMap((r) => (r.leadPhotoId ? [r.leadPhotoId] : [])),
          ...bodies.flatMap(photoIdsIn),
        ]),
      ])
      const sectionById = new Map(sections.map((s) => [s.id, { id: s.id, slug: s.slug, name: s.name }]))
      return rows.map((r, i) => ({
        id: r.id,
        headline: r.headline,
        subheadline: r.subheadline,
        summary: r.summary,
        body: bodies[i]!,
        bodyPhotos: photos,
        leadPhoto: r.leadPhotoId ? (photos.get(r.leadPhotoId) ?? null) : null,
        section: sectionById.get(r.sectionId) ?? { id: r.sectionId, slug: '', name: '' },
        reporters: (reporters.get(r.id) ?? []).map((p) => ({ id: p.id, name: p.name })),
        publishedAt: r.publishedAt ?? '',
        modifiedAt: r.modifiedAt,
      }))
    },

    async count(): Promise<number> {
      const row = await published()
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    /**
     * One slice of the archive, oldest first, so the slices of older articles stay the same
     * as new ones are published. The (status, published_at) index gives the order.
     */
    async stamps(limit: number, offset: number): Promise<ArticleStamp[]> {
      const rows = await published()
        .select(['id', 'publishedAt', 'modifiedAt', 'leadPhotoId'])
        .orderBy('publishedAt', 'asc')
        .orderBy('id', 'asc')
        .limit(limit)
        .offset(offset)
        .execute()
      const photos = await photosFor(rows.flatMap((r) => (r.leadPhotoId ? [r.leadPhotoId] : [])))
      return rows.map((r) => ({
        id: r.id,
        publishedAt: r.publishedAt ?? '',
        modifiedAt: r.modifiedAt,
        leadPhoto: r.leadPhotoId ? (photos.get(r.leadPhotoId) ?? null) : null,
      }))
    },

    /** Articles published at or after `since` (UTC ISO), newest first. */
    publishedSince(since: string, limit: number) {
      return published()
        .select(['id', 'headline', 'publishedAt'])
        .where('publishedAt', '>=', since)
        .orderBy('publishedAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute()
    },
  }
}

export type PublishedArticles = ReturnType<typeof createPublishedArticles>
