// The newsroom's inbox (desk and admin): list, one request, its steps, the attachment as a
// download, the register CSV (admin). Every action is checked here and logged by the service.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { registerCsv } from '../../inbox/index.js'
import { newsroomErrors } from '../newsroom.errors.js'
import { staffOf } from '../newsroom.guard.js'
import { nm } from '../newsroom.messages.js'
import { InboxItemView, InboxListView } from '../views/inbox.views.js'
import { IdParams } from './articles.routes.js'
import type { RouteContext } from './context.js'

const ListQuery = z.object({
  status: z.enum(['open', 'closed', 'all']).catch('open').default('open'),
  kind: z.enum(['tip', 'correction', 'rebuttal', 'followup', '']).catch('').default(''),
  q: z.string().trim().max(100).catch('').default(''),
  done: z.string().max(20).optional(),
})
const Text = (max: number) => z.string().max(max).default('')

/** An attachment's name in Content-Disposition, safe whatever the reader called the file. */
function dispositionOf(name: string) {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`
}

export function inboxRoutes(app: FastifyInstance, ctx: RouteContext) {
  const inbox = ctx.deps.inbox
  const desk = ctx.guard('desk')
  const admin = ctx.guard('admin')
  const act = [desk, app.csrfProtection]
  const done = (id: number, what: string) => `/newsroom/inbox/${id}?done=${what}`

  app.get('/newsroom/inbox', { preHandler: desk }, async (request, reply) => {
    const q = ListQuery.parse(request.query)
    const [items, settings] = await Promise.all([
      inbox.list({ status: q.status, kind: q.kind || undefined, q: q.q || undefined }),
      inbox.settings(),
    ])
    return ctx.page(
      reply,
      <InboxListView
        frame={await ctx.frame(request, reply)}
        items={items}
        filter={{ status: q.status, kind: q.kind, q: q.q }}
        retentionDays={settings.attachmentRetentionDays}
        notice={q.done ? (nm.inbox.done[q.done] ?? null) : null}
      />,
    )
  })

  app.get('/newsroom/inbox/register.csv', { preHandler: admin }, async (_request, reply) => {
    const day = ctx.deps.clock.now().toISOString().slice(0, 10)
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="inbox-register-${day}.csv"`)
      .type('text/csv; charset=utf-8')
      .send(registerCsv(await inbox.register()))
  })

  app.post(
    '/newsroom/inbox/settings',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const form = z
        .object({ attachmentRetentionDays: z.coerce.number().int().min(1).max(3650) })
        .parse(request.body ?? {})
      await inbox.saveSettings(form)
      return reply.redirect('/newsroom/inbox?done=settings', 303)
    },
  )

  app.get('/newsroom/inbox/:id', { preHandler: desk }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const doneKey = z.object({ done: z.string().max(20).optional() }).parse(request.query).done
    const [item, staff] = await Promise.all([inbox.get(id), ctx.deps.staff.list()])
    return ctx.page(
      reply,
      <InboxItemView
        frame={await ctx.frame(request, reply)}
        item={item}
        staff={staff.filter((s) => s.active).map((s) => ({ id: s.id, name: s.name }))}
        notice={doneKey ? (nm.inbox.done[doneKey] ?? null) : null}
      />,
    )
  })

  // Whatever the file is, it leaves as bytes to save, never as a page the browser renders.
  app.get('/newsroom/inbox/:id/attachment', { preHandler: desk }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const file = await inbox.attachment(id)
    return reply
      .header('cache-control', 'private, no-store')
      .header('content-disposition', dispositionOf(file.name))
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', "default-src 'none'; sandbox")
      .type('application/octet-stream')
      .send(file.data)
  })

  app.post('/newsroom/inbox/:id/assign', { preHandler: act }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const { assigneeId } = z
      .object({
        assigneeId: z.union([z.literal('').transform(() => null), z.coerce.number().int().positive()]),
      })
      .parse(request.body ?? {})
    if (assigneeId !== null) {
      const member = (await ctx.deps.staff.list()).find((s) => s.id === assigneeId && s.active)
      if (!member) throw newsroomErrors.deskInput(nm.errors.invalidInput)
    }
    await inbox.assign(id, assigneeId, staffOf(request).id)
    return reply.redirect(done(id, 'assigned'), 303)
  })

  app.post('/newsroom/inbox/:id/reply', { preHandler: act }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const { text } = z.object({ text: Text(10_000) }).parse(request.body ?? {})
    const item = await inbox.get(id)
    await inbox.reply(id, text, staffOf(request).id)
    return reply.redirect(done(id, item.contact.includes('@') ? 'replied' : 'noted'), 303)
  })

  app.post('/newsroom/inbox/:id/decide', { preHandler: act }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const form = z
      .object({ decision: z.enum(['accepted', 'refused']), reason: Text(5000) })
      .parse(request.body ?? {})
    await inbox.decide(id, form.decision, form.reason, staffOf(request).id)
    return reply.redirect(done(id, form.decision), 303)
  })

  app.post('/newsroom/inbox/:id/publish', { preHandler: act }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const { text } = z.object({ text: Text(5000) }).parse(request.body ?? {})
    await inbox.publish(id, text, staffOf(request).id)
    return reply.redirect(done(id, 'published'), 303)
  })

  app.post('/newsroom/inbox/:id/close', { preHandler: act }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const { note } = z.object({ note: Text(2000) }).parse(request.body ?? {})
    await inbox.close(id, note, staffOf(request).id)
    return reply.redirect(done(id, 'closed'), 303)
  })
}
