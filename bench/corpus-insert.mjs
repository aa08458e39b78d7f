// Bulk insertion of the generated articles, their reporters, tags, related links, page
// views and comments: prepared statements inside large transactions.
import { documentText, summarize } from '../dist/modules/articles/document/document.text.js'
import { commentText, createTextGenerator, randomFrom } from './corpus-text.mjs'

const HOUR = 3_600_000
const SPAN_MS = 3 * 365 * 24 * HOUR
const BATCH = 5_000
const READERS = 300
const NAME_PARTS = ['하늘', '바다', '별빛', '새벽', '솔잎', '들꽃', '한강', '마루', '시민', '독자']

/** What the demo seed left behind, grouped the way the generator draws from it. */
function demoShape(sqlite) {
  const reporters = sqlite.prepare("SELECT id FROM staff WHERE role = 'reporter' ORDER BY id").pluck().all()
  const sections = sqlite.prepare('SELECT id FROM sections ORDER BY position').pluck().all()
  const bySection = (sql) => {
    const map = new Map(sections.map((id) => [id, []]))
    for (const row of sqlite.prepare(sql).all()) map.get(row.sectionId)?.push(row.value)
    return map
  }
  const sectionReporters = bySection(`SELECT a.section_id AS sectionId, r.staff_id AS value
    FROM article_reporters r JOIN articles a ON a.id = r.article_id WHERE r.position = 0`)
  const sectionTags = bySection(`SELECT DISTINCT a.section_id AS sectionId, t.tag_id AS value
    FROM article_tags t JOIN articles a ON a.id = t.article_id`)
  const sectionPhotos = bySection(
    'SELECT section_id AS sectionId, lead_photo_id AS value FROM articles WHERE lead_photo_id IS NOT NULL',
  )
  const inlinePhotos = sqlite
    .prepare("SELECT id FROM photos WHERE storage_key LIKE 'demo-inline-%'")
    .pluck()
    .all()
  const allTags = sqlite.prepare('SELECT id FROM tags').pluck().all()
  const orFallback = (list, fallback) => (list.length > 0 ? list : fallback)
  const allPhotos = [...sectionPhotos.values()].flat()
  return {
    sections,
    reportersFor: (s) => orFallback(sectionReporters.get(s) ?? [], reporters),
    reporters,
    tagsFor: (s) => orFallback(sectionTags.get(s) ?? [], allTags),
    allTags,
    photosFor: (s) => orFallback(sectionPhotos.get(s) ?? [], allPhotos),
    inlinePhotos,
  }
}

function statements(sqlite) {
  return {
    article: sqlite.prepare(`INSERT INTO articles (section_id, headline, subheadline, body, summary,
      lead_photo_id, status, grade, created_by, created_at, updated_at, published_at, modified_at)
      VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?, ?)`),
    reporter: sqlite.prepare(
      'INSERT INTO article_reporters (article_id, staff_id, position) VALUES (?, ?, ?)',
    ),
    tag: sqlite.prepare('INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)'),
    related: sqlite.prepare(
      'INSERT OR IGNORE INTO related_articles (article_id, related_id, position) VALUES (?, ?, ?)',
    ),
    views: sqlite.prepare(`INSERT INTO article_views (article_id, hour, views) VALUES (?, ?, ?)
      ON CONFLICT (article_id, hour) DO UPDATE SET views = views + excluded.views`),
    reader: sqlite.prepare(
      'INSERT INTO readers (provider, subject, display_name, created_at) VALUES (?, ?, ?, ?)',
    ),
    comment: sqlite.prepare(`INSERT INTO comments (article_id, parent_id, reader_id, body, status,
      likes, dislikes, reports, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`),
  }
}

const iso = (ms) => new Date(ms).toISOString()

