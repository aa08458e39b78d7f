// The whole setup of docs/deployment.md measured against nginx at its best: one nginx (the
// shipped deploy/nginx.conf's proxy and cache settings, minus TLS) in front of one Sinmun
// process, against the same nginx serving the same article page as a static file, in one run
// with the same load. The proxied page is cached for a second and then revalidated with its
// ETag (a 304 from Sinmun's page cache), so a correction shows within a second; the target is
// the cached article ≥ 0.8 × the static file's req/s. Also checks, through nginx, that an
// unchanged page revalidates (a later MISS/REVALIDATED/HIT, never a stale page for more than
// a second). Writes its section of bench/RESULTS.md (or BENCH_RESULTS).
// Options: --articles N (100000) --seconds S (10) --connections C (64) --warmup S (3)
// Needs /usr/sbin/nginx (or NGINX=path). Listens on 127.0.0.1 only; stops by itself.
import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { generateCorpus } from './corpus.mjs'
import { waitForQuiet } from './cpu.mjs'
import { hammer } from './load.mjs'
import { freePort, get, raisePriority, snapshotDist, startSinmun } from './processes.mjs'
import { writeBlock } from './results.mjs'

const { values: opts } = parseArgs({
  options: {
    articles: { type: 'string', default: process.env.BENCH_ARTICLES ?? '100000' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '64' },
    warmup: { type: 'string', default: '3' },
  },
})
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx'
const seconds = Number(opts.seconds)
const connections = Number(opts.connections)
const warmup = Number(opts.warmup)
const out = join(import.meta.dirname, 'out')
const runDir = join(out, 'nginx-run')
const log = (line) => console.log(line)
const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** The shipped config's maps and its `location /` block: what an operator deploys. */
function shippedProxySettings() {
  const text = readFileSync(join(import.meta.dirname, '..', 'deploy', 'nginx.conf'), 'utf8')
  const maps = [...text.matchAll(/^map [^{]+\{[^}]*\}/gm)].map((m) => m[0])
  const location = /^ {4}location \/ \{\n([\s\S]*?)\n {4}\}/m.exec(text)?.[1]
  if (maps.length < 2 || !location) throw new Error('deploy/nginx.conf: maps or `location /` not found')
  return { maps: maps.join('\n'), location }
}

function nginxConfig({ prefix, sinmunPort, proxyPort, staticPort }) {
  const { maps, location } = shippedProxySettings()
  return `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes 1;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    default_type text/html;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 100000;
    client_body_temp_path ${prefix}/body;
    proxy_temp_path ${prefix}/proxy;
    fastcgi_temp_path ${prefix}/fastcgi;
    uwsgi_temp_path ${prefix}/uwsgi;
    scgi_temp_path ${prefix}/scgi;
    upstream sinmun {
        server 127.0.0.1:${sinmunPort};
        keepalive 64;
    }
${maps}
    proxy_cache_path ${prefix}/cache levels=1:2 keys_zone=sinmun:10m max_size=100m inactive=10m use_temp_path=off;
    # nginx in front of one Sinmun process, with the shipped proxy and cache settings.
    server {
        listen 127.0.0.1:${proxyPort};
        server_name news.example.kr;
        location / {
${location}
        }
    }
    # The same article page as a static file: what nginx does at its best.
    server {
        listen 127.0.0.1:${staticPort};
        root ${prefix}/static;
        location / {
            try_files /article.html =404;
        }
    }
}
`
}

