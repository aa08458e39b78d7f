// The 출고 전 점검 panel on its own, for the editor script to refresh after each save.
import type { FastifyInstance } from 'fastify'
import { renderToString } from 'preact-render-to-string'
import { notFound } from '../../../platform/errors.js'
import { forbidden, staffOf } from '../newsroom.guard.js'
import { canView } from '../newsroom.policy.js'
import { ChecksPanel } from '../views/checks.view.js'
import { IdParams } from './articles.routes.js'
import type { RouteContext } from './context.js'

export function checksRoutes(app: FastifyInstance, ctx: RouteContext) {
  app.get('/newsroom/articles/:id/checks', { preHandler: ctx.guard('staff') }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const access = await ctx.deps.articles.accessOf(id)
    if (!access) throw notFound('article')
    if (!canView(staffOf(request), access)) throw forbidden()
    const result = await ctx.deps.checks.forArticle(id)
    if (!result) throw notFound('article')
    return reply
      .header('cache-control', 'private, no-store')
      .type('text/html; charset=utf-8')
      .send(renderToString(<ChecksPanel articleId={id} result={result} />))
  })
}
