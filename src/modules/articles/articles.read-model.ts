// Reading published articles into the view models the reader pages show.
import type { Kysely, Selectable } from 'kysely'
import { LRUCache } from 'lru-cache'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { Clock } from '../../platform/clock.js'
import type { CommentsReadModel } from '../comments/index.js'
import type { MediaService, Photo } from '../media/index.js'
import type { StaffProfile, StaffService } from '../staff/index.js'
import {
  type ArticleCard,
  type ArticlePage,
  articleUrl,
  type ColumnCard,
  type RankedLink,
  type ReporterProfile,
  type SectionRef,
  tagUrl,
} from './article-views.js'
import * as repo from './articles.repository.js'
import type { ArticlesTable, ArticlesTables } from './articles.table.js'
import { photoIdsIn, readDocument } from './document/document.schema.js'

export interface ArticlesReadModelDeps {
  db: Kysely<ArticlesTables>
  clock: Clock
  bus: InvalidationBus
  media: Pick<MediaService, 'findPhotos'>
  comments: Pick<CommentsReadModel, 'countsFor'>
  staff: Pick<StaffService, 'profiles'>
}

const utcHour = (d: Date) => d.toISOString().slice(0, 13)
const HOUR = 3_600_000

export function createArticlesReadModel(deps: ArticlesReadModelDeps) {
  const { db } = deps

  const sections = memo(async () => {
    const rows = await repo.allSections(db)
    return rows.map(
      (s): SectionRef => ({
        id: s.id,
        slug: s.slug,
        name: s.name,
        parentId: s.parentId,
        hidden: s.hidden === 1,
      }),
    )
  }, 300_000)

  const mostReadFor = (hours: number) =>
    memo(async (): Promise<RankedLink[]> => {
      const since = utcHour(new Date(deps.clock.now().getTime() - hours * HOUR))
      const rows = await repo.mostViewedSince(db, since, 10)
      return rows.map((r, i) => ({ id: r.id, url: articleUrl(r.id), headline: r.headline, rank: i + 1 }))
    }, 60_000)
  const mostReadDay = mostReadFor(24)
  const mostReadWeek = mostReadFor(24 * 7)

  // How many articles a section, tag or reporter page lists, kept until a publish, correction
  // or withdrawal names that section, tag or reporter (their tags are the keys). Counting took
  // ~1 ms for a 12,000-article section and 30 ms for the largest tag at 100,000 articles.
  // Five minutes at most, like the sections: another process (an import) may have written.
  const counts = new LRUCache<string, Promise<number>>({ max: 10_000, ttl: 300_000 })
  const counted = (key: string, count: () => Promise<number>) => {
    let n = counts.get(key)
    if (!n) {
      const pending = count()
      pending.catch(() => counts.delete(key))
      counts.set(key, pending)
      n = pending
    }
    return n
  }

  deps.bus.subscribe((changed) => {
    for (const t of changed) counts.delete(t)
    if (changed.some((t) => t.startsWith('section:'))) sections.reset()
    if (changed.includes(tags.latest) || changed.includes(tags.mostRead)) {
      mostReadDay.reset()
      mostReadWeek.reset()
    }
  })

  /** Each article's named staff, in byline order. */
  async function bylines(articleIds: readonly number[]): Promise<Map<number, StaffProfile[]>> {
    const rows = await repo.bylinesOf(db, articleIds)
    const profiles = await deps.staff.profiles([...new Set(rows.map((r) => r.staffId))])
    const byArticle = new Map<number, StaffProfile[]>()
    for (const r of rows) {
      const profile = profiles.get(r.staffId)
      if (!profile) continue
      const list = byArticle.get(r.articleId)
      if (list) list.push(profile)
      else byArticle.set(r.articleId, [profile])
    }
    return byArticle
  }

  const leadPhotoIds = (rows: readonly repo.CardRow[]) =>
    rows.flatMap((r) => (r.leadPhotoId ? [r.leadPhotoId] : []))

  /**
   * Turns rows into list entries with one query each for photos, reporters and comment counts;
   * a caller that has already looked the lead photos up passes them.
   */
  async function cards(
    rows: readonly repo.CardRow[],
    leadPhotos?: Map<number, Photo>,
  ): Promise<ArticleCard[]> {
    if (rows.length === 0) return []
    const ids = rows.map((r) => r.id)
    const [allSections, photos, reporters, counts] = await Promise.all([
      sections.get(),
      leadPhotos ?? deps.media.findPhotos(leadPhotoIds(rows)),
      bylines(ids),
      deps.comments.countsFor(ids),
    ])
    const sectionById = new Map(allSections.map((s) => [s.id, s]))
    return rows.map((r) => ({
      id: r.id,
      url: articleUrl(r.id),
      headline: r.headline,
      subheadline: r.subheadline,
      summary: r.summary,
      section: sectionById.get(r.sectionId) ?? { id: r.sectionId, slug: '', name: '' },
      reporters: (reporters.get(r.id) ?? []).map((p) => ({ id: p.id, name: p.name, email: p.email })),
      publishedAt: r.publishedAt ?? '',
      leadPhoto: r.leadPhotoId ? (photos.get(r.leadPhotoId) ?? null) : null,
      commentCount: counts.get(r.id) ?? 0,
    }))
  }

  async function pageFromRow(
    row: Selectable<ArticlesTable>,
    publishedAt: string,
    withNeighbours: boolean,
  ): Promise<ArticlePage> {
    const id = row.id
    const body = readDocument(row.body)
    const [allSections, bylineMap, tagRows, relatedRows, neighbours] = await Promise.all([
      sections.get(),
      bylines([id]),
      repo.tagsOf(db, id),
      repo.relatedCards(db, id),
      withNeighbours
        ? repo.sectionNeighbours(db, { id, sectionId: row.sectionId, publishedAt })
        : Promise.resolve({ previous: undefined, next: undefined }),
    ])
    const reporterRows = bylineMap.get(id) ?? []
    // Every picture on the page in one lookup: body, lead, reporters and related articles.
    const photos = await deps.media.findPhotos([
      ...photoIdsIn(body),
      ...(row.leadPhotoId ? [row.leadPhotoId] : []),
      ...reporterRows.flatMap((r) => (r.photoId ? [r.photoId] : [])),
      ...leadPhotoIds(relatedRows),
    ])
    const related = await cards(relatedRows, photos)
    const reporters: ReporterProfile[] = reporterRows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      bio: r.bio,
      photo: r.photoId ? (photos.get(r.photoId) ?? null) : null,
    }))
    const link = (n: { id: number; headline: string } | undefined) =>
      n ? { id: n.id, url: articleUrl(n.id), headline: n.headline } : null
    return {
      id,
      url: articleUrl(id),
      headline: row.headline,
      subheadline: row.subheadline,
      summary: row.summary,
      body,
      bodyPhotos: photos,
      leadPhoto: row.leadPhotoId ? (photos.get(row.leadPhotoId) ?? null) : null,
      section: allSections.find((s) => s.id === row.sectionId) ?? { id: row.sectionId, slug: '', name: '' },
      reporters,
      tags: tagRows.map((t) => ({ id: t.id, name: t.name, url: tagUrl(t.name) })),
      publishedAt,
      modifiedAt: row.modifiedAt,
      correctionNote: row.correctionNote,
      related,
      previous: link(neighbours.previous),
      next: link(neighbours.next),
    }
  }

  return {
    cards,
    bylines,
    /** List entries for the given ids that are published, in no particular order. */
    publishedCards: async (ids: readonly number[]) => cards(await repo.cardsByIds(db, ids)),
    sections: () => sections.get(),
    async sectionBySlug(slug: string) {
      return (await sections.get()).find((s) => s.slug === slug)
    },
    mostRead: async () => ({ day: await mostReadDay.get(), week: await mostReadWeek.get() }),

    /** A published article as its reader page shows it. */
    async articlePage(id: number): Promise<ArticlePage | undefined> {
      const row = await repo.findPublishedArticle(db, id)
      if (!row?.publishedAt) return undefined
      return pageFromRow(row, row.publishedAt, true)
    },

    /** Whether this article was withdrawn (철회): readers get 410 with a notice, not 404. */
    async isWithdrawn(id: number): Promise<boolean> {
      const row = await repo.findArticle(db, id)
      return row?.status === 'withdrawn'
    },

    /**
     * An article in any state as its reader page would show it (the newsroom's preview): a draft
     * shows the time it would go out, its schedule or now, and has no neighbours yet.
     */
    async previewPage(id: number): Promise<ArticlePage | undefined> {
      const row = await repo.findArticle(db, id)
      if (!row) return undefined
      return pageFromRow(row, row.publishedAt ?? row.scheduledAt ?? deps.clock.now().toISOString(), false)
    },

    latest: async (limit: number, offset = 0) => cards(await repo.latestCards(db, limit, offset)),
    /**
     * The rows behind the home page's zones, not yet turned into cards: the home picks what it
     * shows first and enriches only that, in one pass (home-zones.ts).
     */
    homeRows: {
      latest: (limit: number) => repo.latestCards(db, limit, 0),
      byGrade: (grade: 'headline' | 'important', limit: number) => repo.latestCardsByGrade(db, grade, limit),
      newestPerFamily: (families: readonly (readonly number[])[], limit: number) =>
        repo.newestPerFamily(db, families, limit),
    },
    byGrade: async (grade: 'headline' | 'important', limit: number) =>
      cards(await repo.latestCardsByGrade(db, grade, limit)),

    /**
     * The newest articles of several sections, each with its sub-sections (a family: the
     * section's id first), enriched in one pass (the home page's blocks); keyed by that id.
     */
    async newestInSections(families: readonly (readonly number[])[], perSection: number) {
      const rows = await repo.newestPerFamily(db, families, perSection)
      const enriched = await cards([...new Map(rows.map((r) => [r.id, r])).values()])
      const byId = new Map(enriched.map((a) => [a.id, a]))
      return new Map(
        families.map((ids, i) => [
          ids[0]!,
          rows.flatMap((r) => (r.family === i && byId.has(r.id) ? [byId.get(r.id)!] : [])),
        ]),
      )
    },

    /**
     * The newest pieces of the opinion section family, each with its columnist's staff photo
     * (the home's 오피니언): two lookups more than a plain list, whatever the number of pieces.
     */
    async columns(sectionIds: readonly number[], limit: number): Promise<ColumnCard[]> {
      const list = await cards(await repo.sectionCards(db, sectionIds, limit, 0))
      const writers = [...new Set(list.flatMap((c) => (c.reporters[0] ? [c.reporters[0].id] : [])))]
      const profiles = await deps.staff.profiles(writers)
      const photos = await deps.media.findPhotos(
        [...profiles.values()].flatMap((p) => (p.photoId ? [p.photoId] : [])),
      )
      return list.map((c) => {
        const lead = c.reporters[0]
        const photoId = lead ? profiles.get(lead.id)?.photoId : null
        return {
          ...c,
          columnist: lead ? { name: lead.name, photo: photoId ? (photos.get(photoId) ?? null) : null } : null,
        }
      })
    },

    /** The articles of a section and its sub-sections (`sectionIds`), newest first. */
    async sectionList(sectionIds: readonly number[], limit: number, offset: number) {
      const [rows, counts] = await Promise.all([
        repo.sectionCards(db, sectionIds, limit, offset),
        // Counted per section, so a publish that names one sub-section recounts only it.
        Promise.all(sectionIds.map((id) => counted(tags.section(id), () => repo.countSection(db, id)))),
      ])
      return { articles: await cards(rows), total: counts.reduce((a, b) => a + b, 0) }
    },

    async tagList(name: string, limit: number, offset: number) {
      const tag = await repo.findTagByName(db, name)
      if (!tag) return undefined
      const [rows, total] = await Promise.all([
        repo.tagCards(db, tag.id, limit, offset),
        counted(tags.tag(tag.id), () => repo.countTag(db, tag.id)),
      ])
      return { tag, articles: await cards(rows), total }
    },

    async reporterList(staffId: number, limit: number, offset: number) {
      const reporter = (await deps.staff.profiles([staffId])).get(staffId)
      if (!reporter?.active) return undefined
      const [rows, total, photos] = await Promise.all([
        repo.reporterCards(db, staffId, limit, offset),
        counted(tags.reporter(staffId), () => repo.countReporter(db, staffId)),
        deps.media.findPhotos(reporter.photoId ? [reporter.photoId] : []),
      ])
      const profile: ReporterProfile = {
        id: reporter.id,
        name: reporter.name,
        email: reporter.email,
        bio: reporter.bio,
        department: reporter.department,
        photo: reporter.photoId ? (photos.get(reporter.photoId) ?? null) : null,
      }
      return { reporter: profile, articles: await cards(rows), total }
    },
  }
}

export type ArticlesReadModel = ReturnType<typeof createArticlesReadModel>
