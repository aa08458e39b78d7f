// The preview of an article in any state, built into the same view model the reader's
// article page uses, so the newsroom renders it with the reader's ArticlePageView.
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import type { Database } from '../../platform/db/database.js'
import { type ArticlePage, articleUrl, type ReporterProfile, tagUrl } from '../articles/article-views.js'
import type { ArticlesReader } from '../articles/articles.reader.js'
import * as repo from '../articles/articles.repository.js'
import { photoIdsIn, readDocument } from '../articles/document/document.schema.js'
import type { MediaService } from '../media/media.service.js'

export async function previewPage(
  deps: {
    db: Kysely<Database>
    clock: Clock
    reader: Pick<ArticlesReader, 'cards' | 'sections'>
    media: Pick<MediaService, 'findPhotos'>
  },
  id: number,
): Promise<ArticlePage | undefined> {
  const { db } = deps
  const row = await repo.findArticle(db, id)
  if (!row) return undefined
  const body = readDocument(row.body)
  const [sections, reporterRows, tagRows, relatedRows] = await Promise.all([
    deps.reader.sections(),
    repo.reportersOf(db, [id]),
    repo.tagsOf(db, id),
    repo.relatedIds(db, id),
  ])
  const photoIds = [
    ...photoIdsIn(body),
    ...(row.leadPhotoId ? [row.leadPhotoId] : []),
    ...reporterRows.flatMap((r) => (r.photoId ? [r.photoId] : [])),
  ]
  const [photos, related] = await Promise.all([
    deps.media.findPhotos(photoIds),
    repo
      .cardsByIds(
        db,
        relatedRows.map((r) => r.relatedId),
      )
      .then((rows) => deps.reader.cards(rows)),
  ])
  const reporters: ReporterProfile[] = reporterRows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    bio: r.bio,
    photo: r.photoId ? (photos.get(r.photoId) ?? null) : null,
  }))
  const order = relatedRows.map((r) => r.relatedId)
  return {
    id: row.id,
    url: articleUrl(row.id),
    headline: row.headline,
    subheadline: row.subheadline,
    summary: row.summary,
    body,
    bodyPhotos: photos,
    leadPhoto: row.leadPhotoId ? (photos.get(row.leadPhotoId) ?? null) : null,
    section: sections.find((s) => s.id === row.sectionId) ?? { id: row.sectionId, slug: '', name: '' },
    reporters,
    tags: tagRows.map((t) => ({ id: t.id, name: t.name, url: tagUrl(t.name) })),
    // A draft shows the time it would go out: its schedule, or now.
    publishedAt: row.publishedAt ?? row.scheduledAt ?? deps.clock.now().toISOString(),
    modifiedAt: row.modifiedAt,
    correctionNote: row.correctionNote,
    related: related.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
    previous: null,
    next: null,
  }
}
