// Queries compiled once and then only run: the reader pages' hot path.
//
// Kysely builds an operation tree, runs the camel-case plugin over it and compiles it to SQL on
// every call. Measured on the benchmark machine that costs ~110 µs per query, two to five
// times what SQLite takes to run a small indexed query, and an article page runs a dozen of
// them. A prepared query is built once per shape with placeholders in place of the arguments;
// a call only fills in the parameters. On SQLite, outside a transaction, the statement runs
// directly on better-sqlite3 (synchronously, so nothing can interleave with it).
import type SQLite from 'better-sqlite3'
import { type Compilable, CompiledQuery, type Kysely } from 'kysely'

// Any database: a module prepares its queries against its own tables (see `preparedFor`).
// biome-ignore lint/suspicious/noExplicitAny: the cache is keyed by the instance, whatever its tables
type Db = Kysely<any>

/** A value standing in for argument `arg` (element `index` of it when the argument is a list). */
class Placeholder {
  constructor(
    readonly arg: number,
    readonly index: number,
  ) {}
}

interface Plan {
  sql: string
  /** Where each parameter comes from: a placeholder, or a constant written in the query. */
  parameters: readonly unknown[]
}

interface RawSqlite {
  sqlite: SQLite.Database
  onQuery?: (durationMs: number, failed: boolean) => void
}

const rawSqlite = new WeakMap<Db, RawSqlite>()

/** Lets prepared queries on this SQLite database skip Kysely's executor (see openDatabase). */
export function registerRawSqlite(db: Db, raw: RawSqlite) {
  rawSqlite.set(db, raw)
}

// Arguments that must change the SQL (a sort order, an optional filter) do not belong in a
// prepared query's arguments: write one prepared query per variant. Tests check every call
// against a fresh Kysely compile so a builder that branches on an argument is caught.
const verify = process.env.NODE_ENV === 'test'

export interface PreparedQuery<DB, Args extends unknown[], Row> {
  all(db: Kysely<DB>, ...args: Args): Promise<Row[]>
  first(db: Kysely<DB>, ...args: Args): Promise<Row | undefined>
}

export interface PrepareOptions {
  /**
   * Arguments (by position) that the builder writes into the SQL with `sql.lit`: LIMIT and
   * OFFSET. SQLite re-plans a statement whenever a bound LIMIT or OFFSET changes, which tripled
   * the cost of a small ordered query; written as numbers, each value gets its own statement.
   * They must be integers.
   */
  inline?: readonly number[]
}

/** `prepare` typed for one module's tables: `const prepare = preparedFor<ArticlesTables>()`. */
export const preparedFor =
  <DB>() =>
  <Args extends unknown[], Row>(
    build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
    options?: PrepareOptions,
  ): PreparedQuery<DB, Args, Row> =>
    prepare(build, options)

export function prepare<DB, Args extends unknown[], Row>(
  build: (db: Kysely<DB>, ...args: Args) => Compilable<Row>,
  options: PrepareOptions = {},
): PreparedQuery<DB, Args, Row> {
  const plans = new WeakMap<Db, Map<string, Plan>>()
  const inline = new Set(options.inline ?? [])

  function planFor(db: Db, args: Args): Plan {
    const shape = args
      .map((a, i) => {
        if (!inline.has(i)) return Array.isArray(a) ? a.length : '.'
        if (!Number.isSafeInteger(a)) throw new Error(`prepared query: argument ${i} must be an integer`)
        return `=${a}`
      })
      .join(',')
    let byShape = plans.get(db)
    if (!byShape) {
      byShape = new Map()
      plans.set(db, byShape)
    }
    let plan = byShape.get(shape)
    if (!plan) {
      const placeholders = args.map((a, arg) => {
        if (inline.has(arg)) return a
        return Array.isArray(a) ? a.map((_, index) => new Placeholder(arg, index)) : new Placeholder(arg, -1)
      }) as Args
      const compiled = build(db, ...placeholders).compile()
      plan = { sql: compiled.sql, parameters: compiled.parameters }
      byShape.set(shape, plan)
    }
    return plan
  }

  function parametersOf(plan: Plan, args: Args): unknown[] {
    return plan.parameters.map((p) => {
      if (!(p instanceof Placeholder)) return p
      const value = args[p.arg]
      return p.index < 0 ? value : (value as unknown[])[p.index]
    })
  }

  async function all(db: Kysely<DB>, ...args: Args): Promise<Row[]> {
    const plan = planFor(db, args)
    const parameters = parametersOf(plan, args)
    if (verify) {
      const fresh = build(db, ...args).compile()
      if (fresh.sql !== plan.sql || JSON.stringify(fresh.parameters) !== JSON.stringify(parameters)) {
        throw new Error(`prepared query differs from its fresh compile:\n${plan.sql}\n${fresh.sql}`)
      }
    }
    const raw = rawSqlite.get(db)
    // Inside a transaction the one connection belongs to it: wait for it through Kysely.
    if (raw && !raw.sqlite.inTransaction) return runRaw(raw, plan.sql, parameters) as Row[]
    const result = await db.executeQuery(CompiledQuery.raw(plan.sql, parameters))
    return result.rows as Row[]
  }

  return {
    all,
    first: async (db, ...args) => (await all(db, ...args))[0],
  }
}

function runRaw(raw: RawSqlite, sql: string, parameters: unknown[]): Record<string, unknown>[] {
  const started = raw.onQuery ? performance.now() : 0
  let failed = true
  try {
    const rows = raw.sqlite.prepare(sql).all(parameters) as Record<string, unknown>[]
    failed = false
    return rows.map(camelCaseKeys)
  } finally {
    raw.onQuery?.(performance.now() - started, failed)
  }
}

const camelNames = new Map<string, string>()
const camelName = (column: string) => {
  let name = camelNames.get(column)
  if (name === undefined) {
    name = column.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
    camelNames.set(column, name)
  }
  return name
}

/** What Kysely's CamelCasePlugin does to result rows (our columns are lower snake case). */
function camelCaseKeys(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key in row) out[camelName(key)] = row[key]
  return out
}
