// Writes bench/RESULTS.md: the machine, the page figures and the targets. Sections other
// benchmark scripts own (between their start/end markers) are kept exactly as they are.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'

const OTHER_BLOCKS = ['search', 'comments', 'durability', 'nginx', 'workers', 'import']

export function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8')
  const git = (...args) => execFileSync('git', args, { encoding: 'utf8' }).trim()
  let commit = 'unknown'
  try {
    commit = git('rev-parse', '--short', 'HEAD')
    if (git('status', '--porcelain', '--untracked-files=no') !== '') commit += ' (with uncommitted changes)'
  } catch {
    // Not a git checkout: the commit stays unknown.
  }
  return {
    cpu: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? 'unknown CPU',
    cores: os.cpus().length,
    ramGiB: os.totalmem() / 2 ** 30,
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    commit,
  }
}

const fmt = (n, digits = 0) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (n) => (n < 10 ? `${fmt(n, 2)} ms` : `${fmt(n, 0)} ms`)

/** Writes (or replaces) one script's marked section of RESULTS.md, keeping everything else. */
export function writeBlock(file, name, markdown) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmark results\n'
  const block = `<!-- ${name}:start -->\n${markdown.trim()}\n<!-- ${name}:end -->`
  const marked = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`)
  writeFileSync(
    file,
    marked.test(text) ? text.replace(marked, block) : `${text.replace(/\n*$/, '\n\n')}${block}\n`,
  )
}

/** Keeps the other scripts' marker blocks from the current file, in a fixed order. */
export function keptBlocks(file) {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  return OTHER_BLOCKS.flatMap((name) => {
    const match = new RegExp(`<!-- ${name}:start -->[\\s\\S]*?<!-- ${name}:end -->`).exec(text)
    return match ? [match[0]] : []
  })
}

function scenarioTable(rows, baselineRps) {
  const lines = [
    '| scenario | URL | connections | req/s | p50 | p99 | × baseline req/s | KiB per response | timed out or failed | CPU taken by other processes | server on a CPU / waiting for one |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const r of rows) {
    const size = r.bytesPerResponse ? fmt(r.bytesPerResponse / 1024, 1) : '–'
    lines.push(
      `| ${r.label} | \`${r.path}\` | ${r.connections} | ${fmt(r.rps)} | ${ms(r.p50)} | ${ms(r.p99)} | ` +
        `${fmt(r.rps / baselineRps, 2)} | ${size} | ${fmt(r.failed)} | ${fmt(r.otherCores, 2)} cores | ` +
        `${r.serverOnCpuMs === undefined ? '–' : `${fmt(r.serverOnCpuMs)} / ${fmt(r.serverWaitedMs)} ms`} |`,
    )
  }
  return lines.join('\n')
}

export function targetRows(m) {
  const row = (target, measured, pass) => ({ target, measured, pass })
  return [
    row(
      'cached article page ≥ 0.5 × static baseline req/s (64 connections)',
      `${fmt(m.cachedArticle.rps)} req/s = ${fmt(m.cachedArticle.rps / m.baseline.rps, 2)} × ${fmt(m.baseline.rps)}`,
      m.cachedArticle.rps >= 0.5 * m.baseline.rps,
    ),
    row(
      'cached article, Accept-Encoding: br ≥ 0.9 × the uncompressed cached req/s measured beside it (64 connections)',
      `${fmt(m.cachedArticleBr.rps)} req/s = ${fmt(m.cachedArticleBr.rps / m.cachedArticleBeside.rps, 2)} × ${fmt(m.cachedArticleBeside.rps)}`,
      m.cachedArticleBr.rps >= 0.9 * m.cachedArticleBeside.rps,
    ),
    row(
      'cached article, brotli body ≤ 6 KiB',
      `${fmt(m.cachedArticleBr.bodyBytes)} bytes (${fmt(m.cachedArticleBr.bytesPerResponse)} with headers; ${fmt(m.cachedArticle.bytesPerResponse)} uncompressed)`,
      m.cachedArticleBr.bodyBytes <= 6 * 1024,
    ),
    row(
      'article page, cache off, 64 connections: p99 ≤ 3 × p50',
      `p50 ${ms(m.uncachedArticle.p50)}, p99 ${ms(m.uncachedArticle.p99)} = ${fmt(m.uncachedArticle.p99 / m.uncachedArticle.p50, 2)} × p50`,
      m.uncachedArticle.p99 <= 3 * m.uncachedArticle.p50,
    ),
    row(
      'article page, cache off ≥ 1,500 req/s (64 connections)',
      `${fmt(m.uncachedArticle.rps)} req/s`,
      m.uncachedArticle.rps >= 1500,
    ),
    row(
      'article page, cache off, 1 connection: p50 < 2 ms',
      ms(m.singleArticle.p50),
      m.singleArticle.p50 < 2,
    ),
    row('idle memory < 100 MiB', `${fmt(m.idleMiB, 1)} MiB`, m.idleMiB < 100),
    row('first answer < 1 s after start', ms(m.firstAnswerMs), m.firstAnswerMs < 1000),
  ]
}

