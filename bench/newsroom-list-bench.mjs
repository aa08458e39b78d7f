// Newsroom archive list benchmark: `GET /newsroom/articles` as the desk uses it — words (the
// search index, drafts included) with and without filters, filters alone, deep pages — timed
// over HTTP (inject) through the BUILT app on the generated corpus, whole request: session,
// search or list query, rendering. Baseline from the same run: the reader's search service
// call for the same words (no filters, no page), so the ratio says what the newsroom's list
// adds on top of the search it stands on.
// Run: `npm run build && node bench/newsroom-list-bench.mjs`.
// Env: BENCH_CORPUS_DIR (a corpus made by bench/corpus.mjs; generated when absent),
// BENCH_ARTICLES (default 100000), BENCH_LIST_DIR (where the corpus copy with a newsroom's mix of
// statuses and grades is kept; default bench/out/newsroom-list-<articles>, reused when present),
// BENCH_RESULTS (default bench/RESULTS.md). SQLite, the default database.
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import SQLite from 'better-sqlite3'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
if (!existsSync(join(dist, 'app.js'))) throw new Error('dist/ is missing: run `npm run build` first')
const { buildApp } = await import(join(dist, 'app.js'))
const { loadConfig } = await import(join(dist, 'platform/config.js'))

const articles = Number(process.env.BENCH_ARTICLES ?? 100_000)
const resultsFile = process.env.BENCH_RESULTS ?? join(import.meta.dirname, 'RESULTS.md')
const ROUNDS = 3
const log = (...args) => console.error(...args)

/** Words a desk types to find a story again: topics, names, compounds, English, phrases. */
const WORDS = [
  '삼성',
  '반도체',
  '전기차',
  '금리',
  '부동산',
  '청년',
  '스타게이트',
  '데이터센터',
  '인공지능',
  '공급망',
  'OpenAI',
  'HBM',
  '전세사기',
  '랜섬웨어',
  '돌봄',
  '마라톤',
  '삼성 반도체',
  '금리 동결',
  '"기준금리 동결"',
  '윤지우',
]

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function corpusDir() {
  const { benchCorpusDir } = await import('./corpus.mjs')
  return benchCorpusDir(articles, log)
}

/**
 * The generated corpus is all published and 일반; a newsroom's archive is not. A copy gets
 * one article in 10 as a draft, one in 40 submitted, one in 97 returned, one in 15 graded
 * 중요 and one in 60 헤드라인 — in the articles and in the index alike, as indexing would.
 */
