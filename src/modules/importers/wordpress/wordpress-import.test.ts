// Imports the real WordPress 6 export kept in shared/fixtures and checks, through the reader
// site, that every post, term, author, image and comment arrived; a second run changes nothing.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../../testing/dialects.js'
import { fixtureDir } from '../../../testing/fixtures.js'
import { createTestApp, type TestApp } from '../../../testing/test-app.js'
import { splitCredit } from '../html-to-document.js'
import { importWordpress } from './wordpress-import.js'

const FIXTURE = fixtureDir('wordpress')
const xml = readFileSync(`${FIXTURE}export.xml`, 'utf8')
const expected = JSON.parse(readFileSync(`${FIXTURE}expected.json`, 'utf8')) as Expected

interface ExpectedPost {
  id: number
  title: string
  author: string
  categories: string[]
  tags: string[]
  featured_image: string | null
  inline_images: string[]
  approved_comments: number
  date_gmt: string
}
interface Expected {
  posts: ExpectedPost[]
  other_posts: ExpectedPost[]
  pages: { title: string; slug: string }[]
  authors: { display_name: string }[]
  categories: { name: string; slug: string }[]
  tags: { name: string }[]
  attachments: { id: number; file: string; alt: string; caption: string }[]
}

/** The page's visible text: tags dropped, entities decoded, whitespace collapsed. */
const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

/** Every line of text a post's WordPress content holds, to check none was lost. */
function sourceLines(postId: number): string[] {
  const item = xml.split('<item>').find((i) => i.includes(`<wp:post_id>${postId}</wp:post_id>`)) ?? ''
  const content = item.match(/<content:encoded><!\[CDATA\[([\s\S]*?)\]\]><\/content:encoded>/)?.[1] ?? ''
  return content
    .replace(/\[\/?caption[^\]]*\]/g, '')
    .split(/\n|<\/(?:p|li|h2|figcaption)>/)
    .map((line) => textOf(line).trim())
    .filter((line) => line.length > 0)
}

const TABLES = [
  'articles',
  'sections',
  'staff',
  'photos',
  'tags',
  'articleTags',
  'comments',
  'pages',
] as const

