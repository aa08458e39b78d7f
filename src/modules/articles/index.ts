// The articles module's public face: the published article as readers see it (pages, lists,
// most read, today's photos, feeds' data), the article rows the newsroom writes through its
// store, the stored document format, and what search and comments read of articles.
//
//   const articles = createArticlesModule({ db, clock, bus, media, comments, staff, todayPicks })
//   await http.register(articles.routes({ comments, site, homePins }))
import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import type { RecentKeys } from '../../platform/cache/recent-keys.js'
import type { Clock } from '../../platform/clock.js'
import type { CommentedArticles, CommentsReadModel } from '../comments/index.js'
import type { MediaService } from '../media/index.js'
import type { StoredSetting } from '../outlet/index.js'
import type { StaffService } from '../staff/index.js'
import { createArticlesReadModel } from './articles.read-model.js'
import { findCommentTarget, headlinesOf } from './articles.repository.js'
import { type ArticlesRoutesDeps, articlesRoutes } from './articles.routes.js'
import { createArticlesStore } from './articles.store.js'
import type { ArticlesTables } from './articles.table.js'
import { createDeskQueries } from './desk-queries.js'
import { createHomeZones } from './home-zones.js'
import { createPublishedArticles } from './published-articles.js'
import { createArticlesSearchSource } from './search-source.js'
import { createSectionsAdmin } from './sections.admin.js'
import { createTodayPhotos } from './today-photos.js'
import { createViewCounter } from './view-counter.js'
import { createViewStats } from './view-stats.js'

export type { ArticleCard, ArticlePage, ColumnCard, RankedLink, SectionRef } from './article-views.js'
export { articleUrl, reporterUrl, sectionUrl, tagUrl } from './article-views.js'
export { articlesErrors } from './articles.errors.js'
export type { ArticlesReadModel } from './articles.read-model.js'
export type { CardRow } from './articles.repository.js'
export { ArticleInput } from './articles.schema.js'
export type { ArticlesStore, ArticleText } from './articles.store.js'
export type { ArticleGrade, ArticleRow, ArticleStatus, ArticlesTables, ViewSource } from './articles.table.js'
export type { DeskQueries, WorkItem } from './desk-queries.js'
export type { DocumentBlock, InlineNode, ParagraphNode, TableNode } from './document/document.schema.js'
export { ArticleDocument, photoIdsIn, readDocument } from './document/document.schema.js'
export { documentText } from './document/document.text.js'
export { DocumentBody } from './document/document.view.js'
export type { HomeSlots, HomeZones, HomeZonesOf } from './home-zones.js'
export { HOME_COUNTS, OPINION_SLUG } from './home-zones.js'
export type { FullArticle, PublishedArticles } from './published-articles.js'
export type { ArticleForIndex, ArticlesSearchSource } from './search-source.js'
export type { AdminSection, SectionProblem, SectionResult, SectionsAdmin } from './sections.admin.js'
export { SectionForm } from './sections.admin.js'
export type { TodayPhotos } from './today-photos.js'
export { type PageView, SAME_VIEW_MS, type ViewCounter } from './view-counter.js'
export type { ArticleViewStats, TopArticle, ViewStats } from './view-stats.js'
export { MAX_EXPORT_DAYS } from './view-stats.js'
export type { ArticleNotice } from './views/article.view.js'
export { ArticlePageView } from './views/article.view.js'

export interface ArticlesDeps {
  /** Every write goes here. */
  db: Kysely<ArticlesTables>
  /** Reader pages may read from a replica; the primary when absent. */
  readDb?: Kysely<ArticlesTables>
  clock: Clock
  bus: InvalidationBus
  media: Pick<MediaService, 'findPhotos'>
  comments: Pick<CommentsReadModel, 'countsFor'>
  staff: Pick<StaffService, 'profiles'>
  /** The outlet's setting that keeps the desk's 투데이포토 picks. */
  todayPicks: StoredSetting
  /** Who was counted lately (a reader's view counts once per 30 minutes), shared across nodes. */
  recentViews: RecentKeys
  /** How often counted page views are written (ms). */
  viewsFlushEveryMs?: number
}

export function createArticlesModule(deps: ArticlesDeps) {
  const { db } = deps
  const readModel = createArticlesReadModel({
    db: deps.readDb ?? db,
    clock: deps.clock,
    bus: deps.bus,
    media: deps.media,
    comments: deps.comments,
    staff: deps.staff,
  })
  const todayPhotos = createTodayPhotos({ db, picks: deps.todayPicks, bus: deps.bus, media: deps.media })
  const homeZones = createHomeZones({ readModel, todayPhotos, now: () => deps.clock.now() })
  const views = createViewCounter({
    db,
    clock: deps.clock,
    flushEveryMs: deps.viewsFlushEveryMs ?? 5_000,
    recent: deps.recentViews,
  })
  const commented: CommentedArticles = {
    published: (id) => findCommentTarget(db, id),
    headlines: (ids) => headlinesOf(db, ids),
  }
  return {
    readModel,
    /** The article rows as the newsroom's desk writes them. */
    store: createArticlesStore({ db, clock: deps.clock, bus: deps.bus }),
    /** The newsroom's lists and pickers over the articles. */
    deskQueries: createDeskQueries(db),
    /** Feeds' and sitemaps' reads over the whole archive. */
    published: createPublishedArticles({ db, media: deps.media, bylines: readModel.bylines }),
    /** What the search index reads. */
    searchSource: createArticlesSearchSource(db, { media: deps.media, staff: deps.staff }),
    /** What comments ask of articles. */
    commented,
    todayPhotos,
    views,
    /** The admin's section management. */
    sectionsAdmin: createSectionsAdmin({ db, bus: deps.bus }),
    /** The newsroom's view figures. */
    stats: createViewStats({ db, clock: deps.clock }),
    /** What fills each zone of the home page (the reader's home and the newsroom's editor). */
    homeZones,
    routes: (
      more: Omit<ArticlesRoutesDeps, 'readModel' | 'todayPhotos' | 'views' | 'homeZones'>,
    ): FastifyPluginAsync => articlesRoutes({ ...more, readModel, todayPhotos, views, homeZones }),
    close: () => views.stop(),
  }
}

export type ArticlesModule = ReturnType<typeof createArticlesModule>
export { articlesErrorCatalogue } from './articles.errors.js'
