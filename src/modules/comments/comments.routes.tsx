// HTTP routes of the comment section. Every state change takes a CSRF token (form field or
// `x-csrf-token` header) and is authorized here or in the service; forms answer with a
// redirect or the form again (text kept), fetch callers (Accept: JSON) with JSON.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { tags } from '../../platform/cache/invalidation.js'
import { AppError } from '../../platform/errors.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { Reader, ReaderAuth } from '../accounts/index.js'
import { commentsErrors, formFixableCodes } from './comments.errors.js'
import { commentMessages as m } from './comments.messages.js'
import {
  CommentMessageView,
  CommentsPageView,
  DeleteConfirmView,
  MyCommentsView,
  WritePageView,
} from './comments.pages.js'
import type { CommentsReadModel, CommentViewer } from './comments.read-model.js'
import type { CommentsService } from './comments.service.js'
import type { CommentSettingsStore } from './comments.settings.js'
import { loginUrl } from './comments.view.js'

export interface CommentsRoutesDeps {
  service: CommentsService
  readModel: CommentsReadModel
  auth: Pick<ReaderAuth, 'currentReader'>
  settings: CommentSettingsStore
  site: () => Promise<SiteContext>
  guestsAllowed: boolean
  ratePerMinute: number
  ipRatePerMinute: number
}

const Id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1)
const IdParams = z.object({ id: Id })
const ListQuery = z.object({
  sort: z.enum(['newest', 'likes']).catch('newest').default('newest'),
  page: z.coerce.number().int().min(1).max(500).catch(1).default(1),
})
const text = z.string().max(100_000).catch('').default('')
const PostForm = z.object({
  body: text,
  parentId: z.union([Id, z.literal('').transform(() => undefined)]).optional(),
  guestName: z.string().max(200).optional(),
  guestPassword: z.string().max(200).optional(),
  // The form's random key for this write; anything else is ignored rather than refused, so a
  // reader's text is never lost to a malformed key.
  clientKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional()
    .catch(undefined),
})
const VoteForm = z.object({ kind: z.enum(['like', 'dislike']) })
const ReportForm = z.object({ reason: z.enum(Object.keys(m.reportReasons) as [string, ...string[]]) })
const DeleteForm = z.object({ password: z.string().max(200).optional() })
const EditForm = z.object({ body: text })

const wantsJson = (request: FastifyRequest) => (request.headers.accept ?? '').includes('application/json')
const PRIVATE = 'private, no-store'
const sendHtml = (reply: FastifyReply, html: string, status = 200) =>
  reply.code(status).header('cache-control', PRIVATE).type('text/html; charset=utf-8').send(html)

/** The Korean sentence for a refusal a reader can fix, or undefined for other errors. */
function readerMessage(error: unknown): string | undefined {
  return error instanceof AppError && formFixableCodes.has(error.code) ? error.message : undefined
}

