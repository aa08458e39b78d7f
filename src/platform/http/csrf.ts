// CSRF protection on every state-changing request: @fastify/csrf-protection's token, kept
// with its secret in a signed, HttpOnly, SameSite=Lax cookie.
import csrf from '@fastify/csrf-protection'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { platformErrors, raise } from '../errors.js'

export async function installCsrf(app: FastifyInstance, secure: boolean) {
  await app.register(csrf, {
    // `__Host-` on HTTPS: a sibling subdomain cannot plant a secret whose token it knows.
    cookieKey: secure ? '__Host-csrf' : '_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'lax', secure, path: '/' },
    getToken: (request) => {
      const header = request.headers['x-csrf-token']
      if (typeof header === 'string') return header
      const body = request.body as { _csrf?: unknown } | undefined
      return typeof body?._csrf === 'string' ? body._csrf : undefined
    },
  })
}

export const csrfRefused = () => raise(platformErrors.csrfInvalid)

/** For bodies parsed inside the handler (multipart): checks the token once the fields are read. */
export async function requireCsrf(request: FastifyRequest, reply: FastifyReply, token: string | undefined) {
  const original = request.body
  request.body = { _csrf: token }
  try {
    await new Promise<void>((resolve, reject) => {
      request.server.csrfProtection(request, reply, (error?: Error) =>
        error ? reject(csrfRefused()) : resolve(),
      )
    })
  } finally {
    request.body = original
  }
}