function newsroomCopy(source) {
  const dir = process.env.BENCH_LIST_DIR ?? join(import.meta.dirname, 'out', `newsroom-list-${articles}`)
  const file = join(dir, 'sinmun.db')
  const marker = join(dir, 'mix-2.json')
  const sourceInfo = readFileSync(join(source, 'corpus.json'), 'utf8')
  if (existsSync(marker) && readFileSync(marker, 'utf8') === sourceInfo && existsSync(file)) {
    log(`Newsroom list: reusing ${dir}`)
    return dir
  }
  mkdirSync(dir, { recursive: true })
  log(`Newsroom list: copying the corpus to ${dir}`)
  const src = new SQLite(join(source, 'sinmun.db'))
  src.pragma('wal_checkpoint(TRUNCATE)')
  src.close()
  copyFileSync(join(source, 'sinmun.db'), file)
  const db = new SQLite(file)
  db.pragma('journal_mode = WAL')
  const mix = `CASE WHEN id % 10 = 0 THEN 'draft' WHEN id % 40 = 1 THEN 'submitted'
    WHEN id % 97 = 2 THEN 'returned' ELSE status END`
  const grade = `CASE WHEN id % 60 = 0 THEN 'headline' WHEN id % 15 = 0 THEN 'important' ELSE grade END`
  db.transaction(() => {
    db.exec(`UPDATE articles SET status = ${mix}, grade = ${grade},
      published_at = CASE WHEN ${mix} = 'published' THEN published_at END`)
    db.exec(`UPDATE search_documents SET
      status = (SELECT a.status FROM articles a WHERE a.id = article_id),
      grade = (SELECT a.grade FROM articles a WHERE a.id = article_id)`)
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  writeFileSync(marker, sourceInfo)
  return dir
}

async function run(dataDir) {
  const config = loadConfig({
    NODE_ENV: 'development',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  })
  const app = await buildApp(config, { logger: false })
  try {
    const sqlite = new SQLite(join(dataDir, 'sinmun.db'), { readonly: true })
    const desk = sqlite
      .prepare("SELECT id FROM staff WHERE role IN ('desk', 'admin') ORDER BY id LIMIT 1")
      .get()
    const reporter = sqlite
      .prepare(
        'SELECT staff_id AS id, count(*) AS n FROM article_reporters GROUP BY staff_id ORDER BY n DESC LIMIT 1',
      )
      .get()
    const section = sqlite.prepare('SELECT section_id AS id FROM articles GROUP BY section_id LIMIT 1').get()
    const counts = sqlite.prepare('SELECT status, count(*) AS n FROM articles GROUP BY status').all()
    sqlite.close()
    const token = await app.sessions.create('staff', desk.id)
    const cookie = `nsid=${app.http.signCookie(token)}`

    const filterSets = [
      ['no filter', ''],
      ['status 작성 중', 'status=draft'],
      ['status 출고', 'status=published'],
      ['section', `section=${section.id}`],
      ['reporter', `reporter=${reporter.id}`],
      ['grade 중요', 'grade=important'],
      ['date range (a month)', 'from=2025-01-01&to=2025-01-31'],
      [
        'all five',
        `status=published&section=${section.id}&reporter=${reporter.id}&grade=normal&from=2024-01-01`,
      ],
    ]
    const requests = []
    for (const q of WORDS) {
      for (const [name, filter] of filterSets) {
        requests.push({
          kind: 'words',
          name,
          url: `/newsroom/articles?view=all&q=${encodeURIComponent(q)}&${filter}`,
        })
      }
      requests.push({
        kind: 'words',
        name: 'page 3',
        url: `/newsroom/articles?view=all&q=${encodeURIComponent(q)}&page=3`,
      })
    }
    for (const [name, filter] of filterSets) {
      for (const page of [1, 2, 20]) {
        requests.push({ kind: 'filters', name, url: `/newsroom/articles?view=all&${filter}&page=${page}` })
      }
    }
    const get = async (url) => {
      const r = await app.http.inject({ url, headers: { cookie } })
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode}`)
      return r
    }
    for (const r of requests) await get(r.url)
    for (const q of WORDS) await app.services.search.searchArticles({ q, limit: 20 })
    const times = { words: [], filters: [], baseline: [] }
    const byName = new Map()
    for (let round = 0; round < ROUNDS; round++) {
      for (const r of requests) {
        const started = performance.now()
        await get(r.url)
        const ms = performance.now() - started
        times[r.kind].push(ms)
        const key = `${r.kind}: ${r.name}`
        byName.set(key, [...(byName.get(key) ?? []), ms])
      }
      for (const q of WORDS) {
        const started = performance.now()
        await app.services.search.searchArticles({ q, limit: 20 })
        times.baseline.push(performance.now() - started)
      }
    }
    const stats = (list) => {
      const sorted = [...list].sort((a, b) => a - b)
      return {
        n: sorted.length,
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        max: sorted.at(-1),
      }
    }
    return {
      counts,
      words: stats(times.words),
      filters: stats(times.filters),
      all: stats([...times.words, ...times.filters]),
      baseline: stats(times.baseline),
      byName: [...byName].map(([name, list]) => ({ name, ...stats(list) })),
    }
  } finally {
    await app.close()
  }
}

const fmt = (n, digits = 1) =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

function table(r) {
  const row = (label, s) =>
    `| ${label} | ${s.n} | ${fmt(s.p50, 2)} ms | ${fmt(s.p95, 2)} ms | ${fmt(s.max, 1)} ms | ${fmt(s.p95 / r.baseline.p95, 2)} |`
  return [
    '| requests | timed | p50 | p95 | max | p95 ÷ baseline p95 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    row('list with words (index), each filter and page 3', r.words),
    row('list without words, each filter, pages 1, 2, 20', r.filters),
    row('**every list request**', r.all),
    row('baseline: reader search service, same words', r.baseline),
  ].join('\n')
}

function writeSection(r) {
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ')
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')
  const corpusEnv = process.env.BENCH_CORPUS_DIR ? `BENCH_CORPUS_DIR=${process.env.BENCH_CORPUS_DIR} ` : ''
  const mix = r.counts.map((c) => `${c.status} ${fmt(c.n, 0)}`).join(', ')
  const block = `<!-- newsroom-list:start -->
## Newsroom archive list

Written by \`bench/newsroom-list-bench.mjs\` (\`npm run build && ${corpusEnv}node bench/newsroom-list-bench.mjs\`), ${when} UTC,
SQLite. ${fmt(articles, 0)} generated articles (bench/corpus.mjs) given a newsroom's mix of statuses
(${mix}) and grades. Whole \`GET /newsroom/articles?view=all\` requests as the desk (session,
search or list query, page rendering) through \`inject\`: ${WORDS.length} searches × (no filter, each of
status, section, reporter, grade, a date range, all five together, page 3), and the filters alone
on pages 1, 2 and 20; ${ROUNDS} rounds after a warm-up round. Baseline, same run: the search service
alone for the same words (the reader's first page by relevance).

${table(r)}

<details><summary>p50 / p95 by kind of request</summary>

| request | p50 | p95 |
| --- | ---: | ---: |
${r.byName.map((b) => `| ${b.name} | ${fmt(b.p50, 1)} ms | ${fmt(b.p95, 1)} ms |`).join('\n')}

</details>

Target (issue 14): p95 < 100 ms at 100,000 articles — ${r.all.p95 < 100 ? '**met**' : '**not met**'} (${fmt(r.all.p95, 2)} ms).
Load average at the end of the run (1/5/15 min, ${cpus().length} cores): ${load}.
<!-- newsroom-list:end -->`
  const current = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n'
  const marker = /<!-- newsroom-list:start -->[\s\S]*?<!-- newsroom-list:end -->/
  writeFileSync(
    resultsFile,
    marker.test(current) ? current.replace(marker, block) : `${current.trimEnd()}\n\n${block}\n`,
  )
  log(`Wrote the newsroom-list section of ${resultsFile}`)
}

const dataDir = newsroomCopy(await corpusDir())
const result = await run(dataDir)
for (const r of result.byName) log(`  ${r.name}: p50 ${fmt(r.p50, 1)} ms, p95 ${fmt(r.p95, 1)} ms`)
console.log(table(result))
writeSection(result)
