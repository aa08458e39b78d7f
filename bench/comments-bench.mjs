// Comment posting throughput: logged-in readers (through the real demo OpenID login) post
// comments to `sinmun serve` as fast as the server answers, on SQLite and on PostgreSQL.
// Prints comments per second and latency percentiles and records them in bench/RESULTS.md
// between the comments markers. Standalone: `node bench/comments-bench.mjs` (builds dist/
// first if it is missing). BENCH_COMMENT_SECONDS and BENCH_COMMENT_READERS tune it.
import { spawn, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

const root = new URL('..', import.meta.url).pathname
const SECONDS = Number(process.env.BENCH_COMMENT_SECONDS ?? 10)
const READERS = Number(process.env.BENCH_COMMENT_READERS ?? 8)
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

if (!existsSync(join(root, 'dist', 'cli.js')))
  spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit' })

function freePort() {
  return new Promise((done) => {
    const probe = createServer()
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => done(port))
    })
  })
}

/** A cookie-keeping client that follows redirects by hand (fetch drops Set-Cookie on them). */
function client(base) {
  const jar = new Map()
  const remember = (response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const i = pair.indexOf('=')
      jar.set(pair.slice(0, i), pair.slice(i + 1))
    }
  }
  const request = async (url, init = {}) => {
    const response = await fetch(new URL(url, base), {
      ...init,
      redirect: 'manual',
      headers: { ...init.headers, cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    })
    remember(response)
    return response
  }
  const follow = async (url) => {
    let response = await request(url)
    while (response.status >= 300 && response.status < 400) {
      await response.arrayBuffer()
      response = await request(response.headers.get('location'))
    }
    return response
  }
  return { request, follow }
}

async function loginDemoReader(base, name) {
  const c = client(base)
  const interaction = await c.follow('/comments/login/demo?return=%2F')
  const html = await interaction.text()
  const action = /<form method="post" action="([^"]+)"/.exec(html)[1]
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)[1]
  const done = await c.request(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, name }),
  })
  await done.arrayBuffer()
  await c.follow(done.headers.get('location'))
  return c
}

async function run(dialect) {
  const dataDir = mkdtempSync(join(tmpdir(), 'sinmun-bench-comments-'))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const schema = `bench_${randomBytes(4).toString('hex')}`
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: base,
    DATA_DIR: dataDir,
    MEDIA_DIR: join(root, 'node_modules/.cache/sinmun-test-media'),
    LOG_LEVEL: 'warn',
    DEMO_LOGIN: 'true',
    COMMENT_RATE_PER_MINUTE: '1000000',
    COMMENT_IP_RATE_PER_MINUTE: '1000000',
  }
  if (dialect === 'postgres') {
    const c = new pg.Client({ connectionString: PG_URL })
    await c.connect()
    await c.query(`create schema ${schema}`)
    await c.end()
    env.DATABASE_URL = `${PG_URL}?options=-c%20search_path%3D${schema}`
  }
  const server = spawn(process.execPath, [join(root, 'dist/cli.js'), 'serve'], { env, stdio: 'ignore' })
  try {
    for (let i = 0; ; i++) {
      try {
        if ((await fetch(base)).ok) break
      } catch {}
      if (i > 600) throw new Error('server did not start')
      await sleep(100)
    }
    const articleId = Number(/href="\/news\/(\d+)"/.exec(await (await fetch(base)).text())[1])
    const readers = await Promise.all(
      Array.from({ length: READERS }, (_, i) => loginDemoReader(base, `벤치독자${i}`)),
    )
    const tokens = await Promise.all(
      readers.map(
        async (c) => /data-csrf="([^"]+)"/.exec(await (await c.request(`/news/${articleId}`)).text())[1],
      ),
    )
    const latencies = []
    let failures = 0
    const end = Date.now() + SECONDS * 1000
    const started = performance.now()
    await Promise.all(
      readers.map(async (c, i) => {
        let n = 0
        while (Date.now() < end) {
          const t0 = performance.now()
          const response = await c.request(`/news/${articleId}/comments`, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              accept: 'application/json',
              'x-csrf-token': tokens[i],
            },
            body: new URLSearchParams({ body: `벤치마크 댓글 ${i}-${n++} 잘 읽었습니다.` }),
          })
          await response.arrayBuffer()
          if (response.status === 200) latencies.push(performance.now() - t0)
          else failures++
        }
      }),
    )
    const elapsed = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    const pct = (p) =>
      latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0
    return {
      dialect,
      comments: latencies.length,
      failures,
      perSecond: latencies.length / elapsed,
      p50: pct(50),
      p99: pct(99),
    }
  } finally {
    server.kill('SIGTERM')
    await new Promise((r) => server.once('exit', r))
    rmSync(dataDir, { recursive: true, force: true })
    if (dialect === 'postgres') {
      const c = new pg.Client({ connectionString: PG_URL })
      await c.connect()
      await c.query(`drop schema ${schema} cascade`)
      await c.end()
    }
  }
}

async function postgresReachable() {
  const c = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await c.connect()
    return true
  } catch {
    return false
  } finally {
    await c.end().catch(() => {})
  }
}

const results = [await run('sqlite')]
if (await postgresReachable()) results.push(await run('postgres'))
else console.warn(`PostgreSQL not reachable at ${PG_URL}; measured SQLite only`)

const lines = [
  '<!-- comments:start -->',
  '## Comment posting',
  '',
  `${READERS} logged-in readers (demo OpenID login) post comments for ${SECONDS} s each to \`sinmun serve\` ` +
    `(one process, ${cpus().length} cores, same machine), measured by \`node bench/comments-bench.mjs\` on ${new Date().toISOString().slice(0, 10)}. ` +
    'Each post runs the moderation pipeline, inserts the row and drops the article page from the cache.',
  '',
  '| database | comments | comments/s | p50 ms | p99 ms | refused |',
  '| --- | ---: | ---: | ---: | ---: | ---: |',
  ...results.map(
    (r) =>
      `| ${r.dialect} | ${r.comments} | ${r.perSecond.toFixed(0)} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.failures} |`,
  ),
  '<!-- comments:end -->',
]
for (const line of lines.slice(5)) console.log(line)

const file = join(root, 'bench', 'RESULTS.md')
const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n'
const block = lines.join('\n')
const marked = /<!-- comments:start -->[\s\S]*?<!-- comments:end -->/
writeFileSync(
  file,
  marked.test(text) ? text.replace(marked, block) : `${text.replace(/\n*$/, '\n\n')}${block}\n`,
)
