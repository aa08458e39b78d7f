// Session cookies: HttpOnly, SameSite=Lax, signed; on an HTTPS site also Secure and named with
// the `__Host-` prefix, which browsers accept only from this exact host over HTTPS with Path=/
// and no Domain: a sibling subdomain or a network attacker on plain HTTP cannot plant or
// overwrite them (session fixation).
import type { FastifyReply, FastifyRequest } from 'fastify'
import { SESSION_TTL_MS } from './session-store.js'

/** A cookie's name on this site: `__Host-name` when it is served over HTTPS. */
export const hostCookieName = (name: string, secure: boolean) => (secure ? `__Host-${name}` : name)

export function setSessionCookie(reply: FastifyReply, name: string, token: string, secure: boolean) {
  reply.setCookie(hostCookieName(name, secure), token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  })
}

export function clearSessionCookie(reply: FastifyReply, name: string, secure: boolean) {
  reply.clearCookie(hostCookieName(name, secure), { path: '/', secure })
}

/**
 * The token of a validly signed session cookie, or undefined. On an HTTPS site only the
 * `__Host-` cookie counts: a plain `sid` could have been set by someone else.
 */
export function sessionToken(request: FastifyRequest, name: string, secure: boolean): string | undefined {
  const raw = request.cookies[hostCookieName(name, secure)]
  if (!raw) return undefined
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid && unsigned.value ? unsigned.value : undefined
}
