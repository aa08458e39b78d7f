// Fills an empty database with the demo outlet: settings, sections, reporters with photos,
// articles with lead and inline photos, legal pages, page views and a few comments.
import { randomBytes } from 'node:crypto'
import type { Clock } from '../../platform/clock.js'
import type { AccountsModule } from '../accounts/index.js'
import type {
  ArticleDocument,
  ArticlesStore,
  DocumentBlock,
  TodayPhotos,
  ViewCounter,
} from '../articles/index.js'
import type { CommentsService } from '../comments/index.js'
import { type MediaService, photoUrl, widthFor } from '../media/index.js'
import type { DeskService, HomeCuration } from '../newsroom/index.js'
import type { OutletService } from '../outlet/index.js'
import type { PagesService } from '../pages/index.js'
import type { StaffService } from '../staff/index.js'
import {
  demoArticles,
  demoBreaking,
  demoOutlet,
  demoPages,
  demoReporters,
  demoSections,
} from './demo-content.js'
import type { DemoBlock } from './demo-content.types.js'
import { demoLogo, demoPhoto, demoPortrait } from './demo-photos.js'

/** What the seeder writes through: each module's service, built by the composition root. */
export interface DemoServices {
  clock: Clock
  media: Pick<MediaService, 'storePhoto'>
  outlet: Pick<OutletService, 'saveOutlet'>
  sections: Pick<ArticlesStore, 'findOrCreateSection' | 'firstSectionId' | 'setRelated'>
  staff: Pick<StaffService, 'createAccount'>
  desk: Pick<DeskService, 'createDraft' | 'publishArticle'>
  pages: Pick<PagesService, 'savePage'>
  todayPhotos: Pick<TodayPhotos, 'pickTodayPhotos'>
  views: Pick<ViewCounter, 'addCounts'>
  readers: Pick<AccountsModule, 'findOrCreateReader'>
  comments: Pick<CommentsService, 'importComment'>
  /** The home page's 속보 ticker. */
  home: Pick<HomeCuration, 'setBreaking'>
}

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
export async function seedDemo(
  app: DemoServices,
  options: { adminPassword?: string } = {},
): Promise<SeedResult> {
  if ((await app.sections.firstSectionId()) !== undefined) return { seeded: false }
  const { media, outlet, desk, pages, todayPhotos, staff } = app
  const now = app.clock.now().getTime()

  const logo = await media.storePhoto(() => demoLogo(demoOutlet.name), {
    key: 'demo-logo-2x',
    alt: demoOutlet.name,
  })
  // Drawn 48 px tall in the masthead; the 320 and 640 px variants are its 1x and 2x.
  const logoHeight = 48
  const logoWidth = Math.round((logo.width * logoHeight) / logo.height)
  const oneX = widthFor(logo, logoWidth)
  const twoX = widthFor(logo, logoWidth * 2)
  await outlet.saveOutlet({
    ...demoOutlet,
    logoUrl: photoUrl(logo, twoX, 'jpg'),
    logoSrcset: `${photoUrl(logo, oneX, 'jpg')} 1x, ${photoUrl(logo, twoX, 'jpg')} 2x`,
    logoWidth,
    logoHeight,
  })

  const sectionIds = new Map<string, number>()
  for (const section of demoSections) {
    sectionIds.set(section.slug, (await app.sections.findOrCreateSection(section.slug, section.name)).id)
  }

  const reporterIds = new Map<string, number>()
  for (const [i, r] of demoReporters.entries()) {
    const photo = await media.storePhoto(() => demoPortrait(i), { key: `demo-reporter-${i}`, alt: r.name })
    const id = await staff.createAccount({
      email: r.email,
      name: r.name,
      role: 'reporter',
      bio: r.bio,
      photoId: photo.id,
      // The demo's reporters chose to show their address in bylines (a real outlet's do so
      // in their profile; the login address itself is never shown).
      publicEmail: r.email,
    })
    reporterIds.set(r.key, id)
  }
  const password = options.adminPassword ?? randomBytes(9).toString('base64url')
  const adminEmail = 'admin@sinmun-demo.kr'
  await staff.createAccount({ email: adminEmail, name: '편집국장', role: 'admin', password })
  // The desk editor and the reporters have no password: the admin sends them a reset link
  // from the newsroom's staff page (printed on the console in the embedded mode).
  await staff.createAccount({ email: 'desk@sinmun-demo.kr', name: '데스크', role: 'desk' })

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
    const id = await desk.createDraft(
      {
        sectionId: sectionIds.get(a.section)!,
        headline: a.headline,
        subheadline: a.subheadline,
        body,
        leadPhotoId: lead.id,
        reporterIds: a.reporters.map((key) => reporterIds.get(key)!),
        unsigned: a.reporters.length === 0,
        tags: a.tags,
        grade: a.grade,
      },
      null,
    )
    await desk.publishArticle(id, a.publishedAt ?? new Date(now - a.hoursAgo * HOUR).toISOString())
    articleIds.push(id)
  }
  await linkRelatedArticles(app, articleIds)

  for (const page of demoPages) await pages.savePage(page.slug, page.title, toDocument(page.body))
  await todayPhotos.pickTodayPhotos(articleIds.slice(0, 4))
  // A 속보 ticker for a day, so the demo's home shows every zone.
  const breakingOn = demoArticles.findIndex((a) => a.headline === demoBreaking.articleHeadline)
  await app.home.setBreaking({
    text: demoBreaking.text,
    articleId: articleIds[breakingOn] ?? null,
    until: new Date(now + 24 * HOUR).toISOString(),
  })
  await seedViews(app, articleIds)
  await seedComments(app, articleIds)
  return { seeded: true, admin: { email: adminEmail, password } }
}

