// Import speed: articles per minute that `sinmun import ndsoft --from-dir` brings in from a
// local copy, photos included (each fetched from the copy and made into every served size by
// the media pipeline), into a fresh SQLite database, through the BUILT app.
// The copy is the ndsoft fixture (shared/fixtures/ndsoft) repeated COPIES times under new
// idxnos and photo paths, so no article or photo is a duplicate of another.
// Run: `npm run build && node bench/import-bench.mjs` (or as part of `npm run bench`).
// Env: BENCH_IMPORT_COPIES (default 20), BENCH_RESULTS (default bench/RESULTS.md).
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
if (!existsSync(join(dist, 'app.js'))) throw new Error('dist/ is missing: run `npm run build` first')
const { buildApp } = await import(join(dist, 'app.js'))
const { loadConfig } = await import(join(dist, 'platform/config.js'))
const { migrateToLatest } = await import(join(dist, 'platform/db/migrate.js'))
const { openDatabase } = await import(join(dist, 'platform/db/database.js'))
const { importNdsoft, directorySiteReader } = await import(join(dist, 'modules/importers/index.js'))

const COPIES = Number(process.env.BENCH_IMPORT_COPIES ?? 20)
const resultsFile = process.env.BENCH_RESULTS ?? join(import.meta.dirname, 'RESULTS.md')
const log = (...args) => console.error(...args)
// Where the tests find it too (src/testing/fixtures.ts): SINMUN_FIXTURES, or shared/ beside the repository.
const fixture = [process.env.SINMUN_FIXTURES, join(root, '..', 'shared', 'fixtures'), '/work/shared/fixtures']
  .filter(Boolean)
  .map((dir) => join(dir, 'ndsoft'))
  .find((dir) => existsSync(dir))
if (!fixture) throw new Error('The ndsoft fixture is missing (set SINMUN_FIXTURES)')

/** A saved site of COPIES × the fixture's articles: one list page, the feed, pages and photos. */
function makeCopy(dir) {
  const pages = readdirSync(join(fixture, 'news')).filter((f) => f.startsWith('articleView.html@idxno='))
  const photoDir = join(fixture, 'news/photo/202610')
  mkdirSync(join(dir, 'news'), { recursive: true })
  mkdirSync(join(dir, 'rss'), { recursive: true })
  copyFileSync(join(fixture, 'rss/allArticle.xml'), join(dir, 'rss/allArticle.xml'))
  const ids = []
  for (let copy = 1; copy <= COPIES; copy++) {
    mkdirSync(join(dir, `news/photo/c${copy}`), { recursive: true })
    for (const photo of readdirSync(photoDir))
      copyFileSync(join(photoDir, photo), join(dir, `news/photo/c${copy}`, photo))
    for (const page of pages) {
      const idxno = Number(/idxno=(\d+)/.exec(page)[1]) + copy * 100_000
      ids.push(idxno)
      const html = readFileSync(join(fixture, 'news', page), 'utf8').replaceAll(
        '/news/photo/202610/',
        `/news/photo/c${copy}/`,
      )
      writeFileSync(join(dir, `news/articleView.html@idxno=${idxno}.html`), html)
    }
  }
  const items = ids.map((id) => `<li><a href="/news/articleView.html?idxno=${id}">${id}</a></li>`).join('\n')
  writeFileSync(
    join(dir, 'news/articleList.html@view_type=sm.html'),
    `<!doctype html><html><body><section id="section-list"><ul class="type2">${items}</ul></section></body></html>`,
  )
  return ids.length
}

const work = mkdtempSync(join(os.tmpdir(), 'sinmun-import-bench-'))
try {
  const copyDir = join(work, 'site')
  const articles = makeCopy(copyDir)
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: join(work, 'data'),
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
  })
  const db = openDatabase(config.database)
  await migrateToLatest(db.kysely)
  await db.close()
  const app = await buildApp(config, { logger: false })
  const started = process.hrtime.bigint()
  const summary = await importNdsoft(
    app.services.importing,
    directorySiteReader(copyDir, 'https://www.daonilbo.example'),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  await app.close()
  if (summary.created.article !== articles)
    throw new Error(`imported ${summary.created.article} of ${articles}`)
  const perMinute = (articles / seconds) * 60
  const line = `| ndsoft, saved copy (\`--from-dir\`), SQLite | ${articles} | ${summary.created.photo} | ${seconds.toFixed(1)} s | ${Math.round(perMinute).toLocaleString('en-US')} |`
  console.log(line)
  const cpu = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown CPU'
  const block = `<!-- import:start -->
## Import speed

\`sinmun import ndsoft --from-dir\` into a fresh SQLite database through the built app, measured by
\`node bench/import-bench.mjs\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores, ${cpu}, Node ${process.version}).
The local copy is the ndsoft fixture repeated ${COPIES} times under new ids and photo paths; every
photo is read from the copy and made into all its served sizes (JPEG, WebP, AVIF) by the media
pipeline, which is most of the time. Over HTTP the importer waits \`--delay\` (1 s by default)
between requests, which then bounds the speed: about 60 requests a minute.

| import | articles | photos | time | articles/minute |
| --- | ---: | ---: | ---: | ---: |
${line}
<!-- import:end -->`
  const current = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '# Benchmark results\n'
  const marker = /<!-- import:start -->[\s\S]*?<!-- import:end -->/
  writeFileSync(
    resultsFile,
    marker.test(current) ? current.replace(marker, block) : `${current.trimEnd()}\n\n${block}\n`,
  )
  log(`Wrote the Import speed section of ${resultsFile}`)
} finally {
  rmSync(work, { recursive: true, force: true })
}
