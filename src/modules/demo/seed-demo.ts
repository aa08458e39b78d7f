// Fills an empty database with the demo outlet: settings, sections, reporters with photos,
// articles with lead and inline photos, legal pages, page views and a few comments.
import { randomBytes } from 'node:crypto'
import type { Sinmun } from '../../app.js'
import { hashPassword } from '../../platform/passwords.js'
import type { ArticleDocument, DocumentBlock } from '../articles/document/document.schema.js'
import { photoUrl, widthFor } from '../media/photo.js'
import { demoArticles, demoOutlet, demoPages, demoReporters, demoSections } from './demo-content.js'
import type { DemoBlock } from './demo-content.types.js'
import { demoLogo, demoPhoto, demoPortrait } from './demo-photos.js'

export interface SeedResult {
  seeded: boolean
  admin?: { email: string; password: string }
}

const HOUR = 3_600_000

function toBlock(block: DemoBlock): DocumentBlock {
  if (typeof block === 'string') return { type: 'paragraph', content: [{ type: 'text', text: block }] }
  if ('heading' in block)
    return { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: block.heading }] }
  return {
    type: 'blockquote',
    attrs: { cite: block.cite ?? null },
    content: [{ type: 'paragraph', content: [{ type: 'text', text: block.quote }] }],
  }
}

const toDocument = (blocks: DemoBlock[]): ArticleDocument => ({ type: 'doc', content: blocks.map(toBlock) })

/** Seeds the demo into an empty database; does nothing when sections already exist. */
export async function seedDemo(app: Sinmun, options: { adminPassword?: string } = {}): Promise<SeedResult> {
  const db = app.db.kysely
  const existing = await db.selectFrom('sections').select('id').limit(1).executeTakeFirst()
  if (existing) return { seeded: false }
  const { media, outlet, articlesWriter, pages, todayPhotos } = app.services
  const now = app.clock.now().getTime()
  const createdAt = new Date(now).toISOString()

  const logo = await media.storePhoto(() => demoLogo(demoOutlet.name), {
    key: 'demo-logo',
    alt: demoOutlet.name,
  })
  await outlet.saveOutlet({ ...demoOutlet, logoUrl: photoUrl(logo, widthFor(logo, 640), 'jpg') })

  const sectionIds = new Map<string, number>()
  for (const [position, s] of demoSections.entries()) {
    const row = await db
      .insertInto('sections')
      .values({ slug: s.slug, name: s.name, position })
      .returning('id')
      .executeTakeFirstOrThrow()
    sectionIds.set(s.slug, row.id)
  }

  const reporterIds = new Map<string, number>()
  for (const [i, r] of demoReporters.entries()) {
    const photo = await media.storePhoto(() => demoPortrait(i), { key: `demo-reporter-${i}`, alt: r.name })
    const row = await db
      .insertInto('staff')
      .values({ email: r.email, name: r.name, role: 'reporter', bio: r.bio, photoId: photo.id, createdAt })
      .returning('id')
      .executeTakeFirstOrThrow()
    reporterIds.set(r.key, row.id)
  }
  const password = options.adminPassword ?? randomBytes(9).toString('base64url')
  const adminEmail = 'admin@sinmun-demo.kr'
  await db
    .insertInto('staff')
    .values({
      email: adminEmail,
      name: '편집국장',
      role: 'admin',
      bio: '',
      passwordHash: await hashPassword(password),
      createdAt,
    })
    .execute()
  // The desk editor and the reporters have no password: the admin sends them a reset link
  // from the newsroom's staff page (printed on the console in the embedded mode).
  await db
    .insertInto('staff')
    .values({ email: 'desk@sinmun-demo.kr', name: '데스크', role: 'desk', bio: '', createdAt })
    .execute()

  const articleIds: number[] = []
  for (const [i, a] of demoArticles.entries()) {
    const lead = await media.storePhoto(() => demoPhoto(i), {
      key: `demo-article-${i}`,
      caption: a.leadPhoto.caption,
      credit: a.leadPhoto.credit,
      alt: a.leadPhoto.alt,
    })
    const body = toDocument(a.body)
    if (a.inlinePhoto) {
      const inline = await media.storePhoto(() => demoPhoto(i + 500), {
        key: `demo-inline-${i}`,
        caption: a.inlinePhoto.caption,
        credit: a.inlinePhoto.credit,
        alt: a.inlinePhoto.alt,
      })
      body.content.splice(a.inlinePhoto.afterBlock + 1, 0, { type: 'photo', attrs: { photoId: inline.id } })
    }
    const id = await articlesWriter.createDraft(
      {
        sectionId: sectionIds.get(a.section)!,
        headline: a.headline,
        subheadline: a.subheadline,
        body,
        leadPhotoId: lead.id,
        reporterIds: a.reporters.map((key) => reporterIds.get(key)!),
        tags: a.tags,
        grade: a.grade,
      },
      null,
    )
    await articlesWriter.publishArticle(id, a.publishedAt ?? new Date(now - a.hoursAgo * HOUR).toISOString())
    articleIds.push(id)
  }
  await linkRelatedArticles(app, articleIds)

  for (const page of demoPages) await pages.savePage(page.slug, page.title, toDocument(page.body))
  await todayPhotos.pickTodayPhotos(articleIds.slice(0, 4))
  await seedViews(app, articleIds)
  await seedComments(app, articleIds)
  return { seeded: true, admin: { email: adminEmail, password } }
}

