// What fills each zone of the home page: the desk's pins (newsroom's home curation) over the
// grade rules. The reader's home and the newsroom's home editor both show this, so the editor's
// preview is the page readers get. The zones are chosen on plain rows and only the articles
// shown are turned into cards, in one pass: a fixed number of queries whatever the number of
// sections (home-zones.test.ts counts them; bench/home-ab.test.ts times them).
import type { ArticleCard, ColumnCard, RankedLink, SectionRef } from './article-views.js'
import type { ArticlesReadModel } from './articles.read-model.js'
import type { CardRow } from './articles.repository.js'
import type { TodayPhoto, TodayPhotos } from './today-photos.js'

/** How many articles each zone shows. */
export const HOME_COUNTS = { headlines: 4, major: 4, section: 4, columns: 4, latest: 6, photos: 4 } as const
/** The section whose pieces fill the 오피니언 zone (with their columnists' photos). */
export const OPINION_SLUG = 'opinion'

/**
 * The desk's arrangement (newsroom/home-curation.ts): pinned slots first, the rest automatic.
 * Pins are published articles the curation has already turned into cards.
 */
export interface HomeSlots {
  headlines(auto: ArticleCard[]): ArticleCard[]
  major(auto: ArticleCard[]): ArticleCard[]
  section(sectionId: number, auto: ArticleCard[]): ArticleCard[]
  breaking(now: Date): { text: string; url: string | null } | null
}

export interface HomeZones {
  breaking: { text: string; url: string | null } | null
  top: ArticleCard | null
  /** The top story's sub-stories (headlines under it). */
  subs: ArticleCard[]
  major: ArticleCard[]
  latest: ArticleCard[]
  photos: TodayPhoto[]
  sectionBlocks: { section: SectionRef; articles: ArticleCard[] }[]
  columns: ColumnCard[]
  mostRead: { day: RankedLink[]; week: RankedLink[] }
  /** Every article the page links to (the page cache's tags). */
  shownIds: number[]
  opinionSectionId: number | null
}

export type HomeZonesOf = (menu: readonly SectionRef[], pins?: HomeSlots) => Promise<HomeZones>

const dedupeBy = <T>(items: T[], key: (item: T) => unknown) => [
  ...new Map(items.map((item) => [key(item), item])).values(),
]
const withPhotoFirst = (rows: CardRow[]) => [
  ...rows.filter((r) => r.leadPhotoId),
  ...rows.filter((r) => !r.leadPhotoId),
]

/**
 * A card standing in for a row until the cards are made: the pins' `fillSlots` needs only the
 * id to place it, and every placeholder is swapped for its real card before anything renders.
 */
type Draft = ArticleCard & { row?: CardRow }
const draft = (row: CardRow): Draft => ({ id: row.id, row }) as Draft