/** Articles sharing a tag point at each other as related, up to three, newest first. */
async function linkRelatedArticles(app: DemoServices, articleIds: number[]) {
  const tagsOf = demoArticles.map((a) => new Set(a.tags))
  for (const [i, articleId] of articleIds.entries()) {
    const related = articleIds
      .flatMap((other, j) => (j !== i && [...tagsOf[i]!].some((t) => tagsOf[j]!.has(t)) ? [other] : []))
      .sort((x, y) => y - x)
      .slice(0, 3)
    if (related.length > 0) await app.sections.setRelated(articleId, related)
  }
}

/** Page views over the past week, more for newer articles, so 많이 본 뉴스 has something to rank. */
async function seedViews(app: DemoServices, articleIds: number[]) {
  const now = app.clock.now().getTime()
  const rows = articleIds.flatMap((articleId, i) =>
    Array.from({ length: 6 }, (_, k) => ({
      articleId,
      hour: new Date(now - (k * 28 + (i % 7)) * HOUR).toISOString().slice(0, 13),
      views: ((i * 37 + k * 11) % 97) + 5,
    })),
  )
  await app.views.addCounts(rows)
}

const demoReaders = ['독자한마디', '서울시민', '새벽기차']
const demoComments = [
  '현장 분위기가 잘 전해지는 기사네요. 후속 보도도 기대합니다.',
  '숫자로 정리해 주니 이해가 쉽습니다.',
  '다른 시각의 의견도 함께 다뤄 주면 좋겠습니다.',
]

async function seedComments(app: DemoServices, articleIds: number[]) {
  const at = app.clock.now().toISOString()
  const readers: { id: number }[] = []
  for (const [i, name] of demoReaders.entries()) {
    readers.push(
      await app.readers.findOrCreateReader({
        provider: 'demo',
        subject: `demo-reader-${i}`,
        displayName: name,
      }),
    )
  }
  for (const [i, articleId] of articleIds.slice(0, 6).entries()) {
    for (const [k, body] of demoComments.slice(0, (i % 3) + 1).entries()) {
      await app.comments.importComment({
        articleId,
        parentId: null,
        readerId: readers[(i + k) % readers.length]!.id,
        guestName: null,
        body,
        status: 'published',
        createdAt: new Date(Date.parse(at) - (k + 1) * 600_000).toISOString(),
      })
    }
  }
}
