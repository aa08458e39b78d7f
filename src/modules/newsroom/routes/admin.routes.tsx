// Home curation and comment moderation (desk and admin), staff management (admin only).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../../platform/errors.js'
import { msg } from '../../../platform/i18n/messages.js'
import type { Delivery } from '../../staff/index.js'
import { parseSlotKey } from '../home-curation.js'
import { newsroomErrors } from '../newsroom.errors.js'
import { staffOf } from '../newsroom.guard.js'
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import { HomeCurationView, ModerationView, StaffView } from '../views/admin.views.js'
import { IdParams } from './articles.routes.js'
import type { RouteContext } from './context.js'
import type { ModerationFilter } from './moderation.port.js'

const Role = z.enum(['reporter', 'desk', 'admin'])
const BreakingHours = z.coerce.number().int().min(1).max(48)
const slotId = (v: unknown) => {
  const n = Number(v)
  return Number.isInteger(n) && n > 0 ? n : null
}
const idList = (v: unknown) =>
  (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(slotId).flatMap((n) => (n ? [n] : []))

export function adminRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { articles, home, staff: staffService } = ctx.deps
  const desk = ctx.guard('desk')
  const admin = ctx.guard('admin')

  // The home editor: the zones as readers will see them; a slot is filled by searching the
  // published articles (the search module), never by scrolling a list of every article.
  app.get('/newsroom/home', { preHandler: desk }, async (request, reply) => {
    const q = request.query as { done?: string; slot?: string; q?: string }
    const slot = parseSlotKey(q.slot) ? String(q.slot) : null
    const words = typeof q.q === 'string' ? q.q.trim().slice(0, 100) : ''
    const search = ctx.deps.searchRelated ?? ((w: string) => articles.searchPublishedHeadlines(w))
    const [pins, sections, site, candidates, picks, results] = await Promise.all([
      home.pins(),
      ctx.deps.readModel.sections(),
      ctx.deps.site(),
      articles.recentPublished(40),
      ctx.deps.todayPhotos.pickedIds(),
      words ? search(words) : Promise.resolve(null),
    ])
    const zones = ctx.deps.homeZones
      ? await ctx.deps.homeZones(site.sections, await home.arrangement())
      : null
    const frame = await ctx.frame(request, reply)
    const notices: Record<string, string> = {
      pins: nm.home.saved,
      photos: nm.home.todayPhotosSaved,
      breaking: nm.home.breakingSaved,
      'breaking-off': nm.home.breakingRemoved,
    }
    return ctx.page(
      reply,
      <HomeCurationView
        frame={frame}
        pins={pins}
        zones={zones}
        sections={sections}
        candidates={candidates}
        todayPicks={picks}
        slot={slot}
        words={words}
        results={results}
        now={ctx.deps.clock.now()}
        notice={notices[q.done ?? ''] ?? null}
      />,
    )
  })

  // Fills one slot (`slot`, `id`; an empty id puts the slot back to automatic).
  app.post('/newsroom/home', { preHandler: [desk, app.csrfProtection] }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const slot = parseSlotKey(body.slot)
    if (!slot) return reply.redirect('/newsroom/home', 303)
    const id = slotId(body.id)
    if (id !== null && (await ctx.deps.readModel.publishedCards([id])).length === 0)
      throw newsroomErrors.deskInput(nm.home.notPublished)
    await home.setSlot(slot, id)
    return reply.redirect('/newsroom/home?done=pins', 303)
  })

  app.post('/newsroom/home/breaking', { preHandler: [desk, app.csrfProtection] }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const text = typeof body.text === 'string' ? body.text.trim().slice(0, 120) : ''
    if (body.remove !== undefined || !text) {
      await home.setBreaking(null)
      return reply.redirect('/newsroom/home?done=breaking-off', 303)
    }
    const hours = BreakingHours.safeParse(body.hours).data ?? 3
    await home.setBreaking({
      text,
      articleId: slotId(body.articleId),
      until: new Date(ctx.deps.clock.now().getTime() + hours * 3_600_000).toISOString(),
    })
    return reply.redirect('/newsroom/home?done=breaking', 303)
  })

  app.post(
    '/newsroom/home/today-photos',
    { preHandler: [desk, app.csrfProtection] },
    async (request, reply) => {
      const ids = idList((request.body as { ids?: unknown } | undefined)?.ids).slice(0, 4)
      await ctx.deps.todayPhotos.pickTodayPhotos(ids)
      return reply.redirect('/newsroom/home?done=photos', 303)
    },
  )

  // What happened to a mail is carried to the list page in the address (a redirect after the
  // post), so a reload does not send it again; only the admin sees it.
  app.get('/newsroom/staff', { preHandler: admin }, async (request, reply) => {
    const q = request.query as { done?: string; email?: string; link?: string; reason?: string }
    const frame = await ctx.frame(request, reply)
    const email = (q.email ?? '').slice(0, 200)
    const link = (q.link ?? '').slice(0, 500)
    const reason = (q.reason ?? '').slice(0, 200)
    let notice: string | null = null
    let error: string | null = null
    if (q.done === 'invited') notice = msg(sm.mail.invited, { email })
    else if (q.done === 'invited-console') notice = msg(sm.mail.invitedConsole, { link })
    else if (q.done === 'invite-failed') error = msg(sm.mail.inviteFailed, { email, reason })
    else if (q.done === 'reset') notice = msg(sm.mail.resetSent, { email })
    else if (q.done === 'reset-console') notice = msg(sm.mail.resetConsole, { link })
    else if (q.done === 'reset-failed') error = msg(sm.mail.resetFailed, { email, reason })
    else if (q.done === 'saved') notice = nm.staff.saved
    return ctx.page(
      reply,
      <StaffView frame={frame} members={await staffService.list()} notice={notice} error={error} />,
    )
  })

  /** Where the list goes after a mail: sent, printed (no SMTP), or failed with the reason. */
  const afterMail = (kind: 'invite' | 'reset', email: string, delivery: Delivery & { link: string }) => {
    const base = kind === 'invite' ? 'invited' : 'reset'
    const q = new URLSearchParams({ email })
    if (!delivery.sent) q.set('reason', delivery.reason)
    else if (delivery.transport === 'console') q.set('link', delivery.link)
    const done = !delivery.sent
      ? `${kind}-failed`
      : delivery.transport === 'console'
        ? `${base}-console`
        : base
    return `/newsroom/staff?done=${done}&${q}`
  }

  app.post('/newsroom/staff', { preHandler: [admin, app.csrfProtection] }, async (request, reply) => {
    const raw = (request.body ?? {}) as { email?: string; name?: string }
    const form = z
      .object({
        email: z.email().max(200),
        name: z.string().trim().min(1).max(50),
        role: Role,
      })
      .safeParse(raw)
    const again = async (error: string) =>
      ctx.page(
        reply,
        <StaffView
          frame={await ctx.frame(request, reply)}
          members={await staffService.list()}
          notice={null}
          error={error}
          invite={{ email: String(raw.email ?? ''), name: String(raw.name ?? '') }}
        />,
        400,
      )
    if (!form.success) {
      const field = form.error.issues[0]?.path[0]
      return again(
        field === 'email'
          ? sm.staff.emailInvalid
          : field === 'name'
            ? sm.staff.nameInvalid
            : nm.errors.invalidInput,
      )
    }
    try {
      const delivery = await staffService.invite(form.data)
      return reply.redirect(afterMail('invite', form.data.email, delivery), 303)
    } catch (error) {
      if (error instanceof AppError && error.code === 'STAFF_EMAIL_TAKEN') return again(nm.staff.emailTaken)
      throw error
    }
  })

  app.post('/newsroom/staff/:id', { preHandler: [admin, app.csrfProtection] }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    const form = z
      .object({ role: Role.optional(), active: z.enum(['0', '1']).optional() })
      .parse(request.body ?? {})
    // An admin cannot lock themselves out by demoting or deactivating their own account.
    if (id === staffOf(request).id && (form.active === '0' || (form.role && form.role !== 'admin'))) {
      throw newsroomErrors.forbidden()
    }
    await staffService.update(id, {
      role: form.role,
      active: form.active === undefined ? undefined : form.active === '1',
    })
    return reply.redirect('/newsroom/staff?done=saved', 303)
  })

  app.post(
    '/newsroom/staff/:id/reset',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const delivery = await staffService.sendResetLink(id)
      return reply.redirect(afterMail('reset', delivery.email, delivery), 303)
    },
  )

  app.post(
    '/newsroom/staff/:id/invite',
    { preHandler: [admin, app.csrfProtection] },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const delivery = await staffService.resendInvite(id)
      return reply.redirect(afterMail('invite', delivery.email, { ...delivery, link: delivery.link }), 303)
    },
  )

  const Filter = z.enum(['held', 'reported', 'hidden']).catch('held').default('held')

  app.get('/newsroom/moderation', { preHandler: desk }, async (request, reply) => {
    const q = z.object({ filter: Filter, done: z.string().optional() }).parse(request.query)
    const port = ctx.deps.moderation
    const [items, words] = port ? await Promise.all([port.list(q.filter), port.bannedWords()]) : [null, []]
    const frame = await ctx.frame(request, reply)
    return ctx.page(
      reply,
      <ModerationView
        frame={frame}
        filter={q.filter as ModerationFilter}
        items={items}
        bannedWords={words}
        notice={q.done ? nm.moderation.done : null}
      />,
    )
  })

  const requirePort = () => {
    if (!ctx.deps.moderation) throw newsroomErrors.moderationUnavailable()
    return ctx.deps.moderation
  }

  app.post(
    '/newsroom/moderation/comments/:id/:action',
    { preHandler: [desk, app.csrfProtection] },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const { action } = z.object({ action: z.enum(['hide', 'restore', 'delete']) }).parse(request.params)
      const port = requirePort()
      const by = staffOf(request).id
      if (action === 'hide') await port.hide(id, by)
      else if (action === 'restore') await port.restore(id, by)
      else await port.remove(id, by)
      return reply.redirect('/newsroom/moderation?done=1', 303)
    },
  )

  app.post(
    '/newsroom/moderation/readers/:id/suspend',
    { preHandler: [desk, app.csrfProtection] },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      await requirePort().suspendReader(id, staffOf(request).id)
      return reply.redirect('/newsroom/moderation?done=1', 303)
    },
  )

  app.post(
    '/newsroom/moderation/readers/:id/reinstate',
    { preHandler: [desk, app.csrfProtection] },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      await requirePort().reinstateReader(id, staffOf(request).id)
      return reply.redirect('/newsroom/moderation?done=1', 303)
    },
  )

  app.post(
    '/newsroom/moderation/banned-words',
    { preHandler: [desk, app.csrfProtection] },
    async (request, reply) => {
      const { words } = z.object({ words: z.string().max(20_000).default('') }).parse(request.body ?? {})
      const list = [
        ...new Set(
          words
            .split('\n')
            .map((w) => w.trim())
            .filter(Boolean),
        ),
      ].slice(0, 1000)
      await requirePort().setBannedWords(list, staffOf(request).id)
      return reply.redirect('/newsroom/moderation?done=1', 303)
    },
  )
}
