// `npm run bench`: generates (or reuses) the corpus, starts Sinmun in production mode on
// SQLite, measures the article, home and section pages cached and uncached against a static
// baseline, runs the other benchmark scripts and writes bench/RESULTS.md.
// Options: --articles N (100000) --seconds S (10) --connections C (64) --warmup S (3)
//          --results FILE (bench/RESULTS.md) --skip-others
//          --wait-quiet S (600: how long to wait for other processes to leave the CPU alone)
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { generateCorpus } from './corpus.mjs'
import { otherLoad, waitForQuiet } from './cpu.mjs'
import { hammer, sequential } from './load.mjs'
import { get, raisePriority, rssMiB, snapshotDist, startBaseline, startSinmun } from './processes.mjs'
import { machine, writeResults } from './results.mjs'

const { values: opts } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '3' },
    results: { type: 'string', default: join(import.meta.dirname, 'RESULTS.md') },
    'skip-others': { type: 'boolean', default: false },
    'wait-quiet': { type: 'string', default: '600' },
  },
})
const settings = {
  articles: Number(opts.articles),
  seconds: Number(opts.seconds),
  connections: Number(opts.connections),
  warmup: Number(opts.warmup),
}
const out = join(import.meta.dirname, 'out')
const log = (line) => console.log(line)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A copy of the corpus per run: page views and WAL writes never touch the cached corpus. */
function prepareRunDir(corpus) {
  const runDir = join(out, 'run')
  rmSync(runDir, { recursive: true, force: true })
  mkdirSync(runDir, { recursive: true })
  copyFileSync(corpus.dbFile, join(runDir, 'sinmun.db'))
  return runDir
}

/** The newest published article with a lead photo and comments, and its section. */
function pickPages(dbFile) {
  const sqlite = new SQLite(dbFile, { readonly: true })
  try {
    const article = sqlite
      .prepare(`SELECT a.id, s.slug FROM articles a JOIN sections s ON s.id = a.section_id
        WHERE a.status = 'published' AND a.lead_photo_id IS NOT NULL
          AND EXISTS (SELECT 1 FROM comments c WHERE c.article_id = a.id AND c.status = 'published')
        ORDER BY a.published_at DESC LIMIT 1`)
      .get()
    if (!article) throw new Error('the corpus has no published article with a lead photo and comments')
    return { article: `/news/${article.id}`, home: '/', section: `/section/${article.slug}` }
  } finally {
    sqlite.close()
  }
}

/** Runs `measure` once the machine is quiet, noting the CPU other processes took meanwhile. */
async function whileWatchingCpu(server, measure) {
  await waitForQuiet({ maxSeconds: 20, log })
  const load = otherLoad([server.child.pid])
  const before = schedstat(server.child.pid)
  const result = await measure()
  const after = schedstat(server.child.pid)
  return {
    ...result,
    otherCores: load.stop(),
    serverOnCpuMs: (after.runNs - before.runNs) / 1e6,
    serverWaitedMs: (after.waitNs - before.waitNs) / 1e6,
  }
}

/**
 * The server's main thread: time on a CPU and time runnable but waiting for one (Linux
 * schedstat). On a shared machine the waiting, not the code, is what makes the p99.
 */
function schedstat(pid) {
  try {
    const [runNs, waitNs] = readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ').map(Number)
    return { runNs, waitNs }
  } catch {
    return { runNs: 0, waitNs: 0 }
  }
}

async function measurePages(server, pages, labelSuffix) {
  const rows = []
  for (const [name, path] of Object.entries(pages)) {
    const url = server.base + path
    await hammer(url, { connections: settings.connections, seconds: settings.warmup })
    const result = await whileWatchingCpu(server, () =>
      hammer(url, { connections: settings.connections, seconds: settings.seconds }),
    )
    rows.push({ label: `${name}, ${labelSuffix}`, path, ...result })
    log(`  ${name.padEnd(8)} ${fmtRow(result)}`)
  }
  return rows
}

