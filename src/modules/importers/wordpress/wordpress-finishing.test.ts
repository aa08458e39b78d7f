// The points a WordPress site's move must not lose, each planted in the real export of
// shared/fixtures/wordpress the way WordPress itself writes it: a Gutenberg gallery and
// table, a sticky post, a scheduled post, closed comments, an overlong title, a post in two
// categories (already in the export), authors' replies (already there), a nested page and a
// trashed post; then every old address of the site.
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../../testing/dialects.js'
import { fixtureDir } from '../../../testing/fixtures.js'
import { createTestApp, type TestApp } from '../../../testing/test-app.js'
import type { ImportSummary } from './wordpress-import.js'
import { importWordpress } from './wordpress-import.js'

const FIXTURE = fixtureDir('wordpress')
const original = readFileSync(`${FIXTURE}export.xml`, 'utf8')
const expected = JSON.parse(readFileSync(`${FIXTURE}expected.json`, 'utf8')) as {
  posts: { id: number; title: string; link: string; categories: string[]; tags: string[] }[]
  other_posts: { id: number; title: string }[]
  categories: { name: string; slug: string }[]
}

const LONG_TITLE = `${'아주 긴 제목이 이어집니다 '.repeat(16)}끝`
const SCHEDULED_AT = '2026-12-24 01:00:00'

/** The item of one post or page, edited by `edit`; the edit must change something. */
function editItem(xml: string, id: number, edit: (item: string) => string): string {
  const at = xml.indexOf(`<wp:post_id>${id}</wp:post_id>`)
  const start = xml.lastIndexOf('<item>', at)
  const end = xml.indexOf('</item>', at) + '</item>'.length
  const item = xml.slice(start, end)
  const edited = edit(item)
  if (edited === item) throw new Error(`the edit of item ${id} changed nothing`)
  return xml.slice(0, start) + edited + xml.slice(end)
}

const setTag = (tag: string, value: string) => (item: string) =>
  item.replace(
    new RegExp(`<${tag}>(?:<!\\[CDATA\\[[\\s\\S]*?\\]\\]>|[^<]*)</${tag}>`),
    `<${tag}><![CDATA[${value}]]></${tag}>`,
  )

const GALLERY = `
<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default is-cropped"><!-- wp:image {"id":8} -->
<figure class="wp-block-image size-large"><img src="https://www.hangyeol-news.example/wp-content/uploads/2026/10/sewoon-cheongju-campus-1024x683.jpg" alt="" class="wp-image-8"/><figcaption class="wp-element-caption">갤러리 첫째 사진 설명</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":11} -->
<figure class="wp-block-image size-large"><img src="https://www.hangyeol-news.example/wp-content/uploads/2026/10/substation-site-1024x683.jpg" alt="" class="wp-image-11"/><figcaption class="wp-element-caption">갤러리 둘째 사진 설명</figcaption></figure>
<!-- /wp:image -->

<!-- wp:image {"id":13} -->
<figure class="wp-block-image size-large"><img src="https://www.hangyeol-news.example/wp-content/uploads/2026/10/supplier-factory-1024x683.jpg" alt="" class="wp-image-13"/><figcaption class="wp-element-caption">갤러리 셋째 사진 설명</figcaption></figure>
<!-- /wp:image --><figcaption class="blocks-gallery-caption wp-element-caption">갤러리 전체 설명</figcaption></figure>
<!-- /wp:gallery -->

<!-- wp:table -->
<figure class="wp-block-table"><table><thead><tr><th>구분</th><th>투자액</th></tr></thead><tbody><tr><td>패키징 라인</td><td>8천억 원</td></tr><tr><td>연구동</td><td>4천억 원</td></tr></tbody></table></figure>
<!-- /wp:table -->
`

function variantExport(): string {
  let xml = original
  xml = editItem(xml, 10, (item) => item.replace(']]></content:encoded>', `${GALLERY}]]></content:encoded>`))
  xml = editItem(xml, 7, (item) =>
    item.replace('<wp:is_sticky>0</wp:is_sticky>', '<wp:is_sticky>1</wp:is_sticky>'),
  )
  xml = editItem(xml, 19, setTag('wp:comment_status', 'closed'))
  xml = editItem(xml, 30, setTag('title', LONG_TITLE))
  xml = editItem(xml, 31, (item) =>
    setTag('wp:post_date_gmt', SCHEDULED_AT)(setTag('wp:status', 'future')(item)),
  )
  // A page under 회사소개 (ID 4), and a post in the trash.
  const about = xml.slice(xml.lastIndexOf('<item>', xml.indexOf('<wp:post_id>4</wp:post_id>')))
  const aboutItem = about.slice(0, about.indexOf('</item>') + '</item>'.length)
  const history = [
    setTag('title', '연혁'),
    setTag('wp:post_name', 'history'),
    setTag('link', 'https://www.hangyeol-news.example/about/history/'),
  ]
    .reduce((item, edit) => edit(item), aboutItem)
    .replace('<wp:post_id>4</wp:post_id>', '<wp:post_id>404</wp:post_id>')
    .replace('<wp:post_parent>0</wp:post_parent>', '<wp:post_parent>4</wp:post_parent>')
  const trashed = setTag(
    'wp:status',
    'trash',
  )(setTag('title', '지운 글')(history))
    .replace('<wp:post_id>404</wp:post_id>', '<wp:post_id>405</wp:post_id>')
    .replace(
      /<wp:post_type>(?:<!\[CDATA\[)?page(?:\]\]>)?<\/wp:post_type>/,
      '<wp:post_type><![CDATA[post]]></wp:post_type>',
    )
  return xml.replace('</channel>', `${history}\n${trashed}\n</channel>`)
}

const textOf = (html: string) =>
  html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')

