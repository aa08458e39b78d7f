import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { embedFromUrl } from '../../../client/newsroom/embeds.js'
import { createTestApp, type TestApp } from '../../../testing/test-app.js'
import { ArticleDocument } from './document.schema.js'

describe('embeds by address', () => {
  it('the editor reads each provider’s post addresses', () => {
    expect(embedFromUrl('https://www.instagram.com/p/C1a2B3c4D5e/?igsh=x')).toEqual({
      provider: 'instagram',
      id: 'p/C1a2B3c4D5e',
    })
    expect(embedFromUrl('https://x.com/sinmun_news/status/1860000000000000000')).toEqual({
      provider: 'x',
      id: 'sinmun_news/status/1860000000000000000',
    })
    expect(embedFromUrl('https://twitter.com/a/status/12')?.provider).toBe('x')
    expect(embedFromUrl('https://tv.naver.com/v/12345678')).toEqual({ provider: 'navertv', id: '12345678' })
    expect(embedFromUrl('https://tv.kakao.com/channel/1/cliplink/4567')).toEqual({
      provider: 'kakaotv',
      id: '4567',
    })
    expect(embedFromUrl('https://www.facebook.com/sinmun/posts/pfbid0abc')).toEqual({
      provider: 'facebook',
      id: 'sinmun/posts/pfbid0abc',
    })
    expect(embedFromUrl('https://evil.example/p/C1a2B3c4D5e')).toBeNull()
    expect(embedFromUrl('javascript:alert(1)')).toBeNull()
  })

  it('the document keeps only ids in their provider’s shape', () => {
    const doc = (provider: string, id: string) => ({
      type: 'doc',
      content: [{ type: 'embed', attrs: { provider, id } }],
    })
    expect(ArticleDocument.safeParse(doc('instagram', 'p/C1a2B3c4D5e')).success).toBe(true)
    expect(ArticleDocument.safeParse(doc('instagram', 'p/x"><script>')).success).toBe(false)
    expect(ArticleDocument.safeParse(doc('myspace', '1')).success).toBe(false)
  })

  describe('on the article page', () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ seed: true })
    })
    afterAll(() => app.cleanup())

    it('shows a placeholder, and the page’s CSP admits that provider’s frames only', async () => {
      const latest = (await app.services.articles.latest(1))[0]!
      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      const id = await app.services.desk.createDraft(
        {
          headline: '인스타그램 게시물을 담은 기사',
          sectionId: latest.section.id,
          reporterIds: [reporter.id],
          tags: [],
          body: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: '본문' }] },
              { type: 'embed', attrs: { provider: 'instagram', id: 'p/C1a2B3c4D5e' } },
            ],
          },
        },
        null,
      )
      await app.services.desk.publishArticle(id)
      const page = await app.http.inject({ method: 'GET', url: `/news/${id}` })
      expect(page.body).toContain('data-embed-src="https://www.instagram.com/p/C1a2B3c4D5e/embed/"')
      expect(page.body).toContain('Instagram 게시물 보기')
      expect(page.body).not.toContain('<iframe')
      const csp = String(page.headers['content-security-policy'])
      expect(csp).toMatch(/frame-src [^;]*https:\/\/www\.instagram\.com/)
      expect(csp).not.toContain('facebook')
      expect(csp).not.toContain('twitter')
      expect(csp).not.toContain('nonce-')
    })
  })
})
