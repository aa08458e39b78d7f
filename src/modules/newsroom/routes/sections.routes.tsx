// Sections and the menu (admin). Each refusal comes back on the form with the admin's text and
// the reason at the field; nothing changes until a form passes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { type AdminSection, SectionForm, type SectionProblem } from '../../articles/index.js'
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import {
  emptySection,
  SectionEditView,
  type SectionErrors,
  SectionsView,
  type SectionValues,
} from '../views/sections.views.js'
import { IdParams } from './articles.routes.js'
import type { RouteContext } from './context.js'

const p = sm.sections.problems

const valuesFrom = (body: Record<string, unknown>): SectionValues => ({
  name: String(body.name ?? '').slice(0, 200),
  slug: String(body.slug ?? '').slice(0, 200),
  parentId: String(body.parentId ?? ''),
  hidden: body.hidden === '1',
})

const valuesOf = (s: AdminSection): SectionValues => ({
  name: s.name,
  slug: s.slug,
  parentId: s.parentId === null ? '' : String(s.parentId),
  hidden: s.hidden,
})

function check(values: SectionValues): { form: SectionForm } | { errors: SectionErrors } {
  const parsed = SectionForm.safeParse({ ...values, parentId: values.parentId || null })
  if (parsed.success) return { form: parsed.data }
  const errors: SectionErrors = {}
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (field === 'name') errors.name = p.name
    else if (field === 'slug') errors.slug = issue.message === 'slugReserved' ? p.slugReserved : p.slug
    else if (field === 'parentId') errors.parentId = p.parentInvalid
  }
  return { errors }
}

const problemErrors = (problem: SectionProblem): SectionErrors =>
  problem === 'slugTaken'
    ? { slug: p.slugTaken }
    : problem === 'parentInvalid'
      ? { parentId: p.parentInvalid }
      : problem === 'targetInvalid'
        ? { moveTo: p.targetInvalid }
        : {}

export function sectionsRoutes(app: FastifyInstance, ctx: RouteContext) {
  const admin = ctx.guard('admin')
  const sections = ctx.deps.sectionsAdmin
  const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>

  const list = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: SectionValues; errors?: SectionErrors; notice?: string | null } = {},
    status = 200,
  ) =>
    ctx.page(
      reply,
      <SectionsView
        frame={await ctx.frame(request, reply)}
        sections={await sections.list()}
        values={extra.values ?? emptySection}
        errors={extra.errors ?? {}}
        notice={extra.notice}
        error={status === 400 ? nm.errors.invalidInput : null}
      />,
      status,
    )

  const edit = async (
    request: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { values?: SectionValues; errors?: SectionErrors } = {},
    status = 200,
  ) => {
    const all = await sections.list()
    const section = all.find((s) => s.id === id)
    if (!section) return reply.callNotFound()
    return ctx.page(
      reply,
      <SectionEditView
        frame={await ctx.frame(request, reply)}
        section={section}
        sections={all}
        values={extra.values ?? valuesOf(section)}
        errors={extra.errors ?? {}}
        error={status === 400 ? nm.errors.invalidInput : null}
      />,
      status,
    )
  }

  app.get('/newsroom/sections', { preHandler: admin }, async (request, reply) => {
    const done = (request.query as { done?: string }).done
    return list(request, reply, {
      notice: done === 'saved' ? sm.sections.saved : done === 'removed' ? sm.sections.removed : null,
    })
  })

  app.post('/newsroom/sections', { preHandler: [admin, app.csrfProtection] }, async (request, reply) => {
    const values = valuesFrom(body(request))
    const checked = check(values)
    if ('errors' in checked) return list(request, reply, { values, errors: checked.errors }, 400)
    const result = await sections.create(checked.form)
    if (!result.ok) return list(request, reply, { values, errors: problemErrors(result.problem) }, 400)
    return reply.redirect('/newsroom/sections?done=saved', 303)
  })

  app.get('/newsroom/sections/:id', { preHandler: admin }, async (request, reply) =>
    edit(request, reply, IdParams.parse(request.params).id),
  )

  app.post('/newsroom/sections/:id', { preHandler: [admin, app.csrfProtection] }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const values = valuesFrom(body(request))
    const checked = check(values)
    if ('errors' in checked) return edit(request, reply, id, { values, errors: checked.errors }, 400)
    const result = await sections.update(id, checked.form)
    if (!result.ok) {
      if (result.problem === 'notFound') return reply.callNotFound()
      return edit(request, reply, id, { values, errors: problemErrors(result.problem) }, 400)
    }
    return reply.redirect('/newsroom/sections?done=saved', 303)
  })

  app.post(
    '/newsroom/sections/:id/move',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const { direction } = z.object({ direction: z.enum(['up', 'down']) }).parse(body(request))
      await sections.move(id, direction)
      return reply.redirect('/newsroom/sections?done=saved', 303)
    },
  )

  app.post(
    '/newsroom/sections/:id/delete',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const moveTo = Number(body(request).moveTo) || null
      const result = await sections.remove(id, moveTo)
      if (!result.ok) {
        if (result.problem === 'notFound') return reply.callNotFound()
        return edit(request, reply, id, { errors: problemErrors(result.problem) }, 400)
      }
      return reply.redirect('/newsroom/sections?done=removed', 303)
    },
  )
}
