// Prometheus metrics at /metrics: requests and their latency by route, page-cache hits and
// misses, database query time. One registry per app (tests build many apps in one process).
import type { FastifyInstance } from 'fastify'
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client'
import { type OpsAccess, opsAllowed } from './ops-access.js'

export function createMetrics() {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, prefix: 'sinmun_' })
  const requests = new Counter({
    name: 'sinmun_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const latency = new Histogram({
    name: 'sinmun_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const pageCache = new Counter({
    name: 'sinmun_page_cache_requests_total',
    help: 'Cacheable page requests served from the page cache (hit) or rendered (miss).',
    labelNames: ['result'] as const,
    registers: [registry],
  })
  const queries = new Histogram({
    name: 'sinmun_db_query_duration_seconds',
    help: 'Database query time, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  })

  return {
    registry,
    /** For openDatabase: called after every query with its duration. */
    onQuery(durationMs: number, failed: boolean) {
      queries.observe({ outcome: failed ? 'error' : 'ok' }, durationMs / 1000)
    },
    /** Counts every answered request and serves /metrics. */
    install(app: FastifyInstance, access?: OpsAccess) {
      app.addHook('onResponse', async (request, reply) => {
        const route = request.routeOptions.url ?? 'unmatched'
        requests.inc({ method: request.method, route, status: String(reply.statusCode) })
        latency.observe({ method: request.method, route }, reply.elapsedTime / 1000)
        const cache = reply.getHeader('x-cache')
        if (cache === 'hit' || cache === 'miss') pageCache.inc({ result: cache })
      })
      app.get('/metrics', { logLevel: 'warn' }, async (request, reply) => {
        // Closed to the public: answered as if there were nothing here.
        if (!opsAllowed(access, request)) return reply.callNotFound()
        return reply
          .header('content-type', registry.contentType)
          .header('cache-control', 'no-store')
          .send(await registry.metrics())
      })
    },
  }
}

export type Metrics = ReturnType<typeof createMetrics>
