// Grows a generated corpus tenfold (or by --times N) for the search benchmark at archive
// scale: the articles of a bench/corpus.mjs corpus are copied N−1 times under new ids, each
// copy dated a further three years back, with their bylines and tags, and indexed.
//
//   node bench/scale-corpus.mjs [--from bench/out/corpus-100000] [--times 10]
//   → bench/out/corpus-<n>-scaled/sinmun.db, then
//   BENCH_CORPUS_DIR=bench/out/corpus-1000000-scaled BENCH_SKIP_REINDEX=1 SKIP_PG=1 \
//     BENCH_SECTION=search-scaled node bench/search-bench.mjs
//
// Why not `node bench/corpus.mjs 1000000`: its rows insert in minutes, but `sinmun reindex`
// tokenizes every article (about 200 s per 100,000 here, over half an hour for a million).
// The copies have the text of their originals, so each original is tokenized once (by the
// app's own tokenizer, from the app's own search source) and its token text written for
// every copy. Search reads the index only; what it measures is the index at that size.
import { copyFileSync, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
const { values } = parseArgs({
  options: { from: { type: 'string' }, times: { type: 'string' } },
})
const from = resolve(values.from ?? join(import.meta.dirname, 'out', 'corpus-100000'))
const times = Number(values.times ?? 10)
const log = (...args) => console.error(...args)
const YEARS_BACK_DAYS = 3 * 365

const { buildApp } = await import(join(dist, 'app.js'))
const { loadConfig } = await import(join(dist, 'platform/config.js'))
const { indexText } = await import(join(dist, 'modules/search/tokenizer.js'))

if (!existsSync(join(from, 'sinmun.db')))
  throw new Error(`${from}/sinmun.db is missing: run bench/corpus.mjs`)
const started = performance.now()
const source = new SQLite(join(from, 'sinmun.db'), { readonly: true })
const baseCount = source.prepare('SELECT count(*) AS n FROM articles').get().n
const offset = source.prepare('SELECT max(id) AS m FROM articles').get().m
source.close()
const dataDir = join(import.meta.dirname, 'out', `corpus-${baseCount * times}-scaled`)
mkdirSync(dataDir, { recursive: true })
for (const file of ['sinmun.db', 'sinmun.db-wal', 'sinmun.db-shm'])
  rmSync(join(dataDir, file), { force: true })
copyFileSync(join(from, 'sinmun.db'), join(dataDir, 'sinmun.db'))
log(`Scaling ${baseCount} articles ×${times} into ${dataDir}`)

const db = new SQLite(join(dataDir, 'sinmun.db'))
db.pragma('journal_mode = WAL')
db.pragma('synchronous = OFF')
db.pragma('cache_size = -262144')
const columns = db
  .prepare("SELECT name FROM pragma_table_info('articles')")
  .all()
  .map((r) => r.name)
const DATES = new Set([
  'created_at',
  'updated_at',
  'published_at',
  'modified_at',
  'scheduled_at',
  'submitted_at',
])
const shifted = (column, k) =>
  column === 'id'
    ? `id + ${k * offset}`
    : DATES.has(column)
      ? `strftime('%Y-%m-%dT%H:%M:%fZ', ${column}, '-${k * YEARS_BACK_DAYS} days')`
      : column
for (let k = 1; k < times; k++) {
  db.transaction(() => {
    db.exec(`INSERT INTO articles (${columns.join(', ')})
      SELECT ${columns.map((c) => shifted(c, k)).join(', ')} FROM articles WHERE id <= ${offset}`)
    db.exec(`INSERT INTO article_reporters (article_id, staff_id, position)
      SELECT article_id + ${k * offset}, staff_id, position FROM article_reporters WHERE article_id <= ${offset}`)
    db.exec(`INSERT INTO article_tags (article_id, tag_id)
      SELECT article_id + ${k * offset}, tag_id FROM article_tags WHERE article_id <= ${offset}`)
    db.exec(`INSERT INTO search_documents (article_id, status, section_id, dated_at, day)
      SELECT article_id + ${k * offset}, status, section_id,
        strftime('%Y-%m-%dT%H:%M:%fZ', dated_at, '-${k * YEARS_BACK_DAYS} days'), day - ${k * YEARS_BACK_DAYS}
      FROM search_documents WHERE article_id <= ${offset}`)
    db.exec(`INSERT INTO search_document_reporters (article_id, staff_id)
      SELECT article_id + ${k * offset}, staff_id FROM search_document_reporters WHERE article_id <= ${offset}`)
  })()
  log(`  copy ${k}: rows (${((performance.now() - started) / 1000).toFixed(0)} s)`)
}

// The token text of every original, from the app's own search source and tokenizer.
const config = loadConfig({
  NODE_ENV: 'development',
  DATA_DIR: from,
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
})
const app = await buildApp(config, { logger: false })
const insert = db.prepare(
  'INSERT INTO search_fts (rowid, headline, byline, photos, body) VALUES (?, ?, ?, ?, ?)',
)
let afterId = 0
let done = 0
try {
  for (;;) {
    const batch = await app.services.searchSource.loadBatch(afterId, 1000)
    if (batch.lastId === null) break
    afterId = batch.lastId
    const tokens = batch.documents.map((d) => [
      d.articleId,
      indexText(d.headline),
      indexText(d.byline),
      indexText(d.photos),
      indexText(d.body),
    ])
    db.transaction(() => {
      for (let k = 1; k < times; k++) for (const [id, ...text] of tokens) insert.run(id + k * offset, ...text)
    })()
    done += batch.scanned
    process.stderr.write(`\r  index copies: ${done}/${baseCount}   `)
  }
} finally {
  await app.close()
}
log('\n  optimizing the index')
db.exec("INSERT INTO search_fts (search_fts) VALUES ('optimize')")
db.exec('ANALYZE')
db.pragma('wal_checkpoint(TRUNCATE)')
const articles = db.prepare('SELECT count(*) AS n FROM articles').get().n
const sizes = db
  .prepare("SELECT name, sum(pgsize) AS bytes FROM dbstat WHERE name LIKE 'search%' GROUP BY name")
  .all()
db.close()
const info = {
  articles,
  scaledFrom: from,
  times,
  generatedAt: new Date().toISOString(),
  seconds: Math.round((performance.now() - started) / 1000),
  databaseBytes: statSync(join(dataDir, 'sinmun.db')).size,
  searchIndexBytes: Object.fromEntries(sizes.map((s) => [s.name, s.bytes])),
}
writeFileSync(join(dataDir, 'corpus.json'), `${JSON.stringify(info, null, 2)}\n`)
log(`Scaled corpus ready: ${articles} articles in ${info.seconds} s`)