for (const dialect of await testDialects()) {
  describe(`WordPress import (${dialect})`, () => {
    let app: TestApp
    let firstRun: Awaited<ReturnType<typeof importWordpress>>
    const get = (url: string) => app.http.inject({ method: 'GET', url })
    const counts = async () =>
      Object.fromEntries(
        await Promise.all(
          TABLES.map(async (t) => {
            const row = await app.db.kysely
              .selectFrom(t)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
            return [t, Number(row.n)] as const
          }),
        ),
      )
    const articleIdOf = async (title: string) => {
      const row = await app.db.kysely
        .selectFrom('articles')
        .select('id')
        .where('headline', '=', title)
        .executeTakeFirstOrThrow()
      return row.id
    }

    beforeAll(async () => {
      app = await createTestApp({ dialect, now: '2026-11-29T12:00:00.000Z' })
      firstRun = await importWordpress(app.services.importing, xml, { uploadsDir: `${FIXTURE}uploads` })
    }, 120_000)
    afterAll(() => app?.cleanup())

    it('reports what it created', () => {
      expect(firstRun.created).toMatchObject({
        section: expected.categories.length,
        reporter: expected.authors.length,
        photo: expected.attachments.length,
        article: expected.posts.length,
        draft: expected.other_posts.length,
        page: expected.pages.length,
        comment: expected.posts.reduce((n, p) => n + p.approved_comments, 0),
      })
      expect(firstRun.warnings).toEqual([])
    })

    it('shows every published post with its title, text, section, tags, reporter, photos and comments', async () => {
      for (const post of expected.posts) {
        const id = await articleIdOf(post.title)
        const page = await get(`/news/${id}`)
        expect(page.statusCode, post.title).toBe(200)
        const text = textOf(page.body)
        expect(text).toContain(post.title)
        expect(text).toContain(post.author)
        expect(text).toContain(post.categories[0])
        for (const tag of post.tags) expect(text, `${post.title}: tag ${tag}`).toContain(tag)

        for (const line of sourceLines(post.id)) expect(text, `${post.title}: text`).toContain(line)

        const photoUrls = [...page.body.matchAll(/src="(\/media\/[^"]+)"/g)].map((m) => m[1] as string)
        const images = [post.featured_image, ...post.inline_images].filter((f): f is string => f !== null)
        expect(photoUrls.length, `${post.title}: photos`).toBeGreaterThanOrEqual(new Set(images).size)
        for (const url of photoUrls) expect((await get(url)).statusCode, url).toBe(200)
        for (const file of post.inline_images) {
          const attachment = expected.attachments.find((a) => a.file.endsWith(`/${file}`))
          const { caption, credit } = splitCredit(attachment?.caption ?? '')
          if (caption) expect(text).toContain(caption)
          if (credit) expect(text).toContain(credit)
        }

        const comments = await app.db.kysely
          .selectFrom('comments')
          .select(['body', 'guestName'])
          .where('articleId', '=', id)
          .where('status', '=', 'published')
          .execute()
        expect(comments, `${post.title}: comments`).toHaveLength(post.approved_comments)
        for (const c of comments) {
          expect(text).toContain(c.body.replace(/\s+/g, ' '))
          expect(text).toContain(c.guestName)
        }
        const publishedAt = await app.db.kysely
          .selectFrom('articles')
          .select('publishedAt')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
        expect(publishedAt.publishedAt).toBe(`${post.date_gmt.replace(' ', 'T')}.000Z`)
      }
    })

    it('decodes what WordPress stored with entities, emoji included', async () => {
      const row = await app.db.kysely
        .selectFrom('comments')
        .select('body')
        .where('guestName', '=', '반도체맨')
        .executeTakeFirstOrThrow()
      expect(row.body).toBe(
        "R&D 센터도 같이 오나요? 패키징 라인만 오면 결국 생산기지일 뿐이라서요 <3 HBM4 양산 시점도 궁금합니다 'ㅅ' 😀👍",
      )
    })

    it('keeps replies as replies', async () => {
      const replies = await app.db.kysely
        .selectFrom('comments')
        .select('parentId')
        .where('parentId', 'is not', null)
        .execute()
      expect(replies).toHaveLength(2)
    })

    it('lists posts on their section, tag and reporter pages', async () => {
      for (const category of expected.categories) {
        const page = await get(`/section/${category.slug}`)
        expect(page.statusCode, category.name).toBe(200)
        for (const post of expected.posts.filter((p) => p.categories[0] === category.name)) {
          expect(textOf(page.body)).toContain(post.title)
        }
      }
      for (const tag of expected.tags) {
        const posts = expected.posts.filter((p) => p.tags.includes(tag.name))
        if (posts.length === 0) continue
        const page = await get(`/tag/${encodeURIComponent(tag.name)}`)
        expect(page.statusCode, tag.name).toBe(200)
        for (const post of posts) expect(textOf(page.body)).toContain(post.title)
      }
      for (const author of expected.authors) {
        const staff = await app.db.kysely
          .selectFrom('staff')
          .select(['id', 'passwordHash'])
          .where('name', '=', author.display_name)
          .executeTakeFirstOrThrow()
        expect(staff.passwordHash).toBeNull()
        const page = await get(`/reporter/${staff.id}`)
        expect(page.statusCode).toBe(200)
        for (const post of expected.posts.filter((p) => p.author === author.display_name)) {
          expect(textOf(page.body)).toContain(post.title)
        }
      }
    })

    it('keeps the draft unpublished and imports the pages', async () => {
      for (const draft of expected.other_posts) {
        const row = await app.db.kysely
          .selectFrom('articles')
          .select(['id', 'status'])
          .where('headline', '=', draft.title)
          .executeTakeFirstOrThrow()
        expect(row.status).toBe('draft')
        expect((await get(`/news/${row.id}`)).statusCode).toBe(404)
      }
      for (const page of expected.pages) {
        const response = await get(`/page/${page.slug}`)
        expect(response.statusCode).toBe(200)
        expect(textOf(response.body)).toContain(page.title)
      }
      expect(textOf((await get('/page/about')).body)).toContain('광고와 기사는 명확히 구분합니다.')
    })

    it('changes nothing when run again', async () => {
      const before = await counts()
      const second = await importWordpress(app.services.importing, xml, { uploadsDir: `${FIXTURE}uploads` })
      expect(await counts()).toEqual(before)
      expect(Object.values(second.created).every((n) => n === 0)).toBe(true)
      expect(second.skipped.article).toBe(expected.posts.length)
    })
  })
}

describe('WordPress import into an outlet that already has content', () => {
  it('keeps password-protected posts as drafts and never overwrites an existing page', async () => {
    const app = await createTestApp({ now: '2026-11-29T12:00:00.000Z' })
    try {
      await app.services.pages.savePage('about', '우리 신문 소개', {
        type: 'doc',
        content: [{ type: 'paragraph', content: [{ type: 'text', text: '원래 있던 소개 글' }] }],
      })
      const locked = xml.replace(
        /(<wp:post_id>7<\/wp:post_id>[\s\S]*?<wp:post_password>)<!\[CDATA\[\]\]>/,
        '$1<![CDATA[secret]]>',
      )
      expect(locked).not.toBe(xml)
      const summary = await importWordpress(app.services.importing, locked, {
        uploadsDir: `${FIXTURE}uploads`,
      })
      expect(summary.created.article).toBe(expected.posts.length - 1)
      expect(summary.created.draft).toBe(expected.other_posts.length + 1)
      const about = await app.http.inject({ method: 'GET', url: '/page/about' })
      expect(about.body).toContain('원래 있던 소개 글')
      const imported = await app.http.inject({ method: 'GET', url: '/page/about-wp4' })
      expect(imported.statusCode).toBe(200)
      expect(imported.body).toContain('회사소개')
    } finally {
      await app.cleanup()
    }
  })
})
