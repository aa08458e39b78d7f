// Who may read the operator's views (/metrics, why /readyz says no): these name hosts, routes
// and error messages, which help an attacker more than a reader. With OPS_TOKEN set, a request
// must carry it as `Authorization: Bearer <token>`; without it they are open only outside
// production (a laptop, the tests), and closed in production.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

export interface OpsAccess {
  token: string | null
  production: boolean
}

export function opsAllowed(access: OpsAccess | undefined, request: FastifyRequest): boolean {
  if (!access) return true
  if (!access.token) return !access.production
  const header = request.headers.authorization ?? ''
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
  const wanted = Buffer.from(access.token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}