async function startNginx(prefix, conf) {
  writeFileSync(join(prefix, 'nginx.conf'), conf)
  const child = spawn(NGINX, ['-p', prefix, '-c', join(prefix, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return
    const exited = new Promise((r) => child.once('exit', r))
    child.kill('SIGQUIT')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }
  process.on('exit', () => child.kill('SIGKILL'))
  return { child, stop }
}

async function waitFor(url) {
  for (let i = 0; i < 100; i++) {
    const status = await get(url).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) return
    await sleep(50)
  }
  throw new Error(`${url} did not answer`)
}

async function main() {
  if (!existsSync(NGINX)) {
    console.log(`nginx-bench: skipped, ${NGINX} is not installed`)
    return
  }
  raisePriority()
  const corpusDir = process.env.BENCH_CORPUS_DIR ?? join(out, `corpus-${opts.articles}`)
  const corpus = await generateCorpus({ dataDir: corpusDir, articles: Number(opts.articles), log })
  rmSync(runDir, { recursive: true, force: true })
  const prefix = join(runDir, 'nginx')
  for (const dir of ['cache', 'static', 'body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(join(prefix, dir), { recursive: true })
  copyFileSync(corpus.dbFile, join(runDir, 'sinmun.db'))
  const sqlite = new SQLite(join(runDir, 'sinmun.db'), { readonly: true })
  const article = sqlite
    .prepare(`SELECT a.id FROM articles a WHERE a.status = 'published' AND a.lead_photo_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM comments c WHERE c.article_id = a.id AND c.status = 'published')
      ORDER BY a.published_at DESC LIMIT 1`)
    .get()
  sqlite.close()
  const path = `/news/${article.id}`

  const sinmun = await startSinmun({
    distDir: snapshotDist(),
    dataDir: runDir,
    mediaDir: join(corpusDir, 'media'),
    logFile: join(runDir, 'server.log'),
    env: { TRUST_PROXY: '1', CDN_MAX_AGE: '1' },
  })
  const sinmunPort = Number(new URL(sinmun.base).port)
  const [proxyPort, staticPort] = [await freePort(), await freePort()]
  let nginx
  try {
    const page = await get(sinmun.base + path)
    if (page.status !== 200) throw new Error(`${path}: ${page.status}`)
    writeFileSync(join(prefix, 'static', 'article.html'), page.body)
    nginx = await startNginx(prefix, nginxConfig({ prefix, sinmunPort, proxyPort, staticPort }))
    const proxied = `http://127.0.0.1:${proxyPort}${path}`
    const staticUrl = `http://127.0.0.1:${staticPort}/article.html`
    await waitFor(proxied)
    await waitFor(staticUrl)

    // What a reader sees across the one-second edge: the cache status of consecutive requests.
    const statuses = []
    for (let i = 0; i < 4; i++) {
      statuses.push((await get(proxied)).headers['x-cache-status'])
      await sleep(600)
    }
    const same = (await get(proxied)).body.equals(page.body)

    const rows = []
    // Alternating, so drift on a shared machine hits both alike.
    for (const [label, url] of [
      ['static', staticUrl],
      ['proxied', proxied],
      ['static', staticUrl],
      ['proxied', proxied],
    ]) {
      await waitForQuiet({ maxSeconds: 20, log })
      await hammer(url, { connections, seconds: warmup })
      const result = await hammer(url, { connections, seconds })
      rows.push({ label, ...result })
      log(`  ${label.padEnd(8)} ${Math.round(result.rps)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms`)
    }
    const mean = (label) => {
      const picked = rows.filter((r) => r.label === label)
      return {
        rps: picked.reduce((s, r) => s + r.rps, 0) / picked.length,
        p50: picked.reduce((s, r) => s + r.p50, 0) / picked.length,
        p99: picked.reduce((s, r) => s + r.p99, 0) / picked.length,
        bytes: picked[0].bytesPerResponse,
      }
    }
    const staticFigure = mean('static')
    const proxiedFigure = mean('proxied')
    const ratio = proxiedFigure.rps / staticFigure.rps
    const load = loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')
    const fmt = (n) => Math.round(n).toLocaleString('en-US')
    log(`  proxied / static = ${ratio.toFixed(2)}`)
    writeBlock(
      process.env.BENCH_RESULTS ?? join(import.meta.dirname, 'RESULTS.md'),
      'nginx',
      `## nginx in front: the cached article against the same page as a static file

Written by \`node bench/nginx-bench.mjs\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC. One nginx
(${NGINX}, one worker, the proxy and cache settings of \`deploy/nginx.conf\` without TLS) in front of
one Sinmun process (\`TRUST_PROXY=1 CDN_MAX_AGE=1\`, SQLite, ${Number(opts.articles).toLocaleString('en-US')} articles), and the same nginx
serving the article's HTML as a static file. autocannon, ${connections} connections, ${seconds} s after ${warmup} s warm-up,
static and proxied alternating twice; figures are the means. Load average at the end (1/5/15 min,
${cpus().length} cores): ${load}.

| setup | req/s | p50 | p99 | bytes per response |
| --- | ---: | ---: | ---: | ---: |
| nginx, static file | ${fmt(staticFigure.rps)} | ${staticFigure.p50.toFixed(1)} ms | ${staticFigure.p99.toFixed(1)} ms | ${fmt(staticFigure.bytes)} |
| nginx → Sinmun, cached 1 s, revalidated by ETag | ${fmt(proxiedFigure.rps)} | ${proxiedFigure.p50.toFixed(1)} ms | ${proxiedFigure.p99.toFixed(1)} ms | ${fmt(proxiedFigure.bytes)} |

Target: cached article ≥ 0.8 × the static file — ${ratio.toFixed(2)} × — **${ratio >= 0.8 ? 'PASS' : 'FAIL'}**.
Cache status of four requests 0.6 s apart: ${statuses.join(', ')}; the page through nginx is the
page Sinmun serves: ${same ? 'yes' : 'NO'}.
`,
    )
  } finally {
    await nginx?.stop()
    await sinmun.stop()
    rmSync(runDir, { recursive: true, force: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