export function createHomeZones(deps: {
  readModel: ArticlesReadModel
  todayPhotos: Pick<TodayPhotos, 'todayPhotos'>
  now: () => Date
}): HomeZonesOf {
  const { readModel } = deps
  const rowsOf = readModel.homeRows
  const n = HOME_COUNTS
  return async (menu, pins) => {
    const opinion = menu.find((s) => s.slug === OPINION_SLUG)
    const blockSections = menu.filter((s) => s !== opinion)
    const all = await readModel.sections()
    // A section's block carries its sub-sections' articles too; 오피니언 has its own zone.
    const family = (id: number) => [id, ...all.filter((s) => s.parentId === id).map((s) => s.id)]
    const [graded, important, latest, newest, mostRead, picked, columns] = await Promise.all([
      rowsOf.byGrade('headline', n.headlines),
      rowsOf.byGrade('important', 40),
      rowsOf.latest(12),
      rowsOf.newestPerFamily(
        blockSections.map((s) => family(s.id)),
        n.section + 2,
      ),
      readModel.mostRead(),
      deps.todayPhotos.todayPhotos(),
      opinion ? readModel.columns(family(opinion.id), n.columns) : Promise.resolve([]),
    ])
    const shown = new Set<number>()
    const take = <T extends { id: number }>(items: T[]) => {
      for (const a of items) shown.add(a.id)
      return items
    }
    const notShown = (rows: CardRow[]) => rows.filter((r) => !shown.has(r.id))
    const fresh = (rows: CardRow[]) => dedupeBy(notShown(rows), (r) => r.id)

    // An outlet whose desk grades nothing 헤드라인 still gets a top story: the newest article.
    const autoHeadlines = (graded.length > 0 ? graded : latest).map(draft)
    const headlines = take((pins ? pins.headlines(autoHeadlines) : autoHeadlines).slice(0, n.headlines))
    // The row of major stories: 중요 first, then the newest; those with a photo ahead.
    const majorAuto = withPhotoFirst(fresh([...important, ...latest])).map(draft)
    const major = take((pins ? pins.major(majorAuto) : majorAuto).slice(0, n.major))
    // 포토뉴스: the desk's 투데이포토 picks not shown above, then other photographed articles.
    const photoPicks = picked.filter((p) => !shown.has(p.articleId))
    const photoFill = fresh([...important, ...latest])
      .filter((r) => r.leadPhotoId && !photoPicks.some((p) => p.articleId === r.id))
      .slice(0, Math.max(0, n.photos - photoPicks.length))
    const photoIds = [...photoPicks.map((p) => p.articleId), ...photoFill.map((r) => r.id)].slice(0, n.photos)
    for (const id of photoIds) shown.add(id)
    // 최신기사 may repeat a section block's article (it is the running list); nothing else repeats.
    const latestRows = notShown(latest).slice(0, n.latest)
    // Each block: the section's 중요 articles first, then its newest, so no block stays thin.
    const blocks = blockSections.map((section, i) => {
      const ids = family(section.id)
      const auto = fresh([
        ...important.filter((r) => ids.includes(r.sectionId)),
        ...newest.filter((r) => r.family === i),
      ])
      const articles = take(
        (pins ? pins.section(section.id, auto.map(draft)) : auto.map(draft)).slice(0, n.section),
      )
      return { section, articles }
    })

    // One pass turns every row still shown into a card; pinned articles already are cards.
    const rows = dedupeBy(
      [...headlines, ...major, ...blocks.flatMap((b) => b.articles)].flatMap((d: Draft) =>
        d.row ? [d.row] : [],
      ),
      (r) => r.id,
    )
    const extra = [...photoFill, ...latestRows].filter((r) => !rows.some((x) => x.id === r.id))
    const made = new Map((await readModel.cards([...rows, ...extra])).map((c) => [c.id, c]))
    const real = (d: Draft): ArticleCard[] => (d.row ? (made.has(d.id) ? [made.get(d.id)!] : []) : [d])
    const photoCards = photoFill.flatMap((r) => {
      const card = made.get(r.id)
      return card?.leadPhoto
        ? [{ articleId: r.id, photo: card.leadPhoto, caption: card.headline, url: card.url }]
        : []
    })
    const photos = [...photoPicks, ...photoCards].slice(0, n.photos)
    const [top, ...subs] = headlines.flatMap(real)
    const latestCards = latestRows.flatMap((r) => (made.has(r.id) ? [made.get(r.id)!] : []))
    return {
      breaking: pins?.breaking(deps.now()) ?? null,
      top: top ?? null,
      subs,
      major: major.flatMap(real),
      latest: latestCards,
      photos,
      sectionBlocks: blocks
        .map((b) => ({ section: b.section, articles: b.articles.flatMap(real) }))
        .filter((b) => b.articles.length > 0),
      columns,
      mostRead,
      shownIds: [...new Set([...shown, ...latestRows.map((r) => r.id), ...columns.map((c) => c.id)])],
      opinionSectionId: opinion?.id ?? null,
    }
  }
}
