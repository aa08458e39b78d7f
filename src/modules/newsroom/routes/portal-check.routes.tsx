// The desk's portal check of one published article, run on what the public site answers
// (the syndication module's checkAsPortal over this app's own HTTP, without a network hop).
import type { FastifyInstance } from 'fastify'
import { checkAsPortal, portalCheckMessages as p } from '../../syndication/index.js'
import { PortalCheckView } from '../views/portal-check.view.js'
import type { RouteContext } from './context.js'

/** An article number, or an address of the site ending in `/news/<number>`. */
const articleIdOf = (query: string) => {
  const match = /^(?:\d+|.*\/news\/(\d+)\/?(?:[?#].*)?)$/.exec(query.trim())
  return match ? Number(match[1] ?? query.trim()) : null
}

export function portalCheckRoutes(app: FastifyInstance, ctx: RouteContext) {
  app.get('/newsroom/portal-check', { preHandler: ctx.guard('desk') }, async (request, reply) => {
    const query = String((request.query as { article?: string }).article ?? '')
    const frame = await ctx.frame(request, reply)
    if (!query) return ctx.page(reply, <PortalCheckView frame={frame} query="" checked={null} />)
    const id = articleIdOf(query)
    const article = id ? await ctx.deps.readModel.articlePage(id) : undefined
    if (!article) {
      return ctx.page(
        reply,
        <PortalCheckView frame={frame} query={query} checked={null} error={p.notFound} />,
        404,
      )
    }
    const { publicUrl } = await ctx.deps.site()
    const checks = await checkAsPortal({
      path: article.url,
      publicUrl,
      publishedAt: article.publishedAt,
      now: ctx.deps.clock.now(),
      // As an anonymous reader: no cookie, so the page is the one everyone (and the cache) sees.
      fetch: async (path) => {
        const answer = await app.inject({
          method: 'GET',
          url: path,
          headers: { 'user-agent': 'SinmunPortalCheck/1.0 (bot)' },
        })
        return { status: answer.statusCode, body: answer.rawPayload }
      },
    })
    return ctx.page(
      reply,
      <PortalCheckView frame={frame} query={query} checked={{ url: publicUrl + article.url, checks }} />,
    )
  })
}
