// Authorization of every newsroom route: a staff session (the signed `nsid` cookie) and the
// role the route needs. Pages answer a missing login with a redirect to the login form;
// scripts (JSON, form posts) get 401. A wrong role is 403 either way.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { STAFF_SESSION_COOKIE } from '../../platform/http/cookies.js'
import { sessionToken } from '../../platform/sessions/session-cookie.js'
import type { StaffMember, StaffService } from '../staff/index.js'
import { newsroomErrors } from './newsroom.errors.js'
import { isAdmin, isDesk } from './newsroom.policy.js'

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffMember | null
  }
}

export type Need = 'staff' | 'desk' | 'admin'

export const { forbidden, loginRequired } = newsroomErrors

/** The staff member the route runs for; guarded routes always have one. */
export function staffOf(request: FastifyRequest): StaffMember {
  if (!request.staff) throw loginRequired()
  return request.staff
}

export function createGuard(staff: Pick<StaffService, 'fromSession'>, secureCookies: boolean) {
  return (need: Need) => async (request: FastifyRequest, reply: FastifyReply) => {
    const token = sessionToken(request, STAFF_SESSION_COOKIE, secureCookies)
    const member = token ? await staff.fromSession(token) : undefined
    reply.header('cache-control', 'private, no-store')
    if (!member) {
      const page = request.method === 'GET' && !(request.headers.accept ?? '').includes('application/json')
      if (page) return reply.redirect(`/newsroom/login?next=${encodeURIComponent(request.url)}`, 303)
      throw loginRequired()
    }
    if ((need === 'desk' && !isDesk(member)) || (need === 'admin' && !isAdmin(member))) throw forbidden()
    request.staff = member
  }
}
