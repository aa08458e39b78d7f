// Request ids: taken from the proxy's `x-request-id` when it sent a sane one, otherwise made
// here; logged with every line of the request (pino's reqId) and returned to the client, so
// one id follows a request from nginx through the app's logs.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyServerOptions } from 'fastify'

const HEADER = 'x-request-id'
const SANE = /^[\w.:@-]{1,128}$/

// Logged under Fastify's default label, `reqId`.
export const requestIdOptions: Pick<FastifyServerOptions, 'genReqId'> = {
  genReqId(request) {
    const given = request.headers[HEADER]
    return typeof given === 'string' && SANE.test(given) ? given : randomUUID()
  },
}

export function echoRequestId(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    reply.header(HEADER, request.id)
  })
}