export async function insertArticles(sqlite, { articles, now, log }) {
  const random = randomFrom(20250204)
  const text = createTextGenerator(random)
  const shape = demoShape(sqlite)
  const sql = statements(sqlite)
  const ids = new Int32Array(articles)
  const times = new Float64Array(articles)
  const recentBySection = new Map(shape.sections.map((s) => [s, []]))
  const step = SPAN_MS / articles
  const started = Date.now()

  const insertOne = (i) => {
    // Oldest first, so ids grow with publication time as they do on a real site.
    const publishedAt = now - (articles - i) * step - random.next() * step * 0.9
    const section = random.pick(shape.sections)
    const inline =
      random.chance(0.1) && shape.inlinePhotos.length > 0 ? random.pick(shape.inlinePhotos) : null
    const body = text.body(inline)
    const reporter = random.pick(shape.reportersFor(section))
    const grade = random.chance(0.005) ? 'headline' : random.chance(0.08) ? 'important' : 'normal'
    const modifiedAt = random.chance(0.05)
      ? Math.min(now, publishedAt + random.int(1, 48) * HOUR * 0.25)
      : null
    const { lastInsertRowid } = sql.article.run(
      section,
      text.headline(),
      text.subheadline(),
      JSON.stringify(body),
      summarize(documentText(body)),
      random.chance(0.85) ? random.pick(shape.photosFor(section)) : null,
      grade,
      reporter,
      iso(publishedAt - random.int(10, 180) * 60_000),
      iso(modifiedAt ?? publishedAt),
      iso(publishedAt),
      modifiedAt === null ? null : iso(modifiedAt),
    )
    const id = Number(lastInsertRowid)
    ids[i] = id
    times[i] = publishedAt
    sql.reporter.run(id, reporter, 0)
    if (random.chance(0.15)) {
      const second = random.pick(shape.reporters)
      if (second !== reporter) sql.reporter.run(id, second, 1)
    }
    const tagCount = random.int(1, 4)
    for (let k = 0; k < tagCount; k++) {
      sql.tag.run(id, random.pick(random.chance(0.8) ? shape.tagsFor(section) : shape.allTags))
    }
    const recent = recentBySection.get(section)
    if (recent.length > 0 && random.chance(0.5)) {
      const count = Math.min(recent.length, random.int(1, 3))
      for (let k = 0; k < count; k++) sql.related.run(id, random.pick(recent), k)
    }
    recent.push(id)
    if (recent.length > 50) recent.shift()
  }

  for (let from = 0; from < articles; from += BATCH) {
    const to = Math.min(articles, from + BATCH)
    sqlite.transaction(() => {
      for (let i = from; i < to; i++) insertOne(i)
    })()
    if (to % 20_000 === 0 || to === articles) {
      log(`  articles ${to}/${articles} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    }
  }
  const views = sqlite.transaction(() => insertViews(sql, random, { ids, times, now }))()
  const comments = sqlite.transaction(() => insertComments(sql, random, { ids, times, now }))()
  return { articles, views, comments }
}

/** The last index whose article was published at or before `t` (times grow with the index). */
function lastBefore(times, t) {
  let lo = 0
  let hi = times.length - 1
  if (times[0] > t) return -1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (times[mid] <= t) lo = mid
    else hi = mid - 1
  }
  return lo
}

/**
 * Page views per article per hour over the last 7 days: most go to articles of the previous
 * three days, a long tail to older ones, a few articles far ahead of the rest.
 */
function insertViews(sql, random, { ids, times, now }) {
  let rows = 0
  const hourNow = Math.floor(now / HOUR) * HOUR
  for (let h = 0; h < 24 * 7; h++) {
    const start = hourNow - h * HOUR
    const newest = lastBefore(times, start + HOUR)
    const threeDays = Math.max(0, lastBefore(times, start - 72 * HOUR))
    if (newest < 0) continue
    for (let k = 0; k < 120; k++) {
      const i = random.chance(0.8) ? random.int(threeDays, newest) : random.int(0, newest)
      const views = Math.floor(3000 / (k + 1)) + random.int(1, 40)
      sql.views.run(ids[i], new Date(start).toISOString().slice(0, 13), views)
      rows++
    }
  }
  return rows
}

/** Readers' comments on the newest articles: about 40% of them, up to 12 each, some replies. */
function insertComments(sql, random, { ids, times, now }) {
  const readers = []
  for (let r = 0; r < READERS; r++) {
    const provider = random.pick(['kakao', 'naver', 'google'])
    const name = `${random.pick(NAME_PARTS)}${random.pick(NAME_PARTS)}${random.int(1, 99)}`
    readers.push(
      Number(sql.reader.run(provider, `bench-${r}`, name, iso(now - 400 * 24 * HOUR)).lastInsertRowid),
    )
  }
  let count = 0
  const newest = ids.length - 1
  for (let i = newest; i > Math.max(-1, newest - 5000); i--) {
    if (i !== newest && !random.chance(0.4)) continue
    const n = random.int(1, 12)
    const posted = []
    for (let k = 0; k < n; k++) {
      const at = iso(Math.min(now - 60_000, times[i] + random.int(2, 600) * 60_000))
      const parent = posted.length > 0 && random.chance(0.15) ? random.pick(posted) : null
      const status = random.chance(0.02) ? 'deleted' : 'published'
      const { lastInsertRowid } = sql.comment.run(
        ids[i],
        parent,
        random.pick(readers),
        commentText(random),
        status,
        random.int(0, 40),
        random.int(0, 8),
        at,
        at,
      )
      if (parent === null) posted.push(Number(lastInsertRowid))
      count++
    }
  }
  return count
}