/** The cached article as browsers ask for it (Accept-Encoding: br): the stored brotli body. */
async function measureBrotli(server, path) {
  const url = server.base + path
  const headers = { 'accept-encoding': 'gzip, deflate, br' }
  const one = await get(url, headers)
  if (one.headers['content-encoding'] !== 'br') throw new Error(`${path}: not answered with brotli`)
  await hammer(url, { connections: settings.connections, seconds: settings.warmup, headers })
  const result = await whileWatchingCpu(server, () =>
    hammer(url, { connections: settings.connections, seconds: settings.seconds, headers }),
  )
  log(`  article, br ${fmtRow(result)}  body ${one.body.length} bytes`)
  // The uncompressed figure again, right after: the ratio compares runs minutes apart otherwise,
  // and on a shared machine the load changes in minutes.
  const plain = await whileWatchingCpu(server, () =>
    hammer(url, { connections: settings.connections, seconds: settings.seconds }),
  )
  log(`  article, plain again ${fmtRow(plain)}`)
  return [
    { label: 'article, cached, Accept-Encoding: br', path, ...result, bodyBytes: one.body.length },
    { label: 'article, cached, no Accept-Encoding (measured right after the br row)', path, ...plain },
  ]
}

const fmtRow = (r) =>
  `${Math.round(r.rps).toString().padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms` +
  `  (other processes: ${r.otherCores.toFixed(2)} cores; server waited for a CPU ${Math.round(r.serverWaitedMs ?? 0)} ms)`

/** The app's own response for the article page, stored for the baseline server to replay. */
async function saveArticleResponse(server, path) {
  const response = await get(server.base + path)
  if (response.status !== 200) throw new Error(`${path}: status ${response.status}`)
  const headers = { ...response.headers }
  for (const h of ['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length'])
    delete headers[h]
  const file = join(out, 'run', 'baseline-response.json')
  writeFileSync(file, JSON.stringify({ headers, body: response.body.toString('base64') }))
  return file
}

/** The other benchmark scripts, each writing its own marked section of RESULTS.md. */
function runOtherBenchmarks(corpus, notes) {
  const sizeArgs = ['--articles', String(settings.articles), '--seconds', String(settings.seconds)]
  const scripts = [
    ['search-bench.mjs', []],
    ['comments-bench.mjs', []],
    ['durability-bench.mjs', []],
    ['nginx-bench.mjs', sizeArgs],
    ['workers-bench.mjs', [...sizeArgs, '--connections', String(settings.connections)]],
    ['import-bench.mjs', []],
  ]
  for (const [script, args] of scripts) {
    const path = join(import.meta.dirname, script)
    if (!existsSync(path)) continue
    log(`\nRunning bench/${script}`)
    const result = spawnSync(process.execPath, [path, ...args], {
      stdio: 'inherit',
      env: {
        ...process.env,
        BENCH_CORPUS_DIR: corpus.dataDir,
        BENCH_ARTICLES: String(settings.articles),
        BENCH_RESULTS: opts.results,
      },
    })
    if (result.status !== 0) {
      notes.push(`bench/${script} exited with code ${result.status}; its section was left as it was.`)
      log(`bench/${script} failed (exit ${result.status})`)
    }
  }
}