for (const dialect of await testDialects()) {
  describe(`WordPress import, the points a move must not lose (${dialect})`, () => {
    let app: TestApp
    let report: ImportSummary
    const get = (url: string) => app.http.inject({ method: 'GET', url, headers: { accept: 'text/html' } })
    const article = (headline: string) =>
      app.db.kysely
        .selectFrom('articles')
        .selectAll()
        .where('headline', '=', headline)
        .executeTakeFirstOrThrow()
    const post = (id: number) => expected.posts.find((p) => p.id === id) as (typeof expected.posts)[number]

    beforeAll(async () => {
      app = await createTestApp({ dialect, now: '2026-12-01T00:00:00.000Z' })
      report = await importWordpress(app.services.importing, variantExport(), {
        uploadsDir: `${FIXTURE}uploads`,
      })
    }, 120_000)
    afterAll(() => app?.cleanup())

    it('keeps every image of a gallery with its caption, and the table as a table', async () => {
      const page = await get(`/news/${(await article(post(10).title)).id}`)
      const text = textOf(page.body)
      for (const caption of [
        '갤러리 첫째 사진 설명',
        '갤러리 둘째 사진 설명',
        '갤러리 셋째 사진 설명',
        '갤러리 전체 설명',
      ]) {
        expect(text).toContain(caption)
      }
      const body = page.body.slice(page.body.indexOf('id="article-body"'))
      expect(body.match(/<figure class="photo"/g)?.length ?? 0).toBeGreaterThanOrEqual(4)
      expect(body).toMatch(
        /<table>[\s\S]*<th scope="col">구분<\/th>[\s\S]*<td>패키징 라인<\/td><td>8천억 원<\/td>/,
      )
    })

    it('refuses an overlong title with the reason instead of cutting it', async () => {
      const left = report.leftOut.find((l) => l.item.startsWith('post 30 '))
      expect(left?.reason).toContain(`${LONG_TITLE.length} characters`)
      const cut = await app.db.kysely
        .selectFrom('articles')
        .select('id')
        .where('headline', 'like', '아주 긴 제목%')
        .execute()
      expect(cut).toEqual([])
    })

    it('schedules a scheduled post at its time, and leaves trash out with the reason', async () => {
      const scheduled = await article(expected.other_posts[0]?.title as string)
      expect(scheduled.status).toBe('scheduled')
      expect(scheduled.scheduledAt).toBe(`${SCHEDULED_AT.replace(' ', 'T')}.000Z`)
      expect((await get(`/news/${scheduled.id}`)).statusCode).toBe(404)
      expect(report.created.scheduled).toBe(1)
      expect(report.leftOut.find((l) => l.item.startsWith('post 405 '))?.reason).toContain('trash')
    })

    it('keeps comments closed where they were closed, open elsewhere', async () => {
      const closed = await get(`/news/${(await article(post(19).title)).id}`)
      expect(closed.body).toContain('class="comments-closed"')
      const open = await get(`/news/${(await article(post(21).title)).id}`)
      expect(open.body).not.toContain('class="comments-closed"')
    })

    it('pins a sticky post at the top of the home page', async () => {
      const home = textOf((await get('/')).body)
      const sticky = post(7).title
      const others = expected.posts
        .filter((p) => p.id !== 7)
        .map((p) => home.indexOf(p.title))
        .filter((i) => i >= 0)
      expect(home.indexOf(sticky)).toBeGreaterThanOrEqual(0)
      expect(home.indexOf(sticky)).toBeLessThan(Math.min(...others))
    })

    it("labels the site's authors' replies as staff, readers' comments as guests", async () => {
      const page = await get(`/news/${(await article(post(10).title)).id}`)
      expect(page.body).toMatch(
        /comment-author">김서연<\/strong>\s*<span class="comment-staff"> \(기자\)<\/span>/,
      )
      expect(page.body).not.toMatch(/comment-author">김서연<\/strong>\s*<span class="comment-guest">/)
      expect(page.body).toContain('class="comment-guest"')
    })

    it('shows a post of two categories in both sections, filed under the first', async () => {
      const twoSections = expected.posts.find(
        (p) => p.categories.length > 1,
      ) as (typeof expected.posts)[number]
      for (const name of twoSections.categories) {
        const slug = expected.categories.find((c) => c.name === name)?.slug as string
        const list = await get(`/section/${slug}`)
        expect(textOf(list.body), name).toContain(twoSections.title)
      }
    })

    it('imports a nested page and answers its old address', async () => {
      const moved = await get('/about/history/')
      expect(moved.statusCode).toBe(301)
      expect(moved.headers.location).toBe('/page/history')
      expect(textOf((await get('/page/history')).body)).toContain('연혁')
    })

    it('answers every old address of the site with one 301 to a page that answers 200', async () => {
      const old = [
        ...expected.posts
          .filter((p) => p.id !== 30)
          .flatMap((p) => [new URL(p.link).pathname, `/?p=${p.id}`, `/archives/${p.id}`]),
        '/about/',
        '/?page_id=5',
        '/category/economy/',
        '/category/industry/semiconductor/',
        '/tag/ai/',
        '/author/seoyeon.kim/',
        '/feed/',
      ]
      let answered = 0
      for (const url of old) {
        const moved = await get(url)
        expect(moved.statusCode, url).toBe(301)
        const landed = await get(moved.headers.location as string)
        expect(landed.statusCode, `${url} → ${moved.headers.location}`).toBe(200)
        answered += 1
      }
      expect(answered).toBe(old.length)
      expect(report.redirects).toBeGreaterThanOrEqual(old.length)
      // An unknown old id gets what the address means here: the home page, or the 404 page.
      expect((await get('/?p=999')).statusCode).toBe(200)
      expect((await get('/archives/999')).statusCode).toBe(404)
    })
  })
}
