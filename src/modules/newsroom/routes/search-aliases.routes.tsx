// 검색 동의어 (desk and admin): the desk's alias entries, added and removed here through the
// search module's public face; each change applies to the next search, with no reindex.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError, notFound } from '../../../platform/errors.js'
import type { SearchAliasesAdmin } from '../../search/index.js'
import { staffOf } from '../newsroom.guard.js'
import { nm } from '../newsroom.messages.js'
import { SearchAliasesView } from '../views/search-aliases.view.js'
import { IdParams } from './articles.routes.js'
import type { RouteContext } from './context.js'

const PAGE = '/newsroom/search-aliases'

export function searchAliasesRoutes(app: FastifyInstance, ctx: RouteContext, aliases: SearchAliasesAdmin) {
  const desk = ctx.guard('desk')

  async function show(
    request: FastifyRequest,
    reply: FastifyReply,
    state: { notice?: string | null; error?: string; typed?: string; status?: number },
  ) {
    const entries = await aliases.list()
    const names = await ctx.deps.staff.profiles([...new Set(entries.map((e) => e.createdBy))])
    return ctx.page(
      reply,
      <SearchAliasesView
        frame={await ctx.frame(request, reply)}
        entries={entries}
        builtin={aliases.builtin}
        names={new Map([...names.values()].map((p) => [p.id, p.name]))}
        notice={state.notice ?? null}
        error={state.error}
        typed={state.typed}
      />,
      state.status,
    )
  }

  app.get(PAGE, { preHandler: desk }, async (request, reply) => {
    const done = (request.query as { done?: string }).done
    const notice =
      done === 'added' ? nm.searchAliases.added : done === 'removed' ? nm.searchAliases.removed : null
    return show(request, reply, { notice })
  })

  app.post(PAGE, { preHandler: [desk, app.csrfProtection] }, async (request, reply) => {
    const { spellings } = z.object({ spellings: z.string().max(2000).default('') }).parse(request.body ?? {})
    try {
      await aliases.add(spellings, staffOf(request).id)
    } catch (error) {
      // A refused entry is shown again with what the desk typed and the reason.
      if (error instanceof AppError && error.code.startsWith('SEARCH_ALIAS_')) {
        return show(request, reply, { error: error.message, typed: spellings, status: error.status })
      }
      throw error
    }
    return reply.redirect(`${PAGE}?done=added`, 303)
  })

  app.post(`${PAGE}/:id/delete`, { preHandler: [desk, app.csrfProtection] }, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    try {
      await aliases.remove(id)
    } catch (error) {
      if (error instanceof AppError && error.code === 'SEARCH_ALIAS_NOT_FOUND') throw notFound('alias')
      throw error
    }
    return reply.redirect(`${PAGE}?done=removed`, 303)
  })
}