async function main() {
  const started = Date.now()
  // Read before the other benchmarks write their sections into RESULTS.md, which would mark
  // the checkout as changed.
  const checkout = machine()
  const niceness = raisePriority()
  const corpusDir = join(out, `corpus-${settings.articles}`)
  const corpus = await generateCorpus({ dataDir: corpusDir, articles: settings.articles, log })
  const runDir = prepareRunDir(corpus)
  const distDir = snapshotDist()
  const mediaDir = join(corpusDir, 'media')
  const pages = pickPages(join(runDir, 'sinmun.db'))
  const serverLog = join(out, 'server.log')
  rmSync(serverLog, { force: true })
  log(`Pages: ${Object.values(pages).join('  ')}`)
  const notes = []
  log('Checking that no other process is using the CPU')
  await waitForQuiet({ maxSeconds: Number(opts['wait-quiet']), log })

  log('\nSinmun, page cache on')
  const cachedServer = await startSinmun({ distDir, dataDir: runDir, mediaDir, logFile: serverLog })
  log(`  first answer ${cachedServer.firstAnswerMs.toFixed(0)} ms`)
  let cached, memory, responseFile
  try {
    responseFile = await saveArticleResponse(cachedServer, pages.article)
    const again = await get(cachedServer.base + pages.article)
    if (again.headers['x-cache'] !== 'hit')
      notes.push('The cached article page was not served from the page cache.')
    for (const path of Object.values(pages))
      await hammer(cachedServer.base + path, { connections: 8, seconds: 1 })
    await sleep(2000)
    const idleMiB = rssMiB(cachedServer.child.pid)
    log(`  idle memory ${idleMiB.toFixed(1)} MiB`)
    cached = await measurePages(cachedServer, pages, 'cached')
    cached.splice(1, 0, ...(await measureBrotli(cachedServer, pages.article)))
    memory = { idleMiB, afterLoadMiB: rssMiB(cachedServer.child.pid) }
  } finally {
    await cachedServer.stop()
  }

  log('\nBaseline: the same article HTML from a minimal node:http server')
  const baselineServer = await startBaseline({ responseFile, logFile: serverLog })
  let baseline
  try {
    ;[baseline] = await measurePages(baselineServer, { article: pages.article }, 'static baseline')
    baseline.label = 'baseline: same article HTML from memory (node:http)'
  } finally {
    await baselineServer.stop()
  }

  log('\nSinmun, PAGE_CACHE=false')
  await waitForQuiet({ maxSeconds: 60, log })
  const uncachedServer = await startSinmun({
    distDir,
    dataDir: runDir,
    mediaDir,
    logFile: serverLog,
    env: { PAGE_CACHE: 'false' },
  })
  log(`  first answer ${uncachedServer.firstAnswerMs.toFixed(0)} ms`)
  let uncached, single
  try {
    uncached = await measurePages(uncachedServer, pages, 'cache off')
    await sequential(uncachedServer.base + pages.article, { seconds: settings.warmup })
    single = await whileWatchingCpu(uncachedServer, () =>
      sequential(uncachedServer.base + pages.article, { seconds: settings.seconds }),
    )
    single = { ...single, label: 'article, cache off, one connection', path: pages.article }
    log(`  article, 1 connection ${fmtRow(single)}`)
  } finally {
    await uncachedServer.stop()
  }

  const loadAverageText = os
    .loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')
  if (!opts['skip-others']) runOtherBenchmarks(corpus, notes)

  const measured = {
    baseline,
    cachedArticle: cached[0],
    cachedArticleBr: cached[1],
    cachedArticleBeside: cached[2],
    uncachedArticle: uncached[0],
    singleArticle: single,
    idleMiB: memory.idleMiB,
    firstAnswerMs: Math.max(cachedServer.firstAnswerMs, uncachedServer.firstAnswerMs),
  }
  const targets = writeResults(opts.results, {
    date: new Date(),
    machine: checkout,
    settings: { ...settings, niceness },
    corpus: { articles: settings.articles, megabytes: statSync(corpus.dbFile).size / 1e6 },
    cached: [baseline, ...cached],
    uncached: [...uncached, single],
    start: { cachedMs: cachedServer.firstAnswerMs, uncachedMs: uncachedServer.firstAnswerMs },
    memory,
    measured,
    notes,
    loadAverage: loadAverageText,
  })
  log('\nTargets')
  for (const t of targets) log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.measured}`)
  log(`\nWrote ${opts.results} (${((Date.now() - started) / 1000).toFixed(0)} s in all)`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
