// Session cookies: HttpOnly, SameSite=Lax, Secure when the site runs on HTTPS, signed.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { SESSION_TTL_MS } from './session-store.js'

export function setSessionCookie(reply: FastifyReply, name: string, token: string, secure: boolean) {
  reply.setCookie(name, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  })
}

export function clearSessionCookie(reply: FastifyReply, name: string) {
  reply.clearCookie(name, { path: '/' })
}

/** The token of a validly signed session cookie, or undefined. */
export function sessionToken(request: FastifyRequest, name: string): string | undefined {
  const raw = request.cookies[name]
  if (!raw) return undefined
  const unsigned = request.unsignCookie(raw)
  return unsigned.valid && unsigned.value ? unsigned.value : undefined
}
