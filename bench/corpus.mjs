// The benchmark corpus: the demo outlet (seeded by the real seeder, so pages have the demo's
// shape) plus N published articles bulk-inserted with better-sqlite3, cached on disk and
// reused while the schema, the demo content and this generator stay the same.
// Run alone: `node bench/corpus.mjs [articles]` (after `npm run build`).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import { insertArticles } from './corpus-insert.mjs'

/** Bump when the generated data changes shape, so cached corpora are rebuilt. */
export const GENERATOR_VERSION = 1

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
const HOUR = 3_600_000

/** BENCH_CORPUS_DIR, or the cached corpus of `articles` articles under bench/out (made if missing). */
export async function benchCorpusDir(articles, log = console.log) {
  if (process.env.BENCH_CORPUS_DIR) return process.env.BENCH_CORPUS_DIR
  const dataDir = join(import.meta.dirname, 'out', `corpus-${articles}`)
  await generateCorpus({ dataDir, articles, log })
  return dataDir
}

/**
 * Creates (or reuses) `<dataDir>/sinmun.db` with the demo outlet and `articles` generated
 * articles. Returns the database path and the corpus description written beside it.
 */
export async function generateCorpus({ dataDir, articles = 100_000, log = console.log }) {
  if (!existsSync(join(dist, 'cli.js'))) throw new Error('dist/ is missing: run `npm run build` first')
  const dbFile = join(dataDir, 'sinmun.db')
  const infoFile = join(dataDir, 'corpus.json')
  const hasReindex = cliCommands().includes('reindex')
  const key = await corpusKey(articles, hasReindex)
  const cached =
    existsSync(infoFile) && existsSync(dbFile) ? JSON.parse(readFileSync(infoFile, 'utf8')) : null
  if (cached?.key === key) {
    const info = freshen(dbFile, cached, log)
    await analyze(dbFile)
    writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`)
    log(`Corpus: reusing ${dataDir} (${info.articles} articles, key ${key})`)
    return { dbFile, dataDir, info }
  }

  const started = Date.now()
  log(`Corpus: generating ${articles} articles in ${dataDir} (key ${key})`)
  // The media folder survives: the seeder reuses generated photo sizes by their fixed keys.
  for (const file of ['sinmun.db', 'sinmun.db-wal', 'sinmun.db-shm', 'corpus.json']) {
    rmSync(join(dataDir, file), { force: true })
  }
  mkdirSync(dataDir, { recursive: true })
  await seedDemoOutlet(dataDir)
  log(`  demo outlet seeded (${((Date.now() - started) / 1000).toFixed(1)} s)`)

  const now = Date.now()
  const sqlite = new SQLite(dbFile)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = OFF')
  try {
    const counts = await insertArticles(sqlite, { articles, now, log })
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
    log(
      `  inserted ${counts.articles} articles, ${counts.views} view rows, ${counts.comments} comments ` +
        `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
    )
  } finally {
    sqlite.close()
  }

  let searchIndexed = false
  if (hasReindex) {
    const t = Date.now()
    execFileSync(process.execPath, [join(dist, 'cli.js'), 'reindex'], {
      env: { ...process.env, ...corpusEnv(dataDir) },
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    searchIndexed = true
    log(`  search index built (${((Date.now() - t) / 1000).toFixed(1)} s)`)
  }

  await analyze(dbFile)
  const info = {
    key,
    articles,
    generatorVersion: GENERATOR_VERSION,
    searchIndexed,
    /** The instant the generated timestamps are relative to; moved forward on reuse. */
    timeBase: new Date(now).toISOString(),
    generatedAt: new Date().toISOString(),
    generationSeconds: Math.round((Date.now() - started) / 100) / 10,
  }
  writeFileSync(infoFile, `${JSON.stringify(info, null, 2)}\n`)
  log(`Corpus: ready in ${info.generationSeconds} s`)
  return { dbFile, dataDir, info }
}

const corpusEnv = (dataDir) => ({
  NODE_ENV: 'development',
  DATA_DIR: dataDir,
  SEED_DEMO: 'false',
  LOG_LEVEL: 'silent',
})

function cliCommands() {
  const help = execFileSync(process.execPath, [join(dist, 'cli.js'), '--help'], { encoding: 'utf8' })
  return [...help.matchAll(/^ {2}([a-z-]+)\s/gm)].map((m) => m[1])
}

/** Same migrations, demo content, generator and size: same corpus. */
async function corpusKey(articles, hasReindex) {
  const { migrations } = await import(join(dist, 'platform/db/migrations/index.js'))
  const hash = createHash('sha256')
  hash.update(
    JSON.stringify({ migrations: Object.keys(migrations), GENERATOR_VERSION, articles, hasReindex }),
  )
  for (const file of ['modules/demo/demo-content.js', 'modules/demo/seed-demo.js']) {
    hash.update(readFileSync(join(dist, file)))
  }
  hash.update(readFileSync(join(import.meta.dirname, 'corpus-insert.mjs')))
  hash.update(readFileSync(join(import.meta.dirname, 'corpus-text.mjs')))
  return hash.digest('hex').slice(0, 12)
}

/** The real app and the real seeder fill the outlet, sections, reporters and photos. */
async function seedDemoOutlet(dataDir) {
  const { loadConfig } = await import(join(dist, 'platform/config.js'))
  const { buildApp } = await import(join(dist, 'app.js'))
  const { seedDemo } = await import(join(dist, 'modules/demo/index.js'))
  const app = await buildApp(loadConfig(corpusEnv(dataDir)), { logger: false })
  try {
    await seedDemo(app.services.seeding, { adminPassword: 'bench-admin-password' })
  } finally {
    await app.close()
  }
}

/**
 * Planner statistics, as a site that has been running has them: the database is opened once
 * the way Sinmun opens it (which gathers missing or stale statistics and drops the value
 * samples, see platform/db/database.ts), so no benchmark start writes to its fresh copy.
 * Writing first thing to a just-copied 700 MB file waited a second behind the kernel flushing it.
 */
async function analyze(dbFile) {
  const { openDatabase } = await import(join(dist, 'platform/db/database.js'))
  await openDatabase({ kind: 'sqlite', file: dbFile }).close()
  const sqlite = new SQLite(dbFile)
  try {
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    sqlite.close()
  }
}

/**
 * Moves every timestamp forward by the whole hours since the corpus was made, so "latest",
 * "most read in 24 hours" and comment times look the same on every run.
 */
function freshen(dbFile, info, log) {
  const hours = Math.floor((Date.now() - Date.parse(info.timeBase)) / HOUR)
  if (hours < 1) return info
  const t = Date.now()
  const sqlite = new SQLite(dbFile)
  const shift = (column) => `${column} = strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '+${hours} hours')`
  try {
    sqlite.transaction(() => {
      sqlite.exec(
        `UPDATE articles SET ${['created_at', 'updated_at', 'published_at', 'modified_at'].map(shift)}`,
      )
      sqlite.exec(`UPDATE comments SET ${['created_at', 'updated_at'].map(shift)}`)
      // The primary key includes the hour: move the rows out and back rather than in place.
      sqlite.exec(`CREATE TEMP TABLE shifted_views AS
        SELECT article_id, strftime('%Y-%m-%dT%H', hour || ':00:00', '+${hours} hours') AS hour, views
        FROM article_views`)
      sqlite.exec('DELETE FROM article_views')
      sqlite.exec('INSERT INTO article_views (article_id, hour, views) SELECT * FROM shifted_views')
      sqlite.exec('DROP TABLE shifted_views')
    })()
    sqlite.pragma('wal_checkpoint(TRUNCATE)')
  } finally {
    sqlite.close()
  }
  log(`Corpus: timestamps moved forward ${hours} h (${Date.now() - t} ms)`)
  return { ...info, timeBase: new Date(Date.parse(info.timeBase) + hours * HOUR).toISOString() }
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  const articles = Number(process.argv[2] ?? 100_000)
  await generateCorpus({ dataDir: join(import.meta.dirname, 'out', `corpus-${articles}`), articles })
}
