// A complete app for a test: its own SQLite file or PostgreSQL schema, its own data folder,
// a settable clock; the demo's generated photos are shared between tests (read-only reuse).
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import pg from 'pg'
import { buildApp, type Sinmun } from '../app.js'
import { seedDemo } from '../modules/demo/index.js'
import { fixedClock } from '../platform/clock.js'
import { type Config, loadConfig } from '../platform/config.js'
import type { Dialect } from '../platform/db/database.js'
import { TEST_POSTGRES_URL } from './dialects.js'

export const SHARED_TEST_MEDIA = resolve('node_modules/.cache/sinmun-test-media')

export interface TestAppOptions {
  dialect?: Dialect
  now?: string
  seed?: boolean
  env?: Record<string, string>
}

export type TestApp = Sinmun & {
  clock: ReturnType<typeof fixedClock>
  dataDir: string
  cleanup(): Promise<void>
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dialect = options.dialect ?? 'sqlite'
  const dataDir = mkdtempSync(join(tmpdir(), 'sinmun-test-'))
  const schema = `t_${randomBytes(6).toString('hex')}`
  if (dialect === 'postgres') await withPg((c) => c.query(`create schema ${schema}`))
  const base = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: dataDir,
    MEDIA_DIR: SHARED_TEST_MEDIA,
    LOG_LEVEL: 'silent',
    ...options.env,
  })
  const config: Config = {
    ...base,
    database: dialect === 'postgres' ? { kind: 'postgres', url: TEST_POSTGRES_URL, schema } : base.database,
  }
  const clock = fixedClock(options.now ?? '2025-02-05T03:00:00.000Z')
  const removeData = async () => {
    if (dialect === 'postgres') await withPg((c) => c.query(`drop schema ${schema} cascade`))
    rmSync(dataDir, { recursive: true, force: true })
  }
  let app: Sinmun | undefined
  try {
    app = await buildApp(config, { clock, logger: false })
    if (options.seed) await seedDemo(app.services.seeding, { adminPassword: 'test-admin-password' })
  } catch (error) {
    // A test that cannot start leaves no schema or folder behind.
    await app?.close()
    await removeData()
    throw error
  }
  const started = app
  return Object.assign(started, {
    clock,
    dataDir,
    async cleanup() {
      await started.close()
      await removeData()
    },
  })
}

async function withPg<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}