/** Articles sharing a tag point at each other as related, up to three. */
async function linkRelatedArticles(app: Sinmun, articleIds: number[]) {
  const db = app.db.kysely
  const pairs = await db
    .selectFrom('articleTags as a')
    .innerJoin('articleTags as b', (j) =>
      j.onRef('a.tagId', '=', 'b.tagId').onRef('a.articleId', '!=', 'b.articleId'),
    )
    .select(['a.articleId', 'b.articleId as relatedId'])
    .where('a.articleId', 'in', articleIds)
    .orderBy('a.articleId')
    .orderBy('b.articleId', 'desc')
    .execute()
  const byArticle = new Map<number, number[]>()
  for (const p of pairs) {
    const list = byArticle.get(p.articleId) ?? []
    if (list.length < 3 && !list.includes(p.relatedId)) list.push(p.relatedId)
    byArticle.set(p.articleId, list)
  }
  const rows = [...byArticle].flatMap(([articleId, related]) =>
    related.map((relatedId, position) => ({ articleId, relatedId, position })),
  )
  if (rows.length > 0) await db.insertInto('relatedArticles').values(rows).execute()
}

/** Page views over the past week, more for newer articles, so 많이 본 뉴스 has something to rank. */
async function seedViews(app: Sinmun, articleIds: number[]) {
  const now = app.clock.now().getTime()
  const rows = articleIds.flatMap((articleId, i) =>
    Array.from({ length: 6 }, (_, k) => ({
      articleId,
      hour: new Date(now - (k * 28 + (i % 7)) * HOUR).toISOString().slice(0, 13),
      views: ((i * 37 + k * 11) % 97) + 5,
    })),
  )
  await app.db.kysely.insertInto('articleViews').values(rows).execute()
}

const demoReaders = ['독자한마디', '서울시민', '새벽기차']
const demoComments = [
  '현장 분위기가 잘 전해지는 기사네요. 후속 보도도 기대합니다.',
  '숫자로 정리해 주니 이해가 쉽습니다.',
  '다른 시각의 의견도 함께 다뤄 주면 좋겠습니다.',
]

async function seedComments(app: Sinmun, articleIds: number[]) {
  const db = app.db.kysely
  const at = app.clock.now().toISOString()
  const readers: { id: number }[] = []
  for (const [i, name] of demoReaders.entries()) {
    readers.push(
      await db
        .insertInto('readers')
        .values({ provider: 'demo', subject: `demo-reader-${i}`, displayName: name, createdAt: at })
        .returning('id')
        .executeTakeFirstOrThrow(),
    )
  }
  const rows = articleIds.slice(0, 6).flatMap((articleId, i) =>
    demoComments.slice(0, (i % 3) + 1).map((body, k) => ({
      articleId,
      readerId: readers[(i + k) % readers.length]!.id,
      body,
      status: 'published' as const,
      createdAt: new Date(Date.parse(at) - (k + 1) * 600_000).toISOString(),
      updatedAt: at,
    })),
  )
  await db.insertInto('comments').values(rows).execute()
}
