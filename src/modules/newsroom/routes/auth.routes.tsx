// Login, logout, the password-reset request and the set-password links (invite and reset).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../../platform/errors.js'
import { STAFF_SESSION_COOKIE } from '../../../platform/http/cookies.js'
import { sameSitePath } from '../../../platform/http/return-path.js'
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import {
  clearSessionCookie,
  sessionToken,
  setSessionCookie,
} from '../../../platform/sessions/session-cookie.js'
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import { LoginView, ResetRequestView, SetPasswordView } from '../views/auth.views.js'
import type { RouteContext } from './context.js'

const LoginForm = z.object({
  email: z.string().max(200).default(''),
  password: z.string().max(500).default(''),
  next: z.string().max(500).optional(),
})

/** Only newsroom paths are followed after login, never another site. */
const safeNext = (next: string | undefined) => {
  const path = sameSitePath(next, '/newsroom')
  return /^\/newsroom(\/|$|\?|#)/.test(path) ? path : '/newsroom'
}

const NOTICES: Record<string, string> = {
  out: nm.login.loggedOut,
  set: nm.login.passwordSet,
  setup: sm.setup.finished,
}

export function authRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { staff } = ctx.deps
  const noStore = { 'cache-control': 'private, no-store' }

  app.get('/newsroom/login', async (request, reply) => {
    const q = request.query as { next?: string; done?: string }
    reply.headers(noStore)
    const frame = await ctx.frame(request, reply)
    return ctx.page(reply, <LoginView frame={frame} next={q.next} notice={NOTICES[q.done ?? ''] ?? null} />)
  })

  app.post('/newsroom/login', { preHandler: app.csrfProtection }, async (request, reply) => {
    const form = LoginForm.parse(request.body ?? {})
    const result = await staff.login(form.email, form.password, request.ip)
    if (!result.ok) {
      const frame = await ctx.frame(request, reply)
      const error =
        result.reason === 'locked'
          ? msg(nm.login.locked, { time: formatKoreaDateTime(result.until) })
          : nm.login.invalid
      return ctx.page(
        reply,
        <LoginView frame={frame} email={form.email} next={form.next} error={error} />,
        result.reason === 'locked' ? 429 : 400,
      )
    }
    setSessionCookie(reply, STAFF_SESSION_COOKIE, result.token, ctx.deps.secureCookies)
    return reply.redirect(safeNext(form.next), 303)
  })

  app.post('/newsroom/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
    const token = sessionToken(request, STAFF_SESSION_COOKIE, ctx.deps.secureCookies)
    if (token) await staff.logout(token)
    clearSessionCookie(reply, STAFF_SESSION_COOKIE, ctx.deps.secureCookies)
    return reply.redirect('/newsroom/login?done=out', 303)
  })

  app.get('/newsroom/reset', async (request, reply) => {
    const frame = await ctx.frame(request, reply)
    const sent = (request.query as { sent?: string }).sent === '1'
    return ctx.page(reply, <ResetRequestView frame={frame} sent={sent} />)
  })

  app.post('/newsroom/reset', { preHandler: app.csrfProtection }, async (request, reply) => {
    const { email } = z.object({ email: z.string().max(200).default('') }).parse(request.body ?? {})
    if (email.includes('@')) await staff.requestReset(email)
    return reply.redirect('/newsroom/reset?sent=1', 303)
  })

  for (const purpose of ['invite', 'reset'] as const) {
    const path = `/newsroom/${purpose}/:token`
    app.get(path, async (request, reply) => {
      const { token } = request.params as { token: string }
      const frame = await ctx.frame(request, reply)
      const valid = await staff.tokenValid(token, purpose)
      return ctx.page(
        reply,
        <SetPasswordView
          frame={frame}
          action={`/newsroom/${purpose}/${encodeURIComponent(token)}`}
          invite={purpose === 'invite'}
          valid={valid}
        />,
        valid ? 200 : 400,
      )
    })

    app.post(path, { preHandler: app.csrfProtection }, async (request, reply) => {
      const { token } = request.params as { token: string }
      const { password, passwordAgain } = z
        .object({ password: z.string().max(500).default(''), passwordAgain: z.string().max(500).default('') })
        .parse(request.body ?? {})
      if (password !== passwordAgain) {
        const valid = await staff.tokenValid(token, purpose)
        return ctx.page(
          reply,
          <SetPasswordView
            frame={await ctx.frame(request, reply)}
            action={`/newsroom/${purpose}/${encodeURIComponent(token)}`}
            invite={purpose === 'invite'}
            valid={valid}
            error={sm.staff.passwordMismatch}
          />,
          400,
        )
      }
      try {
        await staff.setPasswordWithToken(token, purpose, password)
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400) throw error
        const frame = await ctx.frame(request, reply)
        const tooShort = error.code === 'STAFF_PASSWORD_TOO_SHORT'
        return ctx.page(
          reply,
          <SetPasswordView
            frame={frame}
            action={`/newsroom/${purpose}/${encodeURIComponent(token)}`}
            invite={purpose === 'invite'}
            valid={tooShort}
            error={nm.reset.tooShort}
          />,
          400,
        )
      }
      clearSessionCookie(reply, STAFF_SESSION_COOKIE, ctx.deps.secureCookies)
      return reply.redirect('/newsroom/login?done=set', 303)
    })
  }
}