export const commentsRoutes =
  (deps: CommentsRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    const { service } = deps

    const viewerOf = async (request: FastifyRequest, reply: FastifyReply): Promise<CommentViewer | null> => {
      const reader = await deps.auth.currentReader(request)
      return reader ? { reader, csrfToken: reply.generateCsrf() } : null
    }
    const requireReader = async (request: FastifyRequest): Promise<Reader> => {
      const reader = await deps.auth.currentReader(request)
      if (!reader) throw commentsErrors.loginRequired()
      return reader
    }
    const article = async (id: number) => {
      const found = await deps.readModel.articleFor(id)
      if (!found?.publishedAt) throw commentsErrors.articleNotFound()
      return found
    }
    // The count in a JSON answer is a courtesy: a write already stored is acknowledged even
    // when this follow-up read fails (the script then keeps the count it shows).
    const countOf = async (articleId: number): Promise<number | null> => {
      try {
        return (await deps.readModel.countsFor([articleId])).get(articleId) ?? 0
      } catch (error) {
        app.log.warn({ err: error }, 'comment count after a write failed')
        return null
      }
    }

    // Posting is limited per IP and per reader (guests count by IP). The plugin's own hook
    // runs once per request, so both limits are checked here with its limiter functions.
    const perIp = app.createRateLimit({
      max: deps.ipRatePerMinute,
      timeWindow: 60_000,
      keyGenerator: (r) => r.ip,
    })
    const perReader = app.createRateLimit({
      max: deps.ratePerMinute,
      timeWindow: 60_000,
      keyGenerator: async (r) => {
        const reader = await deps.auth.currentReader(r)
        return reader ? `reader:${reader.id}` : `guest:${r.ip}`
      },
    })
    const postingLimits = async (request: FastifyRequest, reply: FastifyReply) => {
      for (const limit of [perIp, perReader]) {
        const result = await limit(request)
        if (!result.isAllowed && result.isExceeded) {
          reply.header('retry-after', String(result.ttlInSeconds))
          throw commentsErrors.tooFast(result.ttlInSeconds)
        }
      }
    }

    app.get(
      '/news/:id/comments',
      { config: { pageCache: { query: ['sort', 'page'] } } },
      async (request, reply) => {
        const { id } = IdParams.parse(request.params)
        const query = ListQuery.parse(request.query)
        const found = await deps.readModel.articleFor(id)
        if (!found?.publishedAt) return reply.callNotFound()
        const [site, section] = await Promise.all([
          deps.site(),
          deps.readModel.sectionFor(id, await viewerOf(request, reply), query),
        ])
        const html = renderPage(<CommentsPageView site={site} article={found} section={section} />)
        return reply.sendPage(html, [tags.article(id), tags.outlet])
      },
    )

    app.get('/news/:id/comments/write', async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const found = await article(id)
      const viewer = await viewerOf(request, reply)
      if (!viewer && !deps.guestsAllowed) return reply.redirect(loginUrl(`/news/${id}#comments`), 303)
      const settings = await deps.settings.get()
      const html = renderPage(
        <WritePageView
          site={await deps.site()}
          article={found}
          viewer={viewer}
          csrfToken={viewer?.csrfToken ?? reply.generateCsrf()}
          maxLength={settings.maxLength}
          guest={viewer ? undefined : { name: '' }}
          body=""
          parentId={null}
        />,
      )
      return sendHtml(reply, html)
    })

    // The limits are checked inside the handler, not as a preHandler, so that a refused
    // comment comes back in its form with every word the reader typed.
    app.post('/news/:id/comments', { preHandler: [app.csrfProtection] }, async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const form = PostForm.parse(request.body ?? {})
      const reader = await deps.auth.currentReader(request)
      const guest = !reader && form.guestName !== undefined
      if (!reader && !guest) {
        if (wantsJson(request)) throw commentsErrors.loginRequired()
        return reply.redirect(loginUrl(`/news/${id}#comments`), 303)
      }
      const parentId = form.parentId ?? null
      try {
        await postingLimits(request, reply)
        const result = await service.postComment(
          reader
            ? { kind: 'reader', reader }
            : { kind: 'guest', name: form.guestName ?? '', password: form.guestPassword ?? '' },
          { articleId: id, parentId, body: form.body, clientKey: form.clientKey ?? null },
        )
        if (wantsJson(request)) return { id: result.id, status: result.status, count: await countOf(id) }
        if (result.status === 'held') {
          const html = renderPage(
            <CommentMessageView
              site={await deps.site()}
              title={m.heldTitle}
              message={m.held}
              backUrl={`/news/${id}#comments`}
            />,
          )
          return sendHtml(reply, html, 202)
        }
        return reply.redirect(`/news/${id}#c-${result.id}`, 303)
      } catch (error) {
        const message = readerMessage(error)
        if (!message || wantsJson(request)) throw error
        // The form again, with what the reader typed, and what to fix.
        const found = await article(id)
        const viewer = reader ? { reader, csrfToken: reply.generateCsrf() } : null
        const html = renderPage(
          <WritePageView
            site={await deps.site()}
            article={found}
            viewer={viewer}
            csrfToken={viewer?.csrfToken ?? reply.generateCsrf()}
            maxLength={(await deps.settings.get()).maxLength}
            guest={reader ? undefined : { name: form.guestName ?? '' }}
            body={form.body}
            parentId={parentId}
            error={message}
          />,
        )
        return sendHtml(reply, html, (error as AppError).status)
      }
    })

    app.get('/comments/:id/delete', async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const target = await service.deleteTarget(id)
      if (!target.guest) {
        const reader = await deps.auth.currentReader(request)
        if (!reader) return reply.redirect(loginUrl(`/comments/${id}/delete`), 303)
        if (reader.id !== target.readerId) throw commentsErrors.forbidden()
      }
      const html = renderPage(
        <DeleteConfirmView
          site={await deps.site()}
          commentId={id}
          articleId={target.articleId}
          csrfToken={reply.generateCsrf()}
          guest={target.guest}
        />,
      )
      return sendHtml(reply, html)
    })

    app.post('/comments/:id/delete', { preHandler: app.csrfProtection }, async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const form = DeleteForm.parse(request.body ?? {})
      const target = await service.deleteTarget(id)
      try {
        const by = target.guest
          ? { guest: { password: form.password ?? '', ip: request.ip } }
          : { reader: await requireReader(request) }
        await service.deleteComment(id, by)
      } catch (error) {
        if (error instanceof AppError && error.code === 'COMMENTS_TOO_MANY_TRIES')
          reply.header('retry-after', String(error.details.retryAfterSeconds))
        const message = readerMessage(error)
        if (!message || wantsJson(request) || !target.guest) throw error
        const html = renderPage(
          <DeleteConfirmView
            site={await deps.site()}
            commentId={id}
            articleId={target.articleId}
            csrfToken={reply.generateCsrf()}
            guest
            error={message}
          />,
        )
        return sendHtml(reply, html, (error as AppError).status)
      }
      if (wantsJson(request)) return { deleted: true, count: await countOf(target.articleId) }
      return reply.redirect(`/news/${target.articleId}#comments`, 303)
    })

    /** Without JavaScript, a refused vote or report is a short page saying why, with the way back. */
    const refusedPage = async (reply: FastifyReply, error: unknown, title: string, commentId: number) => {
      const message = readerMessage(error)
      if (!message) throw error
      const target = await service.deleteTarget(commentId).catch(() => null)
      const html = renderPage(
        <CommentMessageView
          site={await deps.site()}
          title={title}
          message={message}
          backUrl={target ? `/news/${target.articleId}#c-${commentId}` : '/'}
        />,
      )
      return sendHtml(reply, html, (error as AppError).status)
    }

    app.post('/comments/:id/vote', { preHandler: app.csrfProtection }, async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const { kind } = VoteForm.parse(request.body ?? {})
      const reader = await requireReader(request)
      let result: Awaited<ReturnType<typeof service.vote>>
      try {
        result = await service.vote(reader, id, kind)
      } catch (error) {
        if (wantsJson(request)) throw error
        return refusedPage(reply, error, kind === 'like' ? m.like : m.dislike, id)
      }
      if (wantsJson(request)) return { likes: result.likes, dislikes: result.dislikes, voted: kind }
      return reply.redirect(`/news/${result.articleId}#c-${id}`, 303)
    })

    app.post('/comments/:id/report', { preHandler: app.csrfProtection }, async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const { reason } = ReportForm.parse(request.body ?? {})
      const reader = await requireReader(request)
      let result: Awaited<ReturnType<typeof service.report>>
      try {
        result = await service.report(reader, id, reason)
      } catch (error) {
        if (wantsJson(request)) throw error
        return refusedPage(reply, error, m.report, id)
      }
      if (wantsJson(request))
        return { reported: true, hidden: result.hidden, count: await countOf(result.articleId) }
      const html = renderPage(
        <CommentMessageView
          site={await deps.site()}
          title={m.report}
          message={m.reported}
          backUrl={`/news/${result.articleId}#comments`}
        />,
      )
      return sendHtml(reply, html)
    })

    app.get('/comments/mine', async (request, reply) => {
      const reader = await deps.auth.currentReader(request)
      if (!reader) return reply.redirect(loginUrl('/comments/mine'), 303)
      const { page } = z
        .object({ page: z.coerce.number().int().min(1).max(500).catch(1).default(1) })
        .parse(request.query)
      const mine = await service.commentsOf(reader.id, page)
      const html = renderPage(<MyCommentsView site={await deps.site()} page={page} {...mine} />)
      return sendHtml(reply, html)
    })

    app.post('/comments/:id/edit', { preHandler: app.csrfProtection }, async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const { body } = EditForm.parse(request.body ?? {})
      const result = await service.editComment(await requireReader(request), id, body)
      if (wantsJson(request)) return { status: result.status }
      return reply.redirect(`/news/${result.articleId}#c-${id}`, 303)
    })
  }
