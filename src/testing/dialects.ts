// Which databases the data tests run on. SQLite always; PostgreSQL when reachable, and under
// CI it must be reachable: a missing service fails the run instead of skipping quietly.
import pg from 'pg'
import type { Dialect } from '../platform/db/database.js'

export const TEST_POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

let probe: Promise<boolean> | undefined

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_POSTGRES_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.query('select 1')
    return true
  } catch (error) {
    if (process.env.CI)
      throw new Error(`PostgreSQL is required under CI (${TEST_POSTGRES_URL})`, { cause: error })
    console.warn(`Skipping PostgreSQL tests: cannot reach ${TEST_POSTGRES_URL} (${(error as Error).message})`)
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

/** ['sqlite'] plus 'postgres' when it can be used; TEST_DIALECTS=sqlite limits the run. */
export async function testDialects(): Promise<Dialect[]> {
  const wanted = (process.env.TEST_DIALECTS ?? 'sqlite,postgres').split(',')
  const dialects: Dialect[] = ['sqlite']
  if (wanted.includes('postgres')) {
    probe ??= postgresReachable()
    if (await probe) dialects.push('postgres')
  }
  return dialects
}
