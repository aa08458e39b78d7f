// The newsroom's view figures, from the counts the view counter wrote: one article by hour, by
// day and by referrer kind; the most read articles of a day (per section); a CSV of a period.
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import { koreaDay } from '../../platform/korea-time.js'
import type { ArticlesTables, ViewSource } from './articles.table.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR
/** The longest period one CSV export covers. */
export const MAX_EXPORT_DAYS = 92

export interface ArticleViewStats {
  total: number
  /** The last 48 hours, oldest first, as Korea-time 'YYYY-MM-DD HH' labels. */
  byHour: { hour: string; views: number }[]
  /** The last 30 Korea-time days, oldest first. */
  byDay: { day: string; views: number }[]
  bySource: { source: ViewSource; views: number }[]
}

export interface TopArticle {
  id: number
  headline: string
  sectionId: number
  views: number
}

/** 'YYYY-MM-DDTHH' (UTC) → the Korea-time day and hour it falls in. */
const koreaHourOf = (utcHour: string) => {
  const at = new Date(`${utcHour}:00:00.000Z`)
  return {
    day: koreaDay(at),
    label: `${koreaDay(at)} ${String((at.getUTCHours() + 9) % 24).padStart(2, '0')}`,
  }
}

export function createViewStats(deps: { db: Kysely<ArticlesTables>; clock: Clock }) {
  const { db } = deps
  return {
    async forArticle(articleId: number): Promise<ArticleViewStats> {
      const now = deps.clock.now().getTime()
      const since = new Date(now - 30 * DAY).toISOString().slice(0, 13)
      const [hours, sources, total] = await Promise.all([
        db
          .selectFrom('articleViews')
          .select(['hour', 'views'])
          .where('articleId', '=', articleId)
          .where('hour', '>=', since)
          .orderBy('hour')
          .execute(),
        db
          .selectFrom('articleViewSources')
          .select(['source', (eb) => eb.fn.sum<number>('views').as('views')])
          .where('articleId', '=', articleId)
          .groupBy('source')
          .execute(),
        db
          .selectFrom('articleViews')
          .select((eb) => eb.fn.sum<number>('views').as('views'))
          .where('articleId', '=', articleId)
          .executeTakeFirst(),
      ])
      const recentHour = new Date(now - 48 * HOUR).toISOString().slice(0, 13)
      const byDay = new Map<string, number>()
      for (let d = 29; d >= 0; d--) byDay.set(koreaDay(new Date(now - d * DAY)), 0)
      const byHour: ArticleViewStats['byHour'] = []
      for (const row of hours) {
        const { day, label } = koreaHourOf(row.hour)
        if (byDay.has(day)) byDay.set(day, byDay.get(day)! + row.views)
        if (row.hour >= recentHour) byHour.push({ hour: label, views: row.views })
      }
      return {
        total: Number(total?.views ?? 0),
        byHour,
        byDay: [...byDay].map(([day, views]) => ({ day, views })),
        bySource: sources
          .map((s) => ({ source: s.source, views: Number(s.views) }))
          .sort((a, b) => b.views - a.views),
      }
    },

    /** The most read articles of a Korea-time day, optionally of one section. */
    async topOfDay(day: string, options: { sectionId?: number; limit?: number } = {}): Promise<TopArticle[]> {
      let query = db
        .selectFrom('articleViewSources as v')
        .innerJoin('articles as a', 'a.id', 'v.articleId')
        .select(['a.id', 'a.headline', 'a.sectionId', (eb) => eb.fn.sum<number>('v.views').as('views')])
        .where('v.day', '=', day)
      if (options.sectionId !== undefined) query = query.where('a.sectionId', '=', options.sectionId)
      const rows = await query
        .groupBy(['a.id', 'a.headline', 'a.sectionId'])
        .orderBy('views', 'desc')
        .orderBy('a.id', 'desc')
        .limit(options.limit ?? 20)
        .execute()
      return rows.map((r) => ({ ...r, views: Number(r.views) }))
    },

    /** Every article's views per day and referrer kind in [from, to] (Korea-time days). */
    exportRows(from: string, to: string) {
      return db
        .selectFrom('articleViewSources as v')
        .innerJoin('articles as a', 'a.id', 'v.articleId')
        .select(['v.day', 'v.articleId', 'a.headline', 'a.sectionId', 'v.source', 'v.views'])
        .where('v.day', '>=', from)
        .where('v.day', '<=', to)
        .orderBy('v.day')
        .orderBy('v.articleId')
        .orderBy('v.source')
        .execute()
    },
  }
}

export type ViewStats = ReturnType<typeof createViewStats>
