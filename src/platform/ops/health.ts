// Liveness and readiness for load balancers and orchestrators. /healthz: the process answers.
// /readyz: the database answers and every migration this code knows is applied; 503 otherwise,
// so a node is taken out of rotation instead of serving errors.
import type { FastifyPluginAsync } from 'fastify'
import { type Kysely, Migrator, sql } from 'kysely'
import { migrations } from '../db/migrations/index.js'

export interface HealthDeps<DB> {
  db: Kysely<DB>
}

const NO_STORE = 'no-store'

export async function readiness<DB>(db: Kysely<DB>): Promise<{ ready: boolean; reason?: string }> {
  try {
    await sql`select 1`.execute(db)
  } catch (error) {
    return { ready: false, reason: `database unreachable: ${(error as Error).message}` }
  }
  try {
    const known = await new Migrator({
      db,
      provider: { getMigrations: async () => migrations },
    }).getMigrations()
    const pending = known.filter((m) => !m.executedAt).map((m) => m.name)
    if (pending.length > 0) return { ready: false, reason: `migrations pending: ${pending.join(', ')}` }
  } catch (error) {
    return { ready: false, reason: `migrations unknown: ${(error as Error).message}` }
  }
  return { ready: true }
}

export const healthRoutes =
  <DB>(deps: HealthDeps<DB>): FastifyPluginAsync =>
  async (app) => {
    app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => {
      return reply.header('cache-control', NO_STORE).send({ status: 'ok' })
    })
    app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
      const { ready, reason } = await readiness(deps.db)
      return reply
        .code(ready ? 200 : 503)
        .header('cache-control', NO_STORE)
        .send(ready ? { status: 'ready' } : { status: 'unavailable', reason })
    })
  }
