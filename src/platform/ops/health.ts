// Liveness and readiness for load balancers and orchestrators. /healthz: the process answers.
// /readyz: the database answers in time, every migration this code knows is applied and the
// data disk has room; 503 otherwise, so a node is taken out of rotation instead of serving
// errors. Every check has a deadline: a hung database makes the answer 503, never a wait.
// Why a node is not ready (which may name hosts) is shown only to the operator (ops-access.ts).
import { statfs } from 'node:fs/promises'
import type { FastifyPluginAsync } from 'fastify'
import { type Kysely, Migrator, sql } from 'kysely'
import { migrations } from '../db/migrations/index.js'
import { type OpsAccess, opsAllowed } from './ops-access.js'

export interface HealthDeps<DB> {
  db: Kysely<DB>
  /** Folders that must have room for writes (the database's and the media folder). */
  disks?: string[]
  /** Free space below which a disk counts as full (MIN_FREE_DISK_MB). */
  minFreeBytes?: number
  access?: OpsAccess
}

const NO_STORE = 'no-store'
/** Below this, a write would fail or fill the disk to the last byte: the node says it is full. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024
/** The whole readiness answer comes within a second. */
const CHECK_DEADLINE_MS = 800

export interface Readiness {
  ready: boolean
  reason?: string
}

const within = <T>(ms: number, what: string, work: Promise<T>): Promise<T> =>
  Promise.race([
    work,
    new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms),
    ),
  ])

/** Free bytes for an unprivileged writer on the file system holding `path`. */
export async function freeBytes(path: string): Promise<number> {
  const fs = await statfs(path)
  return fs.bavail * fs.bsize
}

async function databaseReadiness<DB>(db: Kysely<DB>): Promise<Readiness> {
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

async function diskReadiness(disks: string[], minFree: number): Promise<Readiness> {
  for (const disk of disks) {
    const free = await freeBytes(disk).catch(() => null)
    if (free !== null && free < minFree)
      return { ready: false, reason: `disk full: ${Math.floor(free / 1024)} KB free under ${disk}` }
  }
  return { ready: true }
}

export async function readiness<DB>(
  db: Kysely<DB>,
  disks: string[] = [],
  minFree = MIN_FREE_BYTES,
): Promise<Readiness> {
  const checks = [
    within(CHECK_DEADLINE_MS, 'database', databaseReadiness(db)),
    within(CHECK_DEADLINE_MS, 'disk', diskReadiness(disks, minFree)),
  ]
  const results = await Promise.all(
    checks.map((check) =>
      check.catch((error: Error): Readiness => ({ ready: false, reason: error.message })),
    ),
  )
  const failed = results.filter((r) => !r.ready)
  return failed.length === 0
    ? { ready: true }
    : { ready: false, reason: failed.map((r) => r.reason).join('; ') }
}

export const healthRoutes =
  <DB>(deps: HealthDeps<DB>): FastifyPluginAsync =>
  async (app) => {
    app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => {
      return reply.header('cache-control', NO_STORE).send({ status: 'ok' })
    })
    app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
      const { ready, reason } = await readiness(deps.db, deps.disks, deps.minFreeBytes)
      const detailed = opsAllowed(deps.access, request)
      if (!ready) reply.header('retry-after', '5')
      return reply
        .code(ready ? 200 : 503)
        .header('cache-control', NO_STORE)
        .send(ready ? { status: 'ready' } : { status: 'unavailable', ...(detailed ? { reason } : {}) })
    })
  }
