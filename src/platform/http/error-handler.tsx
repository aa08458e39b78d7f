// One place turns every failure into a response: an HTML page for browsers, `{errors:[…]}` for
// API routes and scripts. Every AppError carries its catalogued code, status and Korean
// message (docs/errors.md); unknown errors become a plain 500 and are logged with the request id.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { classifyOutage } from '../db/outage.js'
import { AppError, type ErrorSpec, platformErrors } from '../errors.js'
import { messages } from '../i18n/messages.js'
import { ErrorPageView } from '../views/error.view.js'
import { renderPage } from '../views/render.js'
import type { SiteContext } from '../views/site-context.js'

export interface PublicError {
  code: string
  status: number
  message: string
  details: Record<string, unknown>
}

/** An area's own HTML page for a refusal (the newsroom shows it in its frame). */
export type ErrorPage = (request: FastifyRequest, reply: FastifyReply, error: PublicError) => Promise<string>

declare module 'fastify' {
  interface FastifyContextConfig {
    /** How the route answers errors: 'json' for API routes; without it the Accept header decides. */
    errorFormat?: 'json' | 'html'
    /** Set for every route of an area by `useErrorPage`. */
    errorPage?: ErrorPage
  }
}

const fromSpec = (spec: ErrorSpec, details: Record<string, unknown> = {}, status = spec.status) => ({
  code: spec.code,
  status,
  message: spec.message,
  details,
})

function toPublic(error: unknown): PublicError {
  if (error instanceof AppError) {
    return { code: error.code, status: error.status, message: error.message, details: error.details }
  }
  if (error instanceof ZodError) {
    return fromSpec(platformErrors.validationFailed, {
      issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    })
  }
  const outage = classifyOutage(error)
  if (outage) return fromSpec(outage === 'full' ? platformErrors.storageFull : platformErrors.unavailable)
  // Fastify and its plugins refuse with a status and an FST_* code; clients see ours.
  const fe = error as Partial<FastifyError>
  const status = fe.statusCode ?? 500
  if (status < 400 || status >= 500) return fromSpec(platformErrors.internal)
  if (fe.code?.startsWith('FST_CSRF')) return fromSpec(platformErrors.csrfInvalid)
  if (fe.code === 'FST_ERR_VALIDATION') return fromSpec(platformErrors.validationFailed)
  if (status === 404) return fromSpec(platformErrors.notFound)
  if (status === 413) return fromSpec(platformErrors.payloadTooLarge)
  if (status === 429) return fromSpec(platformErrors.rateLimited)
  return fromSpec(platformErrors.badRequest, {}, status)
}

/** Statuses whose sentence the reader is shown: refusals, and outages that say to come back. */
const tellsWhy = (status: number) => (status < 500 && status !== 404) || status === 503 || status === 507

/** Seconds a client should wait before retrying an outage. */
const RETRY_AFTER = { 503: '5', 507: '60' } as Record<number, string>

/** The page when even the site's frame cannot be drawn (the database is what failed). */
function plainPage(error: PublicError): string {
  const body = tellsWhy(error.status) ? error.message : messages.site.errorBody
  const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)
  return `<!doctype html><html lang="ko"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${error.status}</title><h1>${escapeHtml(messages.site.errorTitle)}</h1><p>${escapeHtml(body)}</p></html>`
}

/** JSON for API routes, and for scripts that did not ask for HTML; browsers always do. */
function answersJson(request: FastifyRequest): boolean {
  const declared = request.routeOptions.config?.errorFormat
  if (declared) return declared === 'json'
  const accept = request.headers.accept ?? ''
  if (accept.includes('text/html')) return false
  return accept.includes('application/json') || (request.method !== 'GET' && request.method !== 'HEAD')
}

/** Gives the routes registered after it in this plugin the area's own page for refusals. */
export function useErrorPage(app: FastifyInstance, page: ErrorPage) {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, errorPage: page }
  })
}

export interface ErrorHandlingOptions {
  /**
   * Where an address that is not ours now lives (an old address of a site that moved in);
   * asked before the 404 page is shown, answered with a 301.
   */
  movedTo?: (url: string) => Promise<string | undefined>
}

export function installErrorHandling(
  app: FastifyInstance,
  site: () => Promise<SiteContext>,
  options: ErrorHandlingOptions = {},
) {
  const sitePage = async (request: FastifyRequest, error: PublicError) => {
    try {
      const message = tellsWhy(error.status) ? error.message : undefined
      return renderPage(
        <ErrorPageView site={await site()} status={error.status} path={request.url} message={message} />,
      )
    } catch {
      return plainPage(error)
    }
  }
  const html = async (request: FastifyRequest, reply: FastifyReply, error: PublicError) => {
    const own = request.routeOptions.config?.errorPage
    // A server failure may be what breaks the area's frame too; the site's page is simpler.
    if (!own || error.status >= 500) return sitePage(request, error)
    try {
      return await own(request, reply, error)
    } catch (cause) {
      request.log.error({ err: cause }, 'error page failed')
      return sitePage(request, error)
    }
  }
  const respond = async (request: FastifyRequest, reply: FastifyReply, error: PublicError) => {
    reply.code(error.status).header('cache-control', 'no-store')
    const retryAfter = RETRY_AFTER[error.status]
    if (retryAfter && !reply.hasHeader('retry-after')) reply.header('retry-after', retryAfter)
    if (answersJson(request)) {
      return reply.send({ errors: [{ code: error.code, message: error.message, details: error.details }] })
    }
    return reply.type('text/html; charset=utf-8').send(await html(request, reply, error))
  }

  app.setErrorHandler(async (error, request, reply) => {
    const pub = toPublic(error)
    if (pub.status === 503 || pub.status === 507) request.log.warn({ err: error, code: pub.code }, 'outage')
    else if (pub.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: pub.code }, 'request refused')
    return respond(request, reply, pub)
  })

  app.setNotFoundHandler(async (request, reply) => {
    // An old address of a site that moved in goes straight to its page (one hop), before the
    // slash is trimmed.
    if (options.movedTo && (request.method === 'GET' || request.method === 'HEAD')) {
      const moved = await options.movedTo(request.url)
      if (moved) {
        return reply
          .code(301)
          .header('location', moved)
          .header('cache-control', 'public, max-age=86400')
          .send()
      }
    }
    const target = withoutTrailingSlash(request)
    if (target) return reply.redirect(target, 301)
    return respond(request, reply, fromSpec(platformErrors.notFound))
  })
}

/**
 * `/news/14/` is the address `/news/14` typed or pasted with a slash: the page without it,
 * query kept. Only for reads, and never to `//host`, which a browser would take for another site.
 */
function withoutTrailingSlash(request: FastifyRequest): string | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') return null
  const [path = '', query] = splitOnce(request.url, '?')
  if (path === '/' || !path.endsWith('/')) return null
  const trimmed = path.replace(/\/+$/, '')
  if (trimmed === '' || trimmed.startsWith('//') || trimmed.startsWith('/\\')) return null
  return query === undefined ? trimmed : `${trimmed}?${query}`
}

const splitOnce = (text: string, separator: string): [string, string?] => {
  const at = text.indexOf(separator)
  return at < 0 ? [text] : [text.slice(0, at), text.slice(at + 1)]
}
