// One place turns every failure into a response: HTML pages for browsers, `{errors:[…]}` for
// JSON clients. Unknown errors become a plain 500 and are logged with the request id.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { AppError } from '../errors.js'
import { ErrorPageView } from '../views/error.view.js'
import { renderPage } from '../views/render.js'
import type { SiteContext } from '../views/site-context.js'

interface PublicError {
  code: string
  status: number
  message: string
  details: Record<string, unknown>
}

function toPublic(error: unknown): PublicError {
  if (error instanceof AppError) {
    return { code: error.code, status: error.status, message: error.message, details: error.details }
  }
  if (error instanceof ZodError) {
    return {
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'The request is not valid.',
      details: { issues: error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    }
  }
  const fe = error as Partial<FastifyError>
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return {
      code: fe.code ?? 'BAD_REQUEST',
      status: fe.statusCode,
      message: fe.message ?? 'Bad request',
      details: {},
    }
  }
  return { code: 'INTERNAL', status: 500, message: 'Something went wrong.', details: {} }
}

const wantsJson = (request: FastifyRequest) =>
  (request.headers.accept ?? '').includes('application/json') &&
  !(request.headers.accept ?? '').includes('text/html')

export function installErrorHandling(app: FastifyInstance, site: () => Promise<SiteContext>) {
  const respond = async (request: FastifyRequest, reply: FastifyReply, error: PublicError) => {
    reply.code(error.status).header('cache-control', 'no-store')
    if (wantsJson(request)) {
      return reply.send({ errors: [{ code: error.code, message: error.message, details: error.details }] })
    }
    let html: string
    try {
      html = renderPage(<ErrorPageView site={await site()} status={error.status} path={request.url} />)
    } catch {
      html = `<!doctype html><html lang="ko"><title>${error.status}</title><h1>${error.status}</h1></html>`
    }
    return reply.type('text/html; charset=utf-8').send(html)
  }

  app.setErrorHandler(async (error, request, reply) => {
    const pub = toPublic(error)
    if (pub.status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: pub.code }, 'request refused')
    return respond(request, reply, pub)
  })

  app.setNotFoundHandler(async (request, reply) =>
    respond(request, reply, { code: 'NOT_FOUND', status: 404, message: 'Not found', details: {} }),
  )
}
