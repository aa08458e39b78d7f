// Search benchmark: query latency (p50, p95) and the full reindex time on the generated
// corpus, on SQLite and on PostgreSQL, through the BUILT app's search service.
// Run: `npm run build && node bench/search-bench.mjs` (or as part of `npm run bench`).
// Env: BENCH_CORPUS_DIR (a corpus made by bench/corpus.mjs; generated when absent),
// BENCH_ARTICLES (default 100000), BENCH_RESULTS (default bench/RESULTS.md),
// BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test; SKIP_PG=1 to skip),
// BENCH_PG_SCHEMA (default bench_search_<pid>), BENCH_KEEP_PG=1 keeps that schema afterwards,
// SKIP_SQLITE=1 measures PostgreSQL only. BENCH_SKIP_REINDEX=1 measures the index the corpus
// already has (bench/scale-corpus.mjs builds one for a million articles);
// BENCH_PG_REUSE=1 measures the schema BENCH_PG_SCHEMA as a previous BENCH_KEEP_PG run left it
// (no copy; with BENCH_SKIP_REINDEX, no reindex either).
// BENCH_SECTION names the RESULTS.md section (default `search`; `search-scaled` for that run).
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'
import pg from 'pg'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
if (!existsSync(join(dist, 'app.js'))) throw new Error('dist/ is missing: run `npm run build` first')
const { buildApp } = await import(join(dist, 'app.js'))
const { loadConfig } = await import(join(dist, 'platform/config.js'))

const articles = Number(process.env.BENCH_ARTICLES ?? 100_000)
const resultsFile = process.env.BENCH_RESULTS ?? join(import.meta.dirname, 'RESULTS.md')
const pgUrl = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const ROUNDS = 5
const log = (...args) => console.error(...args)

/** What readers type on a news site: topics, names, compounds with particles, English, phrases. */
const QUERIES = [
  '삼성',
  '중국',
  'AI',
  '반도체',
  '전기차',
  '서울',
  '금리',
  '환율',
  '부동산',
  '청년',
  '스타게이트',
  '데이터센터',
  '데이터센터에서',
  '데이터 센터',
  '인공지능',
  '배터리',
  '공급망',
  '카카오',
  'OpenAI',
  'HBM',
  'HBM3E',
  '5000억',
  'V3',
  'EU',
  '삼성전자',
  '한미일',
  '기준금리',
  '전세사기',
  '랜섬웨어',
  '스미싱',
  '돌봄',
  '마라톤',
  '뮤지컬',
  '웹툰',
  '삼성 반도체',
  '중국 전기차',
  '금리 동결',
  '서울 교통',
  'AI 데이터센터',
  '전기차 화재',
  '청년 월세',
  '"기준금리 동결"',
  '"전기차 화재"',
  '"서울 도심"',
  '인공 지능',
  '기준 금리',
  '올트먼',
  '손정의',
  '이재용',
  '엔비디아',
  // Names and other spellings: reporters (bylines), a photo credit, aliases both ways.
  '윤지우',
  '정예린',
  '신문일보 DB',
  '오픈AI',
  'SoftBank',
  'Samsung',
  'Kakao',
  '미국',
]

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function corpusDir() {
  const { benchCorpusDir } = await import('./corpus.mjs')
  return benchCorpusDir(articles, log)
}

function progressBar(label) {
  const started = performance.now()
  return ({ done, total }) => {
    const seconds = (performance.now() - started) / 1000
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100
    process.stderr.write(`\r  ${label}: ${percent}% ${done}/${total} (${Math.round(done / seconds)}/s)   `)
    if (done >= total) process.stderr.write('\n')
  }
}

/**
 * CPU time taken by the search (this process, and the database server's backends when
 * `backendPids` lists them), in ms: a loaded machine inflates it far less than wall time.
 */
function cpuMeter(backendPids = async () => []) {
  const seen = new Map()
  const procCpu = (pid) => {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
      return (Number(fields[11]) + Number(fields[12])) * (1000 / 100)
    } catch {
      return null
    }
  }
  let backendMs = 0
  const sample = () => {
    for (const [pid, last] of seen) {
      const now = procCpu(pid)
      if (now === null) continue
      backendMs += now - last
      seen.set(pid, now)
    }
  }
  const started = process.cpuUsage()
  return {
    /** Picks up backends opened since the last call (their CPU before it is not counted). */
    async refresh() {
      sample()
      for (const pid of await backendPids()) if (!seen.has(pid)) seen.set(pid, procCpu(pid) ?? 0)
    },
    sample,
    totalMs() {
      sample()
      const own = process.cpuUsage(started)
      return (own.user + own.system) / 1000 + backendMs
    },
  }
}

