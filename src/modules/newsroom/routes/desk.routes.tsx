// The desk's actions on articles: 반려 with a note, 승인 with a grade and publish now or at a
// time, bulk approval from the waiting list, and withdrawal with a reason.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { notFound } from '../../../platform/errors.js'
import { newsroomErrors } from '../newsroom.errors.js'
import { staffOf } from '../newsroom.guard.js'
import { nm } from '../newsroom.messages.js'
import { IdParams } from './articles.routes.js'
import type { RouteContext } from './context.js'

const Grade = z.enum(['headline', 'important', 'normal'])

/** `datetime-local` values are Korea time (the newsroom's clock), stored as UTC. */
export function koreaLocalToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return null
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}+09:00`)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

export function deskRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { desk: workflow, articles } = ctx.deps
  const desk = [ctx.guard('desk'), app.csrfProtection]

  /** A refused desk action goes back to the editor with the reason, nothing else changed. */
  const refuse = newsroomErrors.deskInput

  async function existing(request: FastifyRequest) {
    const { id } = IdParams.parse(request.params)
    if (!(await articles.accessOf(id))) throw notFound('article')
    return id
  }
  const back = (reply: FastifyReply, id: number, done: string) =>
    reply.redirect(`/newsroom/articles/${id}/edit?done=${done}`, 303)

  app.post('/newsroom/articles/:id/return', { preHandler: desk }, async (request, reply) => {
    const id = await existing(request)
    const { note } = z.object({ note: z.string().trim().max(2000).default('') }).parse(request.body ?? {})
    if (!note) throw refuse(nm.desk.noteRequired)
    await workflow.returnArticle(id, note, staffOf(request).id)
    return back(reply, id, 'returned')
  })

  app.post('/newsroom/articles/:id/approve', { preHandler: desk }, async (request, reply) => {
    const id = await existing(request)
    const form = z
      .object({ grade: Grade.default('normal'), publishAt: z.string().trim().max(40).default('') })
      .parse(request.body ?? {})
    const at = form.publishAt ? koreaLocalToIso(form.publishAt) : null
    if (form.publishAt && !at) throw refuse(nm.desk.badTime)
    // A past time used to publish at once without a word; the desk most likely mistyped it.
    if (at && new Date(at).getTime() < ctx.deps.clock.now().getTime() - 60_000) throw refuse(nm.desk.pastTime)
    const outcome = await workflow.approveArticle(id, { grade: form.grade, at, by: staffOf(request).id })
    if (outcome === 'scheduled') return reply.redirect('/newsroom/articles?view=waiting&done=scheduled', 303)
    return back(reply, id, 'published')
  })

  app.post('/newsroom/articles/:id/withdraw', { preHandler: desk }, async (request, reply) => {
    const id = await existing(request)
    const form = z
      .object({ reason: z.string().trim().max(2000).default(''), confirm: z.string().optional() })
      .parse(request.body ?? {})
    if (!form.reason) throw refuse(nm.desk.reasonRequired)
    // Readers lose the page at once, so the desk ticks that it means it (works without scripts).
    if (form.confirm !== 'yes') throw refuse(nm.desk.withdrawConfirmRequired)
    await workflow.withdrawArticle(id, form.reason, staffOf(request).id)
    return back(reply, id, 'withdrawn')
  })

  app.post('/newsroom/articles/:id/restore', { preHandler: desk }, async (request, reply) => {
    const id = await existing(request)
    const outcome = await workflow.restoreArticle(id, staffOf(request).id)
    return back(reply, id, outcome === 'published' ? 'restored' : 'restoredDraft')
  })

  app.post('/newsroom/articles/bulk-approve', { preHandler: desk }, async (request, reply) => {
    const form = z
      .object({
        ids: z.union([z.string(), z.array(z.string())]).default([]),
        grade: Grade.default('normal'),
      })
      .parse(request.body ?? {})
    const ids = (Array.isArray(form.ids) ? form.ids : [form.ids])
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0)
    let count = 0
    for (const id of ids.slice(0, 100)) {
      const a = await articles.accessOf(id)
      if (a?.status !== 'submitted') continue
      await workflow.approveArticle(id, { grade: form.grade, by: staffOf(request).id })
      count++
    }
    return reply.redirect(`/newsroom/articles?view=waiting&done=bulk:${count}`, 303)
  })
}
