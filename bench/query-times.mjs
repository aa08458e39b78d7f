// Times every query the reader pages run, on the benchmark corpus, three ways: through Kysely's
// executor (the app's path inside transactions and on PostgreSQL), as the same SQL on a
// prepared better-sqlite3 statement (what SQLite itself costs, and about what the app's
// prepared queries cost outside transactions), and whole pages rendered in process
// (app.http.inject, PAGE_CACHE=false).
// Usage: node bench/query-times.mjs [--articles 100000]
import { copyFileSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { CamelCasePlugin, Kysely, SqliteDialect } from 'kysely'
import * as repo from '../dist/modules/articles/articles.repository.js'
import * as comments from '../dist/modules/comments/comments.repository.js'
import { generateCorpus } from './corpus.mjs'

const { values: opts } = parseArgs({ options: { articles: { type: 'string', default: '100000' } } })
const out = join(import.meta.dirname, 'out')
const corpusDir = join(out, `corpus-${opts.articles}`)
const corpus = await generateCorpus({ dataDir: corpusDir, articles: Number(opts.articles) })
const runDir = join(out, 'query-run')
rmSync(runDir, { recursive: true, force: true })
mkdirSync(runDir, { recursive: true })
const dbFile = join(runDir, 'sinmun.db')
copyFileSync(corpus.dbFile, dbFile)

const sqlite = new SQLite(dbFile)
sqlite.pragma('journal_mode = WAL')
let captured = []
const db = new Kysely({
  dialect: new SqliteDialect({ database: sqlite }),
  plugins: [new CamelCasePlugin()],
  log: (event) => captured.push(event.query),
})

/** Mean microseconds per call, over at least 30 calls and about 300 ms. */
async function time(fn) {
  for (let i = 0; i < 5; i++) await fn()
  let n = 0
  const started = performance.now()
  while (n < 30 || performance.now() - started < 300) {
    await fn()
    n++
  }
  return ((performance.now() - started) * 1000) / n
}

const one = (sql) => sqlite.prepare(sql).pluck().get()
const article = sqlite
  .prepare(`SELECT id, section_id AS sectionId, published_at AS publishedAt FROM articles
    WHERE status = 'published' AND lead_photo_id IS NOT NULL
      AND EXISTS (SELECT 1 FROM comments c WHERE c.article_id = articles.id) ORDER BY published_at DESC LIMIT 1`)
  .get()
const bigTag = one('SELECT tag_id FROM article_tags GROUP BY tag_id ORDER BY count(*) DESC LIMIT 1')
const reporter = one(
  'SELECT staff_id FROM article_reporters GROUP BY staff_id ORDER BY count(*) DESC LIMIT 1',
)
const hourAgo = (h) => new Date(Date.now() - h * 3_600_000).toISOString().slice(0, 13)
const ids20 = sqlite
  .prepare("SELECT id FROM articles WHERE status = 'published' ORDER BY published_at DESC LIMIT 20")
  .pluck()
  .all()

const cases = {
  'article: findPublishedArticle': () => repo.findPublishedArticle(db, article.id),
  'article: bylinesOf': () => repo.bylinesOf(db, [article.id]),
  'article: tagsOf': () => repo.tagsOf(db, article.id),
  'article: relatedCards': () => repo.relatedCards(db, article.id),
  'article: sectionNeighbours': () => repo.sectionNeighbours(db, article),
  'article: comments countsFor': () => comments.publishedCounts(db, [article.id]),
  // The first page of threads, as the article page reads it: 20 roots (and one to see if
  // there are more), then their replies.
  'article: comment threads': async () => {
    const roots = await comments.rootPage(db, article.id, 'newest', 21, 0)
    await comments.replyRows(
      db,
      roots.slice(0, 20).map((r) => r.id),
    )
  },
  'lists: cards of 20 – bylinesOf': () => repo.bylinesOf(db, ids20),
  'lists: cards of 20 – comment counts': () => comments.publishedCounts(db, ids20),
  'home: latestCards 10': () => repo.latestCards(db, 10),
  'home: byGrade headline 4': () => repo.latestCardsByGrade(db, 'headline', 4),
  'home: byGrade important 40': () => repo.latestCardsByGrade(db, 'important', 40),
  'section: sectionCards page 1': () => repo.sectionCards(db, [article.sectionId], 20, 0),
  'section: sectionCards page 500': () => repo.sectionCards(db, [article.sectionId], 20, 9980),
  'section: countSection': () => repo.countSection(db, article.sectionId),
  'tag: tagCards (largest tag)': () => repo.tagCards(db, bigTag, 20, 0),
  'tag: countTag (largest tag)': () => repo.countTag(db, bigTag),
  'reporter: reporterCards': () => repo.reporterCards(db, reporter, 20, 0),
  'reporter: countReporter': () => repo.countReporter(db, reporter),
  'memo 60 s: mostViewedSince 24 h': () => repo.mostViewedSince(db, hourAgo(24), 10),
  'memo 60 s: mostViewedSince 7 days': () => repo.mostViewedSince(db, hourAgo(24 * 7), 10),
}

console.log(
  `Corpus ${opts.articles}: article ${article.id}, section ${article.sectionId}, tag ${bigTag}, reporter ${reporter}`,
)
console.log('\n  Kysely µs   SQLite µs  query')
const plans = []
for (const [name, fn] of Object.entries(cases)) {
  captured = []
  await fn()
  const queries = [...captured]
  const viaKysely = await time(fn)
  const statements = queries.map((q) => ({ stmt: sqlite.prepare(q.sql), params: q.parameters }))
  const raw = await time(async () => {
    for (const { stmt, params } of statements) stmt.all(...params)
  })
  console.log(`${viaKysely.toFixed(0).padStart(10)} ${raw.toFixed(0).padStart(11)}  ${name}`)
  for (const q of queries) {
    const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters)
    plans.push(`${name}\n  ${q.sql}\n${plan.map((p) => `    ${p.detail}`).join('\n')}`)
  }
}
console.log('\nQuery plans\n')
console.log(plans.join('\n\n'))
const slug = one(`SELECT slug FROM sections WHERE id = ${article.sectionId}`)
await db.destroy() // closes `sqlite` too

// Whole pages, rendered in process without HTTP, to split query time from rendering time.
const { loadConfig } = await import('../dist/platform/config.js')
const { buildApp } = await import('../dist/app.js')
const app = await buildApp(
  loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'sinmun-benchmark-session-secret-0123456789',
    DATA_DIR: runDir,
    MEDIA_DIR: join(corpusDir, 'media'),
    PAGE_CACHE: 'false',
    LOG_LEVEL: 'warn',
  }),
  { logger: false },
)
console.log('\n  µs/page  in process (inject, cache off)')
for (const url of [`/news/${article.id}`, '/', `/section/${slug}`]) {
  const us = await time(() => app.http.inject({ method: 'GET', url }))
  console.log(`${us.toFixed(0).padStart(9)}  GET ${url}`)
}
const reader = app.services.articles
console.log(
  `${(await time(() => reader.articlePage(article.id))).toFixed(0).padStart(9)}  reader.articlePage() alone`,
)
console.log(
  `${(await time(() => reader.sectionList([article.sectionId], 20, 0))).toFixed(0).padStart(9)}  reader.sectionList() alone`,
)
await app.close()
