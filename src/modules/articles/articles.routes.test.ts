import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  app.http.inject({ method: 'GET', url, headers })

for (const dialect of await testDialects()) {
  describe(`${dialect}: reader pages`, () => {
    let app: TestApp
    let articleId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
      const stargate = await app.db.kysely
        .selectFrom('articles')
        .select('id')
        .where('headline', 'like', '%스타게이트%')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      articleId = stargate.id
    })
    afterAll(() => app.cleanup())

    test('the home page shows the top story, section blocks, most read and photo news', async () => {
      const res = await get(app, '/')
      expect(res.statusCode).toBe(200)
      const html = res.body
      const top = await app.services.articles.byGrade('headline', 1)
      expect(html).toContain(top[0]!.headline)
      for (const name of ['정치', '경제', '사회', '많이 본 뉴스', '포토뉴스', '최신기사', '오피니언'])
        expect(html).toContain(name)
      expect(html).toContain('등록번호')
      expect(html).toContain('서울 아09999')
      expect(html).toContain('청소년보호책임자')
    })

    test('the article page has byline, photo caption and credit, times, share links and comments', async () => {
      const res = await get(app, `/news/${articleId}`)
      expect(res.statusCode).toBe(200)
      const html = res.body
      expect(html).toMatch(/<span class="byline">신문일보=[^<]+ 기자<\/span>/)
      expect(html).toMatch(/<figcaption><span class="caption">[^<]+<\/span><span class="credit">사진=/)
      expect(html).toContain('입력 <time datetime="2025-02-04T09:30:00.000Z">2025.02.04 18:30</time>')
      expect(html).toContain('https://www.facebook.com/sharer/sharer.php?u=')
      expect(html).toContain('https://twitter.com/intent/tweet?url=')
      expect(html).toContain('https://band.us/plugin/share?body=')
      expect(html).toContain('저작권자 © (주)신문일보 무단전재 및 재배포 금지')
      expect(html).toContain('<span class="comment-count">')
      expect(html).toContain('계정을 선택하시면 로그인·계정인증을 통해 댓글을 남기실 수 있습니다.')
      expect(html).toContain('"@type":"NewsArticle"')
      expect(html).toContain('<meta property="og:image" content="http://localhost:3000/media/')
    })

    test('an unsigned editorial (사설) has no byline or reporter box, and the outlet as author', async () => {
      const editorial = await app.db.kysely
        .selectFrom('articles')
        .select('id')
        .where('headline', 'like', '[사설]%')
        .executeTakeFirstOrThrow()

      const html = (await get(app, `/news/${editorial.id}`)).body
      const jsonLd = JSON.parse(html.match(/<script type="application\/ld\+json">(.+?)<\/script>/)![1]!)

      expect(html).toContain('[사설]')
      expect(html).not.toContain('class="byline"')
      expect(html).not.toContain('class="reporter-box"')
      expect(html).not.toMatch(/\/reporter\/\d+">[^<]+ 기자</)
      expect(jsonLd.author).toEqual([
        {
          '@type': 'NewsMediaOrganization',
          name: '신문일보',
          url: 'http://localhost:3000',
          logo: expect.anything(),
        },
      ])
    })

    test('previous and next are the neighbours in the section; related articles keep the desk order', async () => {
      const db = app.db.kysely
      const me = await db
        .selectFrom('articles')
        .select(['sectionId', 'publishedAt'])
        .where('id', '=', articleId)
        .executeTakeFirstOrThrow()
      const section = await db
        .selectFrom('articles')
        .select(['id', 'headline', 'publishedAt'])
        .where('sectionId', '=', me.sectionId)
        .where('status', '=', 'published')
        .orderBy('publishedAt')
        .orderBy('id')
        .execute()
      const at = section.findIndex((a) => a.id === articleId)
      const others = section.filter((a) => a.id !== articleId)
      // The desk's order, deliberately not the id order; an unpublished pick is left out.
      const picks = [others[2]!, others[0]!, others[1]!]
      const reporter = await db.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow()
      const draftId = await app.services.desk.createDraft(
        {
          headline: '아직 나가지 않은 기사',
          sectionId: me.sectionId,
          reporterIds: [reporter.id],
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '초고' }] }] },
        },
        null,
      )
      await app.services.articleStore.setRelated(
        articleId,
        [...picks, { id: draftId }].map((a) => a.id),
      )

      const html = (await get(app, `/news/${articleId}`)).body
      const prev = section[at - 1]
      const next = section[at + 1]
      if (prev) expect(html).toMatch(new RegExp(`<a href="/news/${prev.id}" rel="prev">`))
      if (next) expect(html).toMatch(new RegExp(`<a href="/news/${next.id}" rel="next">`))
      expect(prev ?? next).toBeDefined()
      const related = html.slice(html.indexOf('id="related-title"'))
      const shown = [...related.matchAll(/<h3 class="item-title"><a href="\/news\/(\d+)">/g)].map((m) =>
        Number(m[1]),
      )
      expect(shown.slice(0, 3)).toEqual(picks.map((p) => p.id))
      expect(shown).not.toContain(draftId)
    })

    test('section, tag and reporter counts follow a publication and a withdrawal', async () => {
      const reader = app.services.articles
      const db = app.db.kysely
      const section = (await reader.sections())[1]!
      const reporter = await db.selectFrom('staff').select('id').orderBy('id').executeTakeFirstOrThrow()
      const totals = async () => ({
        section: (await reader.sectionList([section.id], 20, 0)).total,
        tag: (await reader.tagList('반도체', 20, 0))?.total ?? 0,
        reporter: (await reader.reporterList(reporter.id, 20, 0))?.total ?? 0,
      })
      const before = await totals()
      const id = await app.services.desk.createDraft(
        {
          headline: '새로 나간 반도체 기사',
          sectionId: section.id,
          reporterIds: [reporter.id],
          tags: ['반도체'],
          body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }] },
        },
        null,
      )
      expect(await totals()).toEqual(before)
      await app.services.desk.publishArticle(id)
      expect(await totals()).toEqual({
        section: before.section + 1,
        tag: before.tag + 1,
        reporter: before.reporter + 1,
      })
      await app.services.desk.withdrawArticle(id, '오보')
      expect(await totals()).toEqual(before)
    })

    test('a photo is offered in WebP and JPEG sizes with width and height set', async () => {
      const html = (await get(app, `/news/${articleId}`)).body
      const source = html.match(/<source type="image\/webp" srcset="([^"]+)"/)
      expect(source?.[1]).toMatch(/\/media\/[\w-]+\/320\.webp 320w, .*\/1280\.webp 1280w/)
      const img = html.match(/<img src="(\/media\/[^"]+\.jpg)"[^>]*width="(\d+)" height="(\d+)"/)
      expect(img).not.toBeNull()
      const file = await get(app, img![1]!)
      expect(file.statusCode).toBe(200)
      expect(file.headers['content-type']).toBe('image/jpeg')
      expect(file.headers['cache-control']).toContain('immutable')
    })

    test('section, tag and reporter pages list articles with pagination', async () => {
      const section = await get(app, '/section/it-science')
      expect(section.statusCode).toBe(200)
      expect(section.body).toContain('스타게이트')
      const tag = await get(app, `/tag/${encodeURIComponent('반도체')}`)
      expect(tag.statusCode).toBe(200)
      expect(tag.body).toContain('‘반도체’ 태그 기사')
      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select(['id', 'name'])
        .where('role', '=', 'reporter')
        .executeTakeFirstOrThrow()
      const page = await get(app, `/reporter/${reporter.id}`)
      expect(page.statusCode).toBe(200)
      expect(page.body).toContain(`${reporter.name} 기자`)
    })

    test('the site icon is served, and /favicon.ico leads to it instead of the 404 page', async () => {
      const html = (await get(app, '/')).body
      expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>')
      const icon = await get(app, '/favicon.svg')
      expect(icon.statusCode).toBe(200)
      expect(icon.headers['content-type']).toContain('image/svg+xml')
      const legacy = await get(app, '/favicon.ico')
      expect(legacy.statusCode).toBe(301)
      expect(legacy.headers.location).toBe('/favicon.svg')
    })

    test('unknown pages answer 404 with the Korean error page', async () => {
      for (const url of [
        '/news/999999',
        '/section/nope',
        '/tag/없는태그',
        '/reporter/99999',
        '/nothing-here',
      ]) {
        const res = await get(app, url)
        expect(res.statusCode, url).toBe(404)
        expect(res.body).toContain('페이지를 찾을 수 없습니다')
      }
    })

    test('what is not a page answers 404, not a request error', async () => {
      const reporter = await app.db.kysely.selectFrom('staff').select('id').executeTakeFirstOrThrow()
      for (const url of [
        '/news/abc',
        '/news/0',
        '/news/12.5',
        '/news/99999999999',
        '/reporter/abc',
        '/section/economy?page=abc',
        '/section/economy?page=0',
        `/reporter/${reporter.id}?page=-1`,
      ]) {
        const res = await get(app, url)
        expect({ url, status: res.statusCode }).toEqual({ url, status: 404 })
        expect(res.body).toContain('페이지를 찾을 수 없습니다')
      }
    })

    test('a list page past the last one is 404; the first page of any list is there', async () => {
      const economy = await get(app, '/section/economy')
      const total = Number(/기사 (\d+)건/.exec(economy.body)?.[1])
      expect(total).toBeGreaterThan(0)
      expect(total).toBeLessThanOrEqual(20)
      for (const url of ['/section/economy?page=2', '/section/economy?page=501', '/tag/반도체?page=2']) {
        const res = await get(app, encodeURI(url))
        expect({ url, status: res.statusCode }).toEqual({ url, status: 404 })
      }
      expect((await get(app, '/section/economy?page=1')).statusCode).toBe(200)
    })

    test('an address with a trailing slash moves permanently to the page without it', async () => {
      for (const [from, to] of [
        [`/news/${articleId}/`, `/news/${articleId}`],
        ['/section/economy/?page=1', '/section/economy?page=1'],
        ['/rss/', '/rss'],
      ]) {
        const res = await get(app, from!)
        expect({ from, status: res.statusCode, location: res.headers.location }).toEqual({
          from,
          status: 301,
          location: to,
        })
      }
      expect((await get(app, '/')).statusCode).toBe(200)
    })

    test('cached pages: ETag revalidation, a correction shows at once, unrelated pages stay cached', async () => {
      const other = await app.db.kysely
        .selectFrom('articles')
        .select('id')
        .where('id', '!=', articleId)
        .where('sectionId', '!=', (await app.services.articles.articlePage(articleId))!.section.id)
        .executeTakeFirstOrThrow()
      await get(app, `/news/${other.id}`)
      const first = await get(app, `/news/${articleId}`)
      const second = await get(app, `/news/${articleId}`)
      expect(second.headers['x-cache']).toBe('hit')
      expect(second.headers['cache-control']).toContain('public')
      const revalidated = await get(app, `/news/${articleId}`, {
        'if-none-match': String(first.headers.etag),
      })
      expect(revalidated.statusCode).toBe(304)

      const page = (await app.services.articles.articlePage(articleId))!
      await app.services.desk.updateArticle(
        articleId,
        {
          sectionId: page.section.id,
          headline: '정정된 제목: 스타게이트 회동',
          subheadline: page.subheadline,
          body: page.body,
          leadPhotoId: page.leadPhoto?.id ?? null,
          reporterIds: page.reporters.map((r) => r.id),
          tags: page.tags.map((t) => t.name),
        },
        '제목의 표현을 바로잡았습니다.',
      )
      const corrected = await get(app, `/news/${articleId}`)
      expect(corrected.headers['x-cache']).toBe('miss')
      expect(corrected.body).toContain('정정된 제목: 스타게이트 회동')
      expect(corrected.body).toContain('제목의 표현을 바로잡았습니다.')
      expect(corrected.body).toMatch(/수정 <time/)
      expect((await get(app, `/news/${other.id}`)).headers['x-cache']).toBe('hit')
    })

    test('a reader with a session cookie is never served the shared cache', async () => {
      await get(app, '/')
      const res = await get(app, '/', { cookie: 'sid=abc' })
      expect(res.headers['x-cache']).toBeUndefined()
      expect(res.headers['cache-control']).toBe('private, no-store')
    })

    test('page views are counted and feed 많이 본 뉴스', async () => {
      // 500 readers (a reader's reloads count once: e2e/view-statistics.test.ts).
      for (let i = 0; i < 500; i++) {
        await app.http.inject({
          url: `/news/${articleId}`,
          remoteAddress: `10.0.${i >> 8}.${i & 255}`,
          headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 15) Chrome/140.0 Mobile Safari/537.36' },
        })
      }
      await app.services.views.flush()
      app.bus.publish(['most-read'])
      const { day } = await app.services.articles.mostRead()
      expect(day[0]?.id).toBe(articleId)
    })
  })
}
