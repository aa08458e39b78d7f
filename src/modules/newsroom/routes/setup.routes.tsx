// The first-run setup screen at /setup. Shown only while no admin exists; once setup is done
// (or on any site with an admin) it answers 404 with a sentence pointing at the login, and a
// form sent again changes nothing. The outlet module's setup service does the work.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { msg } from '../../../platform/i18n/messages.js'
import { MIN_PASSWORD_LENGTH } from '../../../platform/passwords.js'
import type { SetupField } from '../../outlet/index.js'
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import { SetupDoneView, SetupView } from '../views/setup.views.js'
import type { RouteContext } from './context.js'

const FIELDS: readonly SetupField[] = [
  'adminName',
  'email',
  'password',
  'passwordAgain',
  'outletName',
  'address',
]

export function setupRoutes(app: FastifyInstance, ctx: RouteContext) {
  const done = async (request: FastifyRequest, reply: FastifyReply) =>
    ctx.page(reply, <SetupDoneView frame={await ctx.frame(request, reply)} />, 404)

  app.get('/setup', async (request, reply) => {
    if (!(await ctx.deps.setup.isOpen())) return done(request, reply)
    return ctx.page(reply, <SetupView frame={await ctx.frame(request, reply)} values={{}} errors={{}} />)
  })

  app.post(
    '/setup',
    { preHandler: app.csrfProtection, config: { rateLimit: { max: 10, timeWindow: '10 minutes' } } },
    async (request, reply) => {
      const body = (request.body ?? {}) as Record<string, unknown>
      const input = Object.fromEntries(FIELDS.map((f) => [f, String(body[f] ?? '').slice(0, 500)]))
      const result = await ctx.deps.setup.run(input)
      if (result.ok) return reply.redirect('/newsroom/login?done=setup', 303)
      if (result.reason === 'done') return done(request, reply)
      const errors = Object.fromEntries(
        Object.entries(result.errors).map(([field, problem]) => [
          field,
          msg(sm.setup.problems[problem], { min: MIN_PASSWORD_LENGTH }),
        ]),
      )
      // Passwords are never sent back into the page.
      const { password: _p, passwordAgain: _a, ...kept } = input
      return ctx.page(
        reply,
        <SetupView
          frame={await ctx.frame(request, reply)}
          values={kept}
          errors={errors}
          error={nm.errors.invalidInput}
        />,
        400,
      )
    },
  )
}
