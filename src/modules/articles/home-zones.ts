// What fills each zone of the home page: the desk's pins (newsroom's home curation) over the
// grade rules. The reader's home and the newsroom's home editor both show this, so the editor's
// preview is the page readers get. A fixed number of queries, whatever the number of sections
// (bench: queries per home render in home-zones.test.ts).
import type { ArticleCard, ColumnCard, RankedLink, SectionRef } from './article-views.js'
import type { ArticlesReadModel } from './articles.read-model.js'
import type { TodayPhoto, TodayPhotos } from './today-photos.js'

/** How many articles each zone shows. */
export const HOME_COUNTS = { headlines: 4, major: 4, section: 4, columns: 4, latest: 6, photos: 4 } as const
/** The section whose pieces fill the 오피니언 zone (with their columnists' photos). */
export const OPINION_SLUG = 'opinion'

/** The desk's arrangement (newsroom/home-curation.ts): pinned slots first, the rest automatic. */
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
const dedupe = (cards: ArticleCard[]) => dedupeBy(cards, (a) => a.id)
const withPhotoFirst = (cards: ArticleCard[]) => [
  ...cards.filter((a) => a.leadPhoto),
  ...cards.filter((a) => !a.leadPhoto),
]

export function createHomeZones(deps: {
  readModel: ArticlesReadModel
  todayPhotos: Pick<TodayPhotos, 'todayPhotos'>
  now: () => Date
}): HomeZonesOf {
  const { readModel } = deps
  const n = HOME_COUNTS
  return async (menu, pins) => {
    const [graded, important, latest, mostRead, picked, all] = await Promise.all([
      readModel.byGrade('headline', n.headlines),
      readModel.byGrade('important', 40),
      readModel.latest(16),
      readModel.mostRead(),
      deps.todayPhotos.todayPhotos(),
      readModel.sections(),
    ])
    const shown = new Set<number>()
    const take = (cards: ArticleCard[]) => {
      for (const a of cards) shown.add(a.id)
      return cards
    }
    const notShown = (cards: ArticleCard[]) => cards.filter((a) => !shown.has(a.id))
    // An outlet whose desk grades nothing 헤드라인 still gets a top story: the newest article.
    const autoHeadlines = graded.length > 0 ? graded : latest
    const [top, ...subs] = take((pins ? pins.headlines(autoHeadlines) : autoHeadlines).slice(0, n.headlines))
    // The row of major stories: 중요 first, then the newest; those with a photo ahead.
    const majorAuto = withPhotoFirst(notShown(dedupe([...important, ...latest])))
    const major = take((pins ? pins.major(majorAuto) : majorAuto).slice(0, n.major))
    // 포토뉴스: the desk's 투데이포토 picks not already shown above, then other photographed
    // articles of the day, so no picture appears twice on the page.
    const photoFill = notShown(dedupe([...important, ...latest]))
      .filter((a) => a.leadPhoto)
      .map((a): TodayPhoto => ({ articleId: a.id, photo: a.leadPhoto!, caption: a.headline, url: a.url }))
    const photos = dedupeBy(
      [...picked.filter((p) => !shown.has(p.articleId)), ...photoFill],
      (p) => p.articleId,
    ).slice(0, n.photos)
    for (const p of photos) shown.add(p.articleId)
    // 최신기사 may repeat a section block's article (it is the running list); nothing else repeats.
    const latestShown = notShown(latest).slice(0, n.latest)
    // A section's block carries its sub-sections' articles too; 오피니언 has its own zone.
    const family = (id: number) => [id, ...all.filter((s) => s.parentId === id).map((s) => s.id)]
    const opinion = menu.find((s) => s.slug === OPINION_SLUG)
    const blockSections = menu.filter((s) => s !== opinion)
    // Each block: the section's 중요 articles first, then its newest, so no block stays thin.
    const [newest, columns] = await Promise.all([
      readModel.newestInSections(
        blockSections.map((s) => family(s.id)),
        n.section + 4,
      ),
      opinion ? readModel.columns(family(opinion.id), n.columns) : Promise.resolve([]),
    ])
    const sectionBlocks = blockSections.map((section) => {
      const ids = family(section.id)
      const auto = notShown(
        dedupe([...important.filter((a) => ids.includes(a.section.id)), ...(newest.get(section.id) ?? [])]),
      )
      const articles = (pins ? pins.section(section.id, auto) : auto).slice(0, n.section)
      take(articles)
      return { section, articles }
    })
    return {
      breaking: pins?.breaking(deps.now()) ?? null,
      top: top ?? null,
      subs,
      major,
      latest: latestShown,
      photos,
      sectionBlocks: sectionBlocks.filter((b) => b.articles.length > 0),
      columns,
      mostRead,
      shownIds: [...new Set([...shown, ...latestShown.map((a) => a.id), ...columns.map((a) => a.id)])],
      opinionSectionId: opinion?.id ?? null,
    }
  }
}
