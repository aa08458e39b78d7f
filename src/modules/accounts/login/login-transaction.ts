// The login in progress (state, nonce, PKCE verifier, where to return) lives in a short-lived
// signed HttpOnly cookie: nothing is stored server-side before the reader has logged in.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { sameSitePath } from '../../../platform/http/return-path.js'

export const LOGIN_COOKIE = 'sinmun_login'
// Its path is /comments/login, so `__Host-` cannot apply; `__Secure-` still keeps plain-HTTP
// pages from setting it.
const loginCookieName = (secure: boolean) => (secure ? `__Secure-${LOGIN_COOKIE}` : LOGIN_COOKIE)
const TTL_SECONDS = 600

export const LoginTransaction = z.object({
  provider: z.string().min(1),
  state: z.string().min(16),
  nonce: z.string().min(16).nullable(),
  verifier: z.string().min(43),
  returnTo: z.string(),
  expiresAt: z.number(),
})
export type LoginTransaction = z.infer<typeof LoginTransaction>

export function saveTransaction(reply: FastifyReply, tx: LoginTransaction, secure: boolean) {
  reply.setCookie(loginCookieName(secure), Buffer.from(JSON.stringify(tx)).toString('base64url'), {
    path: '/comments/login',
    httpOnly: true,
    sameSite: 'lax',
    secure,
    signed: true,
    maxAge: TTL_SECONDS,
  })
}

/** The transaction of a validly signed, unexpired cookie, or undefined. */
export function readTransaction(
  request: FastifyRequest,
  nowMs: number,
  secure: boolean,
): LoginTransaction | undefined {
  const raw = request.cookies[loginCookieName(secure)]
  if (!raw) return undefined
  const unsigned = request.unsignCookie(raw)
  if (!unsigned.valid || !unsigned.value) return undefined
  try {
    const tx = LoginTransaction.parse(JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')))
    return tx.expiresAt > nowMs ? tx : undefined
  } catch {
    return undefined
  }
}

export function clearTransaction(reply: FastifyReply, secure: boolean) {
  reply.clearCookie(loginCookieName(secure), { path: '/comments/login', secure })
}

export const transactionTtlMs = TTL_SECONDS * 1000

/** Only paths on this site, normalised (platform/http/return-path.ts): login cannot redirect away. */
export const safeReturnPath = (value: unknown): string => sameSitePath(value)