export function writeResults(file, r) {
  const mc = r.machine
  const targets = targetRows(r.measured)
  const busiest = Math.max(...[...r.cached, ...r.uncached].map((row) => row.otherCores))
  if (busiest > 0.25) {
    r.notes.push(
      `Other processes took up to ${fmt(busiest, 2)} of the ${mc.cores} cores during a measurement ` +
        '(last column): those figures are lower than this machine gives when it is quiet.',
    )
  }
  const text = `# Benchmark results

Written by \`npm run bench\` (\`bench/run.mjs\`); \`bench/README.md\` says how to run it and what
each figure means. The sections between \`<!-- name:start -->\` and \`<!-- name:end -->\` markers
are written by the other benchmark scripts and kept as they are when this file is rewritten.

- Date: ${r.date.toISOString().slice(0, 16).replace('T', ' ')} UTC
- Machine: ${mc.cpu}, ${mc.cores} cores, ${fmt(mc.ramGiB, 1)} GiB RAM, ${mc.kernel}
- Node ${mc.node}; commit ${mc.commit}
- Corpus: ${fmt(r.corpus.articles)} generated articles plus the demo outlet, SQLite file of ${fmt(r.corpus.megabytes)} MB
- Server: \`NODE_ENV=production LOG_LEVEL=warn node dist/cli.js serve\`, SQLite, one process
- Scheduling: benchmark, server and baseline ran at niceness ${r.settings.niceness}${r.settings.niceness < 0 ? ' (favoured over other work on the machine)' : ''}
- Load average when the pages were measured (1/5/15 min, ${mc.cores} cores): ${r.loadAverage}
- Load: autocannon, ${r.settings.connections} connections, ${r.settings.seconds} s per scenario after a ${r.settings.warmup} s warm-up, on the same machine over 127.0.0.1 (load generator and server share the ${mc.cores} cores); the one-connection row comes from a sequential keep-alive client timing every request

## Targets

| target | measured | result |
| --- | --- | --- |
${targets.map((t) => `| ${t.target} | ${t.measured} | **${t.pass ? 'PASS' : 'FAIL'}** |`).join('\n')}

## Pages, cached (PAGE_CACHE on, the default)

${scenarioTable(r.cached, r.measured.baseline.rps)}

## Pages, cache off (PAGE_CACHE=false: every request queries SQLite and renders)

${scenarioTable(r.uncached, r.measured.baseline.rps)}

## Start and memory

| figure | value |
| --- | --- |
| first answer after start (spawn → first 200 from \`/\`), default config | ${ms(r.start.cachedMs)} |
| first answer after start, PAGE_CACHE=false | ${ms(r.start.uncachedMs)} |
| idle memory (VmRSS after warm-up and 2 s idle) | ${fmt(r.memory.idleMiB, 1)} MiB |
| memory after the cached load runs (VmRSS) | ${fmt(r.memory.afterLoadMiB, 1)} MiB |
${r.notes.length > 0 ? `\n${r.notes.map((n) => `- ${n}`).join('\n')}\n` : ''}`
  const blocks = keptBlocks(file)
  writeFileSync(file, `${text}${blocks.length > 0 ? `\n${blocks.join('\n\n')}\n` : ''}`)
  return targets
}
