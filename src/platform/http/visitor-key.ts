// An anonymous, daily-changing name for whoever sends a request: a keyed hash of the address,
// the browser's user agent and the Korea-time day. It lets a view be counted once per reader
// without a cookie (pages are served from a shared cache) and without keeping any address.
import { createHmac } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Clock } from '../clock.js'
import { koreaDay } from '../korea-time.js'

export function createVisitorKey(secret: string, clock: Clock) {
  return (request: FastifyRequest): string =>
    createHmac('sha256', secret)
      .update(`${koreaDay(clock.now())}\u0000${request.ip}\u0000${request.headers['user-agent'] ?? ''}`)
      .digest('base64url')
      .slice(0, 22)
}

export type VisitorKey = ReturnType<typeof createVisitorKey>
