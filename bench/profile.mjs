// Where the server's time goes: runs Sinmun with --cpu-prof on the benchmark corpus, loads one
// page with PAGE_CACHE=false, then prints the top self-time functions and the time per package.
// Usage: node bench/profile.mjs [--page article|home|section] [--seconds 10] [--articles 100000]
//        [--cache]   (profile with the page cache on instead)
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { generateCorpus } from './corpus.mjs'
import { hammer } from './load.mjs'
import { raisePriority, snapshotDist, startSinmun } from './processes.mjs'

const { values: opts } = parseArgs({
  options: {
    page: { type: 'string', default: 'article' },
    seconds: { type: 'string', default: '10' },
    articles: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '64' },
    cache: { type: 'boolean', default: false },
    top: { type: 'string', default: '30' },
  },
})
raisePriority()
const out = join(import.meta.dirname, 'out')
const corpusDir = join(out, `corpus-${opts.articles}`)
const corpus = await generateCorpus({ dataDir: corpusDir, articles: Number(opts.articles) })
const runDir = join(out, 'profile-run')
const profileDir = join(out, 'profiles')
rmSync(runDir, { recursive: true, force: true })
rmSync(profileDir, { recursive: true, force: true })
mkdirSync(runDir, { recursive: true })
copyFileSync(corpus.dbFile, join(runDir, 'sinmun.db'))

const sqlite = new SQLite(join(runDir, 'sinmun.db'), { readonly: true })
const article = sqlite
  .prepare(`SELECT a.id, s.slug FROM articles a JOIN sections s ON s.id = a.section_id
    WHERE a.status = 'published' AND a.lead_photo_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM comments c WHERE c.article_id = a.id) ORDER BY a.published_at DESC LIMIT 1`)
  .get()
sqlite.close()
const path = { article: `/news/${article.id}`, home: '/', section: `/section/${article.slug}` }[opts.page]

const server = await startSinmun({
  distDir: snapshotDist(),
  dataDir: runDir,
  mediaDir: join(corpusDir, 'media'),
  logFile: join(out, 'profile-server.log'),
  env: { PAGE_CACHE: opts.cache ? 'true' : 'false' },
  nodeOptions: ['--cpu-prof', '--cpu-prof-dir', profileDir],
})
let result
try {
  result = await hammer(server.base + path, {
    connections: Number(opts.connections),
    seconds: Number(opts.seconds),
  })
} finally {
  await server.stop()
}
console.log(
  `${path}: ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms (under the profiler)`,
)

const file = readdirSync(profileDir).find((f) => f.endsWith('.cpuprofile'))
const profile = JSON.parse(readFileSync(join(profileDir, file), 'utf8'))
summarize(profile, Number(opts.top))

/** Self time per function and per package, from the sampled stacks. */
function summarize({ nodes, samples, timeDeltas }, top) {
  const byId = new Map(nodes.map((n) => [n.id, n]))
  const self = new Map()
  let total = 0
  samples.forEach((id, i) => {
    const dt = timeDeltas[i] ?? 0
    self.set(id, (self.get(id) ?? 0) + dt)
    total += dt
  })
  const perFunction = new Map()
  const perPackage = new Map()
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame
    const where = shortUrl(url)
    const fn = `${functionName || '(anonymous)'} ${where}${url ? `:${lineNumber + 1}` : ''}`
    perFunction.set(fn, (perFunction.get(fn) ?? 0) + us)
    const pkg = packageOf(url, functionName)
    perPackage.set(pkg, (perPackage.get(pkg) ?? 0) + us)
  }
  const busy = total - (perPackage.get('(idle)') ?? 0)
  const print = (title, map, n) => {
    console.log(`\n${title} (share of busy time, ${(busy / 1e6).toFixed(1)} s busy)`)
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      if (name === '(idle)') continue
      console.log(`  ${((100 * us) / busy).toFixed(1).padStart(5)}%  ${name}`)
    }
  }
  print('Self time by package', perPackage, 20)
  print('Top self-time functions', perFunction, top)
}

function shortUrl(url) {
  if (!url) return ''
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) return url.slice(nm + 'node_modules/'.length)
  const d = url.indexOf('/dist/')
  return d >= 0 ? url.slice(d + 1) : url.replace(/^file:\/\//, '')
}

function packageOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)'
  if (url.startsWith('node:')) return 'node: core'
  const nm = url.lastIndexOf('node_modules/')
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/')
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]
  }
  const d = url.indexOf('/dist/')
  if (d >= 0)
    return `sinmun ${url
      .slice(d + 1)
      .split('/')
      .slice(0, 3)
      .join('/')}`
  return url
}