async function measure(app, label, indexBytes, backendPids) {
  const search = app.services.search
  let reindex = { ms: Number.NaN, indexed: await app.services.searchSource.countArticles() }
  if (process.env.BENCH_SKIP_REINDEX) log(`${label}: measuring the corpus's own index`)
  else {
    log(`${label}: full reindex`)
    reindex = await search.reindex({ onProgress: progressBar(label) })
    log(`  ${reindex.indexed} documents in ${(reindex.ms / 1000).toFixed(1)} s`)
  }
  for (const q of QUERIES) await search.searchArticles({ q, limit: 20 })
  const cpu = cpuMeter(backendPids)
  await cpu.refresh()
  const times = []
  let matches = 0
  for (let round = 0; round < ROUNDS; round++) {
    await cpu.refresh()
    for (const q of QUERIES) {
      const started = performance.now()
      const result = await search.searchArticles({ q, limit: 20 })
      times.push(performance.now() - started)
      cpu.sample()
      if (round === 0) matches += result.total
    }
  }
  // Filters and the newest-first order, as the search page offers them.
  const filtered = []
  for (let round = 0; round < ROUNDS; round++) {
    await cpu.refresh()
    for (const q of QUERIES.slice(0, 20)) {
      const started = performance.now()
      await search.searchArticles({ q, sort: 'newest', from: '2025-01-01', limit: 20 })
      filtered.push(performance.now() - started)
      cpu.sample()
    }
  }
  const cpuPerQuery = cpu.totalMs() / (times.length + filtered.length)
  times.sort((a, b) => a - b)
  filtered.sort((a, b) => a - b)
  return {
    label,
    indexBytes: await indexBytes(),
    reindexSeconds: reindex.ms / 1000,
    documents: reindex.indexed,
    samples: times.length,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    max: times.at(-1),
    newestP95: percentile(filtered, 95),
    cpuPerQuery,
    averageMatches: matches / QUERIES.length,
  }
}

async function sqliteRun(dataDir) {
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  })
  const app = await buildApp(config, { logger: false })
  const indexBytes = async () => {
    const db = new SQLite(join(dataDir, 'sinmun.db'), { readonly: true })
    try {
      return db.prepare("SELECT sum(pgsize) AS n FROM dbstat WHERE name LIKE 'search%'").get().n
    } finally {
      db.close()
    }
  }
  try {
    return await measure(app, 'SQLite', indexBytes)
  } finally {
    await app.close()
  }
}

const TABLES = [
  ['sections', ['id', 'slug', 'name', 'position']],
  [
    'photos',
    [
      'id',
      'storage_key',
      'mime',
      'width',
      'height',
      'bytes',
      'widths',
      'caption',
      'credit',
      'alt',
      'uploaded_by',
      'created_at',
    ],
  ],
  ['staff', ['id', 'email', 'name', 'role', 'bio', 'created_at']],
  [
    'articles',
    [
      'id',
      'section_id',
      'headline',
      'subheadline',
      'body',
      'summary',
      'lead_photo_id',
      'status',
      'grade',
      'created_at',
      'updated_at',
      'published_at',
      'modified_at',
    ],
  ],
  ['article_reporters', ['article_id', 'staff_id', 'position']],
  ['tags', ['id', 'name']],
  ['article_tags', ['article_id', 'tag_id']],
]

/** Copies what search reads from the SQLite corpus into a fresh PostgreSQL schema. */
async function copyToPostgres(sqliteFile, client) {
  const sqlite = new SQLite(sqliteFile, { readonly: true })
  try {
    for (const [table, columns] of TABLES) {
      const rows = sqlite
        .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
        .raw()
        .iterate()
      let batch = []
      let copied = 0
      const flush = async () => {
        if (batch.length === 0) return
        const params = []
        const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`)
        await client.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')}`, params)
        copied += batch.length
        batch = []
      }
      for (const row of rows) {
        batch.push(row)
        if (batch.length * columns.length >= 20_000) await flush()
      }
      await flush()
      if (columns[0] === 'id') {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', 'id'), (SELECT coalesce(max(id), 1) FROM ${table}))`,
        )
      }
      log(`  copied ${copied} rows of ${table}`)
    }
  } finally {
    sqlite.close()
  }
}

