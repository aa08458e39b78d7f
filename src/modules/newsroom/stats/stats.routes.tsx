// GET /newsroom/stats (the most read of a day), /newsroom/stats.csv (a period, for a
// spreadsheet) and /newsroom/articles/:id/stats (one article). Staff see their own articles'
// figures; the outlet-wide figures are the desk's.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { notFound } from '../../../platform/errors.js'
import { msg } from '../../../platform/i18n/messages.js'
import { koreaDay } from '../../../platform/korea-time.js'
import { MAX_EXPORT_DAYS } from '../../articles/index.js'
import { forbidden, staffOf } from '../newsroom.guard.js'
import { canView } from '../newsroom.policy.js'
import { IdParams } from '../routes/articles.routes.js'
import type { RouteContext } from '../routes/context.js'
import { statsMessages as sm } from './stats.messages.js'
import { ArticleStatsView, TopArticlesView } from './stats.views.js'
import { viewsCsv } from './views-csv.js'

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
const DAY_MS = 86_400_000

export function statsRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { stats, articles, readModel } = ctx.deps
  const desk = ctx.guard('desk')
  const today = () => koreaDay(ctx.deps.clock.now())

  app.get('/newsroom/stats', { preHandler: desk }, async (request, reply) => {
    const query = z
      .object({
        day: Day.catch(today).default(today),
        section: z.coerce.number().int().positive().optional().catch(undefined),
      })
      .parse(request.query)
    const [sections, top, frame] = await Promise.all([
      readModel.sections(),
      stats.topOfDay(query.day, { sectionId: query.section, limit: 30 }),
      ctx.frame(request, reply),
    ])
    return ctx.page(
      reply,
      <TopArticlesView
        frame={frame}
        day={query.day}
        sectionId={query.section ?? null}
        sections={sections}
        top={top}
        maxExportDays={MAX_EXPORT_DAYS}
      />,
    )
  })

  app.get('/newsroom/stats.csv', { preHandler: desk }, async (request, reply) => {
    const period = z.object({ from: Day, to: Day }).safeParse(request.query)
    const days = period.success ? (Date.parse(period.data.to) - Date.parse(period.data.from)) / DAY_MS + 1 : 0
    if (!period.success || days < 1 || days > MAX_EXPORT_DAYS) {
      const [sections, frame] = await Promise.all([readModel.sections(), ctx.frame(request, reply)])
      return ctx.page(
        reply,
        <TopArticlesView
          frame={frame}
          day={today()}
          sectionId={null}
          sections={sections}
          top={[]}
          maxExportDays={MAX_EXPORT_DAYS}
          error={msg(sm.badPeriod, { days: MAX_EXPORT_DAYS })}
        />,
        400,
      )
    }
    const { from, to } = period.data
    const [rows, sections] = await Promise.all([stats.exportRows(from, to), readModel.sections()])
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="views-${from}-${to}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(viewsCsv(rows, new Map(sections.map((s) => [s.id, s.name]))))
  })

  app.get('/newsroom/articles/:id/stats', { preHandler: ctx.guard('staff') }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const access = await articles.accessOf(id)
    if (!access) throw notFound('article')
    if (!canView(staffOf(request), access)) throw forbidden()
    const [figures, frame] = await Promise.all([stats.forArticle(id), ctx.frame(request, reply)])
    return ctx.page(
      reply,
      <ArticleStatsView frame={frame} id={id} headline={access.headline} stats={figures} />,
    )
  })
}
