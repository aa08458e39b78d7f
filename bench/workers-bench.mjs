// The article page served by `sinmun serve --workers 2` against one process, with the page
// cache on and off: autocannon, 64 connections, 10 s each. Writes its block of bench/RESULTS.md
// (between <!-- workers:start --> and <!-- workers:end -->). Standalone:
//   npm run build && node bench/workers-bench.mjs [--articles N] [--seconds S]
import { spawn, spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import SQLite from 'better-sqlite3'

const root = resolve(import.meta.dirname, '..')
const out = join(root, 'bench', 'out')
const cli = join(root, 'dist', 'cli.js')
const resultsFile = join(root, 'bench', 'RESULTS.md')
const START = '<!-- workers:start -->'
const END = '<!-- workers:end -->'
const SESSION_SECRET = 'sinmun-workers-benchmark-secret-0123456789'

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
  },
})
const seconds = Number(values.seconds)
const connections = Number(values.connections)

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => done(port))
    })
  })
}

async function serve({ dataDir, mediaDir, workers, pageCache, seed = false }) {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [cli, 'serve', '--workers', String(workers)], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: seed ? 'development' : 'production',
      SEED_DEMO: seed ? 'true' : 'false',
      SESSION_SECRET,
      DATA_DIR: dataDir,
      MEDIA_DIR: mediaDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: 'warn',
      PAGE_CACHE: pageCache ? 'true' : 'false',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const exited = new Promise((done) => child.once('exit', done))
  const deadline = Date.now() + 120_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sinmun serve exited with ${child.exitCode}`)
    const ok = await fetch(`${url}/readyz`)
      .then((r) => r.ok)
      .catch(() => false)
    if (ok) break
    await new Promise((r) => setTimeout(r, 200))
  }
  return {
    url,
    async stop() {
      child.kill('SIGTERM')
      await exited
    },
  }
}

/** The corpus of `npm run bench` when bench/corpus.mjs is there; the demo outlet otherwise. */
async function prepareData(log) {
  const runDir = join(out, 'workers-run')
  rmSync(runDir, { recursive: true, force: true })
  mkdirSync(runDir, { recursive: true })
  const corpusModule = join(root, 'bench', 'corpus.mjs')
  if (existsSync(corpusModule)) {
    const { generateCorpus } = await import(corpusModule)
    const articles = Number(values.articles)
    const corpusDir = join(out, `corpus-${articles}`)
    const corpus = await generateCorpus({ dataDir: corpusDir, articles, log })
    copyFileSync(corpus.dbFile, join(runDir, 'sinmun.db'))
    return {
      dataDir: runDir,
      mediaDir: join(corpusDir, 'media'),
      corpus: `${articles} articles (bench/corpus.mjs)`,
    }
  }
  log('bench/corpus.mjs not found: seeding the demo outlet instead')
  const mediaDir = join(out, 'workers-media')
  const seeding = await serve({ dataDir: runDir, mediaDir, workers: 1, pageCache: true, seed: true })
  await seeding.stop()
  return { dataDir: runDir, mediaDir, corpus: 'the demo outlet (49 articles)' }
}

function articleToHit(dbFile) {
  const db = new SQLite(dbFile, { readonly: true })
  try {
    const row = db
      .prepare(
        "select id from articles where status = 'published' and lead_photo_id is not null order by published_at desc limit 1",
      )
      .get()
    if (!row) throw new Error('no published article with a lead photo')
    return row.id
  } finally {
    db.close()
  }
}

async function measure(url) {
  // Warm-up: caches filled, JIT settled, every worker reached.
  // Uncached renders of a 100,000-article corpus under 64 connections can queue for seconds.
  await autocannon({ url, connections, duration: 2, timeout: 30 })
  const result = await autocannon({ url, connections, duration: seconds, timeout: 30 })
  const bad = result.non2xx + result.errors + result.timeouts
  if (bad > 0) {
    throw new Error(
      `${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts under load`,
    )
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 }
}

function writeBlock(block) {
  const current = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n'
  const start = current.indexOf(START)
  const end = current.indexOf(END)
  const next =
    start >= 0 && end > start
      ? `${current.slice(0, start)}${block}${current.slice(end + END.length)}`
      : `${current.trimEnd()}\n\n${block}\n`
  writeFileSync(resultsFile, next)
  // The repository's lint formats Markdown tables; keep the file as it wants it.
  spawnSync('npx', ['biome', 'format', '--write', resultsFile], { cwd: root, stdio: 'ignore' })
}

async function main() {
  if (!existsSync(cli)) throw new Error('dist/ is missing: run `npm run build` first')
  const log = (line) => console.error(line)
  const data = await prepareData(log)
  const id = articleToHit(join(data.dataDir, 'sinmun.db'))
  const rows = []
  for (const pageCache of [true, false]) {
    const figures = {}
    for (const workers of [1, 2]) {
      const server = await serve({ ...data, workers, pageCache })
      try {
        log(`page cache ${pageCache ? 'on' : 'off'}, ${workers} worker(s): /news/${id}`)
        figures[workers] = await measure(`${server.url}/news/${id}`)
      } finally {
        await server.stop()
      }
    }
    rows.push({ pageCache, one: figures[1], two: figures[2], ratio: figures[2].rps / figures[1].rps })
  }

  const n = (v) => Math.round(v).toLocaleString('en-US')
  const lines = [
    START,
    '## Workers: `serve --workers 2` against one process',
    '',
    `Article page \`/news/:id\`, autocannon ${connections} connections, ${seconds} s after a 2 s warm-up, on ${data.corpus}; ` +
      `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. ` +
      'The load generator runs on the same machine and takes CPU from the workers.',
    '',
    '| page cache | 1 worker req/s (p50 / p99 ms) | 2 workers req/s (p50 / p99 ms) | ratio |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.pageCache ? 'on' : 'off'} | ${n(r.one.rps)} (${r.one.p50} / ${r.one.p99}) | ${n(r.two.rps)} (${r.two.p50} / ${r.two.p99}) | ${r.ratio.toFixed(2)}× |`,
    ),
    '',
    'Reproduce: `npm run build && node bench/workers-bench.mjs`.',
    END,
  ]
  writeBlock(lines.join('\n'))
  console.log(lines.join('\n'))
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