async function postgresRun(dataDir) {
  const admin = new pg.Client({ connectionString: pgUrl, connectionTimeoutMillis: 3000 })
  try {
    await admin.connect()
  } catch (error) {
    log(`PostgreSQL unreachable at ${pgUrl} (${error.message}); skipped`)
    return null
  }
  // Per process: `npm run bench` may run this script while another copy runs.
  const schema = process.env.BENCH_PG_SCHEMA ?? `bench_search_${process.pid}`
  const reuse = Boolean(process.env.BENCH_PG_REUSE && process.env.BENCH_PG_SCHEMA)
  if (!reuse) {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.query(`CREATE SCHEMA ${schema}`)
  }
  const base = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  })
  // Named, so the benchmark finds its own server processes to count their CPU time.
  const applicationName = `sinmun_search_bench_${process.pid}`
  const url = `${pgUrl}${pgUrl.includes('?') ? '&' : '?'}application_name=${applicationName}`
  const config = { ...base, database: { kind: 'postgres', url, schema } }
  const app = await buildApp(config, { logger: false })
  try {
    await admin.query(`SET search_path = ${schema}`)
    if (!reuse) {
      log('PostgreSQL: copying the corpus')
      await copyToPostgres(join(dataDir, 'sinmun.db'), admin)
      await admin.query('ANALYZE')
    }
    const indexBytes = async () =>
      Number(
        (
          await admin.query(
            `SELECT (SELECT sum(pg_total_relation_size(relid)) FROM pg_partition_tree('${schema}.search_documents'))
              + pg_total_relation_size('${schema}.search_document_reporters') AS n`,
          )
        ).rows[0].n,
      )
    const backendPids = async () =>
      (
        await admin.query('SELECT pid FROM pg_stat_activity WHERE application_name = $1', [applicationName])
      ).rows.map((r) => r.pid)
    return await measure(app, 'PostgreSQL', indexBytes, backendPids)
  } finally {
    await app.close()
    if (!process.env.BENCH_KEEP_PG && !reuse) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
    await admin.end()
  }
}

const fmt = (n, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

function table(results) {
  const lines = [
    '| database | documents | index size | full reindex | queries timed | p50 | p95 | max | newest-first + date filter p95 | CPU per query | mean matches per query |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const r of results) {
    lines.push(
      `| ${r.label} | ${fmt(r.documents, 0)} | ${fmt(r.indexBytes / 1048576, 0)} MiB | ` +
        `${Number.isNaN(r.reindexSeconds) ? 'not run' : `${fmt(r.reindexSeconds)} s`} | ${r.samples} | ${fmt(r.p50, 2)} ms | ` +
        `${fmt(r.p95, 2)} ms | ${fmt(r.max, 1)} ms | ${fmt(r.newestP95, 2)} ms | ${fmt(r.cpuPerQuery, 2)} ms | ${fmt(r.averageMatches, 0)} |`,
    )
  }
  return lines.join('\n')
}

const SECTION = process.env.BENCH_SECTION ?? 'search'

function verdict(r, field, limit) {
  if (!r) return 'not measured'
  return `${r[field] <= limit ? '**met**' : '**not met**'} (${fmt(r[field], 2)} ms)`
}

function writeSection(results, notes) {
  const sqlite = results.find((r) => r.label === 'SQLite')
  const postgres = results.find((r) => r.label === 'PostgreSQL')
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')
  const block = `<!-- ${SECTION}:start -->
## Search${SECTION === 'search' ? '' : ` (${SECTION})`}

Written by \`bench/search-bench.mjs\` (\`npm run build && node bench/search-bench.mjs\`), ${new Date()
    .toISOString()
    .slice(0, 16)
    .replace(
      'T',
      ' ',
    )} UTC. ${fmt(articles, 0)} generated articles (demo sentences recombined), ${QUERIES.length} reader
queries (words, compounds with particles, English and numbers, several words, quoted phrases,
misspacings) × ${ROUNDS} rounds after one warm-up round, each a first page of 20 results by relevance with
highlighted snippets, in-process through the built app's search service. The reindex is
\`sinmun reindex\`'s code path over an already built index.

${table(results)}

${
  articles <= 150_000
    ? `Targets at 100,000 articles (ADR 025): SQLite p95 ≤ 20 ms — ${verdict(sqlite, 'p95', 20)}; PostgreSQL p95
≤ 30 ms — relevance ${verdict(postgres, 'p95', 30)}, newest-first with a date filter ${verdict(postgres, 'newestP95', 30)}.`
    : 'No target at this size: the figures show how the index grows (ADR 034).'
}
CPU per query: this process's CPU time, plus on PostgreSQL its server processes', per timed query
(both orders); a loaded machine inflates it far less than wall time.
Load average at the end of the run (1/5/15 min, ${cpus().length} cores): ${load}.
${notes.map((n) => `\n- ${n}`).join('')}
<!-- ${SECTION}:end -->`
  const current = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n'
  const marker = new RegExp(`<!-- ${SECTION}:start -->[\\s\\S]*?<!-- ${SECTION}:end -->`)
  const next = marker.test(current) ? current.replace(marker, block) : `${current.trimEnd()}\n\n${block}\n`
  writeFileSync(resultsFile, next)
  log(`Wrote the ${SECTION} section of ${resultsFile}`)
}

const dataDir = await corpusDir()
const results = process.env.SKIP_SQLITE ? [] : [await sqliteRun(dataDir)]
const notes = []
if (process.env.SKIP_PG) notes.push('PostgreSQL skipped (SKIP_PG set).')
else {
  const pgResult = await postgresRun(dataDir)
  if (pgResult) results.push(pgResult)
  else notes.push(`PostgreSQL not measured: ${pgUrl} unreachable.`)
}
console.log(table(results))
writeSection(results, notes)
