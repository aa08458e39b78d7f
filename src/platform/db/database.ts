// Opens SQLite or PostgreSQL behind the same Kysely API. Which tables exist is not known here:
// the composition root passes the assembled table interface (src/schema.ts).
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, type LogEvent, PostgresDialect, SqliteDialect } from 'kysely'
import type pg from 'pg'
import type { Config } from '../config.js'
import { registerRawSqlite } from './prepared.js'

export type Dialect = 'sqlite' | 'postgres'

/** An open database; `DB` is the table interface the composition root assembles (src/schema.ts). */
export interface Db<DB = unknown> {
  kysely: Kysely<DB>
  dialect: Dialect
  close(): Promise<void>
}

// PostgreSQL returns int8 (count, sum) as strings to be safe with huge numbers; ours fit.
// pg loads only when PostgreSQL is configured: the embedded SQLite site never needs it.
let pgModule: typeof pg | undefined
function loadPg(): typeof pg {
  if (!pgModule) {
    pgModule = createRequire(import.meta.url)('pg') as typeof pg
    pgModule.types.setTypeParser(20, (v) => Number.parseInt(v, 10))
  }
  return pgModule
}

/**
 * The same database seen through part of its tables. Kysely's types do not narrow by themselves
 * (a transaction over every table is not a transaction over some), so the composition root
 * hands each module its own tables with this; `Full extends Sub` checks they are there.
 */
export const tablesFor = <Sub, Full extends Sub = Sub>(db: Kysely<Full>): Kysely<Sub> =>
  db as unknown as Kysely<Sub>

export interface OpenDatabaseOptions {
  /** Called after every query with its duration (metrics). */
  onQuery?: (durationMs: number, failed: boolean) => void
  /** Told of a PostgreSQL connection error outside any query (stderr when not given). */
  onConnectionError?: (error: Error) => void
}

export function openDatabase<DB>(config: Config['database'], options: OpenDatabaseOptions = {}): Db<DB> {
  const { onQuery, onConnectionError = (error) => console.error('PostgreSQL connection error', error) } =
    options
  const log = onQuery
    ? (event: LogEvent) => onQuery(event.queryDurationMillis, event.level === 'error')
    : undefined
  if (config.kind === 'sqlite') {
    if (config.file !== ':memory:') mkdirSync(dirname(config.file), { recursive: true })
    const sqlite = new SQLite(config.file)
    sqlite.pragma('journal_mode = WAL')
    // FULL syncs the WAL at every commit, so an acknowledged write survives a power loss or a
    // kernel crash. NORMAL (SQLITE_SYNCHRONOUS=NORMAL) syncs only at checkpoints: it survives a
    // process crash, but an OS crash may lose the last commits. Cost: bench/durability-bench.mjs.
    sqlite.pragma(`synchronous = ${config.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`)
    sqlite.pragma('foreign_keys = ON')
    sqlite.pragma('busy_timeout = 5000')
    // Gathers planner statistics where they are missing or stale; without them SQLite picked
    // the status index over the primary key on 100,000 articles.
    sqlite.pragma('optimize = 0x10002')
    dropValueSamples(sqlite)
    cachePreparedStatements(sqlite)
    const kysely = new Kysely<DB>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
      log,
    })
    registerRawSqlite(kysely, { sqlite, onQuery })
    return { kysely, dialect: 'sqlite', close: () => kysely.destroy() }
  }
  const pool = new (loadPg().Pool)({ connectionString: config.url, ...postgresLimits(config) })
  // A connection dropped by a PostgreSQL restart is an event, not a crash: the query on it
  // fails (and is reported by the request that ran it), the pool discards the connection and
  // the next query opens a fresh one. Without these listeners pg throws from an event emitter;
  // they log the error so an operator sees why connections drop.
  pool.on('error', onConnectionError)
  pool.on('connect', (client) => client.on('error', onConnectionError))
  const kysely = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log,
  })
  return { kysely, dialect: 'postgres', close: () => kysely.destroy() }
}

/**
 * Every wait on PostgreSQL has an end. The server cancels a statement or a lock wait past the
 * statement timeout and ends a transaction left idle; the client gives up on a connection it
 * cannot get (pool full or server silent) and on a query the server never answers, which is
 * what a hung server (stopped, not down) looks like: the socket stays open and no error comes.
 */
export function postgresLimits(config: { schema?: string; statementTimeoutMs?: number }) {
  const statementMs = config.statementTimeoutMs ?? 10_000
  const settings = [
    `-c statement_timeout=${statementMs}`,
    `-c lock_timeout=${statementMs}`,
    `-c idle_in_transaction_session_timeout=${Math.max(statementMs * 3, 30_000)}`,
    ...(config.schema ? [`-c search_path=${config.schema}`] : []),
  ]
  return {
    max: 10,
    options: settings.join(' '),
    connectionTimeoutMillis: 3_000,
    // Past the server's own timeout, so a slow statement is cancelled there first.
    query_timeout: statementMs + 2_000,
    keepAlive: true,
  }
}

/**
 * Keeps the per-index statistics (sqlite_stat1) and drops the sampled values (sqlite_stat4)
 * that ANALYZE also writes in better-sqlite3's build. With samples present, SQLite re-plans a
 * statement every time a value compared with an indexed column is bound, so a prepared
 * statement was parsed and planned again on each run: 2–4× the cost of a small reader query,
 * measured on the benchmark corpus. Our queries are plain index lookups that stat1 plans well.
 */
function dropValueSamples(sqlite: SQLite.Database) {
  const hasSamples = sqlite.prepare("select 1 from sqlite_schema where name = 'sqlite_stat4'").pluck().get()
  if (!hasSamples || !sqlite.prepare('select 1 from sqlite_stat4 limit 1').get()) return
  sqlite.exec('delete from sqlite_stat4')
  // Reloads the statistics this connection plans with.
  sqlite.exec('analyze sqlite_schema')
}

/**
 * Kysely's SQLite driver prepares every statement it runs; preparing costs more than running
 * a small indexed query. Statements are kept by SQL text (bounded), which is safe because
 * better-sqlite3 runs them synchronously and we never stream.
 */
function cachePreparedStatements(sqlite: SQLite.Database, max = 1000) {
  const prepare = sqlite.prepare.bind(sqlite)
  const cache = new Map<string, SQLite.Statement>()
  sqlite.prepare = ((source: string) => {
    let statement = cache.get(source)
    if (!statement) {
      statement = prepare(source)
      if (cache.size >= max) cache.delete(cache.keys().next().value as string)
      cache.set(source, statement)
    }
    return statement
  }) as typeof sqlite.prepare
}
