import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csrfFrom, TestBrowser } from '../../testing/http-client.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

describe('portals: share image, JSON-LD image and the portal check', () => {
  let app: TestApp
  let desk: TestBrowser
  let noPhotoId: number
  beforeAll(async () => {
    app = await createTestApp({ seed: true })
    desk = new TestBrowser(app.http)
    const login = await desk.request('GET', '/newsroom/login')
    await desk.request('POST', '/newsroom/login', {
      _csrf: csrfFrom(login.body),
      email: 'admin@sinmun-demo.kr',
      password: 'test-admin-password',
    })
    const latest = (await app.services.articles.latest(1))[0]!
    const reporter = await app.db.kysely
      .selectFrom('staff')
      .select('id')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    noPhotoId = await app.services.desk.createDraft(
      {
        headline: '사진 없이 나간 속보: 국회 본회의에서 내년도 예산안이 법정 시한을 넘겨 통과됐다',
        subheadline: '여야 합의 끝에 자정 직전 처리',
        sectionId: latest.section.id,
        reporterIds: [reporter.id],
        tags: [],
        body: {
          type: 'doc',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문입니다.' }] }],
        },
      },
      null,
    )
    await app.services.desk.publishArticle(noPhotoId)
  })
  afterAll(() => app.cleanup())

  it('an article without a photo still has og:image and a JSON-LD image: the outlet’s 1200×630 card', async () => {
    const page = await app.http.inject({ method: 'GET', url: `/news/${noPhotoId}` })
    expect(page.body).toContain('<meta property="og:image" content="http://localhost:3000/share-image.jpg"/>')
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page.body)![1]!)
    expect(ld.image).toEqual(['http://localhost:3000/share-image.jpg'])

    const image = await app.http.inject({ method: 'GET', url: '/share-image.jpg' })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/jpeg')
    const meta = await sharp(image.rawPayload).metadata()
    expect([meta.width, meta.height]).toEqual([1200, 630])
  })

  it('each section has its own RSS feed, linked from its page', async () => {
    const section = (await app.services.articles.latest(1))[0]!.section
    const page = await app.http.inject({ method: 'GET', url: `/section/${section.slug}` })
    expect(page.body).toContain(`href="/rss/${section.slug}.xml"`)
    const feed = await app.http.inject({ method: 'GET', url: `/rss/${section.slug}.xml` })
    expect(feed.statusCode).toBe(200)
    expect(feed.body).toContain(`<title>`)
  })

  it('the portal check says, in Korean, what a portal finds and what to fix', async () => {
    const page = await desk.request('GET', `/newsroom/portal-check?article=${noPhotoId}`)
    expect(page.status).toBe(200)
    const line = (id: string) =>
      new RegExp(`<li class="check-(\\w+)" data-check="${id}">`).exec(page.body)?.[1]
    expect(line('canonical')).toBe('ok')
    expect(line('openGraph')).toBe('ok')
    expect(line('image')).toBe('ok')
    expect(page.body).toContain('대표 이미지가 1200×630입니다.')
    expect(line('jsonLd')).toBe('ok')
    expect(line('newsSitemap')).toBe('ok')
    // 45 characters: over what portal lists show.
    expect(line('headline')).toBe('warn')
    expect(page.body).toContain('40자 안팎에서 잘립니다')
    expect(page.body).toContain('1건은 확인이 필요합니다')
  })

  it('an address of the site works as well as a number, and a missing article is said so', async () => {
    const byUrl = await desk.request(
      'GET',
      `/newsroom/portal-check?article=${encodeURIComponent(`http://localhost:3000/news/${noPhotoId}`)}`,
    )
    expect(byUrl.body).toContain('data-check="canonical"')
    const missing = await desk.request('GET', '/newsroom/portal-check?article=999999')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('공개된 기사를 찾지 못했습니다')
  })

  it('readers do not reach it', async () => {
    const anonymous = await app.http.inject({ method: 'GET', url: '/newsroom/portal-check?article=1' })
    expect(anonymous.statusCode).not.toBe(200)
  })
})
