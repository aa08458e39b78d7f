// 옛 주소 연결 (admin only): download the redirect table as CSV, upload an edited one.
import type { FastifyInstance } from 'fastify'
import { requireCsrf } from '../../../platform/http/csrf.js'
import { newsroomErrors } from '../newsroom.errors.js'
import { RedirectsView } from '../views/redirects.view.js'
import type { RouteContext } from './context.js'

const MAX_CSV_BYTES = 5 * 1024 * 1024

export function redirectsRoutes(app: FastifyInstance, ctx: RouteContext) {
  const admin = ctx.guard('admin')
  const port = () => {
    if (!ctx.deps.redirects) throw newsroomErrors.redirectsUnavailable()
    return ctx.deps.redirects
  }

  app.get('/newsroom/redirects', { preHandler: admin }, async (request, reply) => {
    const count = await port().count()
    return ctx.page(
      reply,
      <RedirectsView frame={await ctx.frame(request, reply)} count={count} result={null} />,
    )
  })

  app.get('/newsroom/redirects.csv', { preHandler: admin }, async (_request, reply) =>
    reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'attachment; filename="redirects.csv"')
      .type('text/csv; charset=utf-8')
      .send(await port().exportCsv()),
  )

  app.post('/newsroom/redirects', { preHandler: admin }, async (request, reply) => {
    let token: string | undefined
    let csv = ''
    for await (const part of request.parts({ limits: { fileSize: MAX_CSV_BYTES, files: 1 } })) {
      if (part.type === 'file') csv = (await part.toBuffer()).toString('utf8')
      else if (part.fieldname === '_csrf' && typeof part.value === 'string') token = part.value
    }
    await requireCsrf(request, reply, token)
    const result = await port().importCsv(csv)
    const refusedLines = result.refused.map((r) => r.line)
    const count = await port().count()
    return ctx.page(
      reply,
      <RedirectsView
        frame={await ctx.frame(request, reply)}
        count={count}
        result={{ saved: result.saved, refusedLines }}
      />,
      refusedLines.length > 0 && result.saved === 0 ? 400 : 200,
    )
  })
}
