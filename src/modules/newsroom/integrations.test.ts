import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { csrfFrom, TestBrowser } from '../../testing/http-client.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

const GA4_SOURCES = [
  'https://*.googletagmanager.com',
  'https://*.google-analytics.com',
  'https://*.analytics.google.com',
]

/** The policy's directives by name, each with its sources. */
const directives = (csp: string) =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  )

const allSources = (csp: string) => new Set([...directives(csp).values()].flat())

describe('third-party integrations (ADR 033)', () => {
  let app: TestApp
  let admin: TestBrowser
  let articleUrl: string
  beforeAll(async () => {
    app = await createTestApp({ seed: true })
    admin = new TestBrowser(app.http)
    const login = await admin.request('GET', '/newsroom/login')
    await admin.request('POST', '/newsroom/login', {
      _csrf: csrfFrom(login.body),
      email: 'admin@sinmun-demo.kr',
      password: 'test-admin-password',
    })
    const home = await app.http.inject({ method: 'GET', url: '/' })
    articleUrl = home.body.match(/href="(\/news\/\d+[^"]*)"/)![1]!
  })
  afterAll(() => app.cleanup())

  const save = async (fields: Record<string, string>) => {
    const page = await admin.request('GET', '/newsroom/integrations')
    expect(page.status).toBe(200)
    return admin.request('POST', '/newsroom/integrations', { _csrf: csrfFrom(page.body), ...fields })
  }

  it('enabling GA4 adds exactly its domains to the CSP, with a nonce and no unsafe-inline', async () => {
    const before = await app.http.inject({ method: 'GET', url: articleUrl })
    const plain = String(before.headers['content-security-policy'])
    expect(before.body).not.toContain('googletagmanager')
    expect(plain).not.toContain('nonce-')

    const saved = await save({ ga4: 'G-AB12CD34EF' })
    expect(saved.status).toBe(303)

    for (const cache of ['miss', 'hit']) {
      const after = await app.http.inject({ method: 'GET', url: articleUrl })
      expect(after.headers['x-cache']).toBe(cache)
      const csp = String(after.headers['content-security-policy'])
      expect(csp).not.toContain('unsafe-inline')
      const added = [...allSources(csp)].filter((s) => !allSources(plain).has(s))
      const nonce = added.find((s) => s.startsWith("'nonce-"))
      expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/]{22}=='$/)
      expect(added.filter((s) => s !== nonce).sort()).toEqual([...GA4_SOURCES].sort())
      expect(directives(csp).get('script-src')).toEqual(
        expect.arrayContaining([nonce, 'https://*.googletagmanager.com']),
      )
      // Every script of the page that is not our own carries the nonce the header names.
      const scripts = [...after.body.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag)
      const thirdParty = scripts.filter((tag) => tag.includes('data-tp='))
      expect(thirdParty).toHaveLength(2)
      for (const tag of thirdParty) expect(tag).toContain(`nonce="${nonce!.slice(7, -1)}"`)
      expect(after.body).toContain('https://www.googletagmanager.com/gtag/js?id=G-AB12CD34EF')
    }
  })

  it('a fresh rendering gets a fresh nonce', async () => {
    const nonceOf = async () => {
      const page = await app.http.inject({ method: 'GET', url: articleUrl, headers: { cookie: 'sid=x' } })
      return String(page.headers['content-security-policy']).match(/'nonce-([^']+)'/)?.[1]
    }
    const [a, b] = [await nonceOf(), await nonceOf()]
    expect(a).toBeTruthy()
    expect(a).not.toBe(b)
  })

  it('refuses identifiers not in their provider’s shape, saving nothing', async () => {
    const refused = await save({
      ga4: 'G-AB12"><script>',
      naverVerification: 'abc',
      adHosts: 'https://evil.example/x',
    })
    expect(refused.status).toBe(400)
    expect(refused.body).toContain('G-로 시작하는 측정 ID를 입력해 주세요.')
    expect(refused.body).toContain('네이버가 준 40자리 확인 값을 입력해 주세요.')
    expect(refused.body).toContain('도메인 이름만 한 줄에 하나씩')
    const outlet = await app.services.outlet.getOutlet()
    expect(outlet.integrations.ga4).toBe('G-AB12CD34EF')
  })

  it('portal verification lines appear in every page’s head', async () => {
    const naver = 'a'.repeat(40)
    expect((await save({ naverVerification: naver, bingVerification: 'B'.repeat(32) })).status).toBe(303)
    const home = await app.http.inject({ method: 'GET', url: '/' })
    expect(home.body).toContain(`<meta name="naver-site-verification" content="${naver}"/>`)
    expect(home.body).toContain(`<meta name="msvalidate.01" content="${'B'.repeat(32)}"/>`)
    // GA4 was turned off by this save: no nonce, the site-wide policy again.
    expect(String(home.headers['content-security-policy'])).not.toContain('nonce-')
  })

  it('only admins reach the screen', async () => {
    const anonymous = await app.http.inject({ method: 'GET', url: '/newsroom/integrations' })
    expect(anonymous.statusCode).not.toBe(200)
  })

  describe('ad slots', () => {
    const HOUSE = {
      image: 'https://ads.example.kr/banner.png',
      link: 'https://ads.example.kr/',
      alt: '자체 광고',
    }
    const slotFields = (slot: string, fields: Record<string, string>) =>
      Object.fromEntries(Object.entries(fields).map(([k, v]) => [`${slot}.${k}`, v]))

    it('a house banner shows in its slot, labelled 광고, and only in the sections and dates it was given', async () => {
      const latest = await app.services.articles.latest(30)
      const here = latest[0]!
      const elsewhere = latest.find((a) => a.section.id !== here.section.id)!
      const saved = await save({
        ...slotFields('belowArticle', { kind: 'house', ...HOUSE, sections: String(here.section.id) }),
        ...slotFields('sidebar', { kind: 'house', ...HOUSE, until: '2000-01-01' }),
      })
      expect(saved.status).toBe(303)
      const shown = (await app.http.inject({ method: 'GET', url: here.url })).body
      expect(shown).toContain('<div class="ad-slot ad-belowArticle"><p class="ad-label">광고</p>')
      expect(shown).toContain('<img src="https://ads.example.kr/banner.png" alt="자체 광고" loading="lazy"/>')
      expect(shown).not.toContain('ad-sidebar')
      const other = (await app.http.inject({ method: 'GET', url: elsewhere.url })).body
      expect(other).not.toContain('ad-slot')
    })

    it('between list items, the list is cut in two around the slot', async () => {
      const section = (await app.services.articles.latest(1))[0]!.section
      expect((await save(slotFields('betweenList', { kind: 'house', ...HOUSE }))).status).toBe(303)
      const page = (await app.http.inject({ method: 'GET', url: `/section/${section.slug}` })).body
      const slot = page.indexOf('ad-betweenList')
      expect(slot).toBeGreaterThan(0)
      expect(page.lastIndexOf('<ul', slot)).toBeGreaterThan(0)
      expect(page.indexOf('<ul', slot)).toBeGreaterThan(slot)
    })

    it('refuses a banner link that is not a site path or https, and a network that is not enabled', async () => {
      const refused = await save({
        ...slotFields('topBanner', { kind: 'house', ...HOUSE, link: 'javascript:alert(1)' }),
        ...slotFields('sidebar', { kind: 'adfit', code: 'DAN-abcdefghijklmnop' }),
      })
      expect(refused.status).toBe(400)
      expect(refused.body).toContain('이 광고 자리의 입력이 맞지 않습니다')
      expect(refused.body).toContain('이 광고 네트워크가 위에서 켜져 있지 않습니다')
    })

    it('a network slot brings exactly that network into the page’s policy, with a nonce', async () => {
      expect(
        (
          await save({
            adfit: 'on',
            ...slotFields('belowArticle', { kind: 'adfit', code: 'DAN-abcdefghijklmnop' }),
          })
        ).status,
      ).toBe(303)
      const page = await app.http.inject({ method: 'GET', url: articleUrl })
      const csp = String(page.headers['content-security-policy'])
      expect(page.body).toContain('data-ad-unit="DAN-abcdefghijklmnop"')
      expect(directives(csp).get('script-src')).toContain('https://t1.daumcdn.net')
      expect(csp).toMatch(/frame-src [^;]*https:\/\/display\.ad\.daum\.net/)
      expect(csp).not.toContain('googletagmanager')
      expect(csp).not.toContain('unsafe-inline')
    })

    it('pages with every slot filled, GA4 and an embed are valid HTML', async () => {
      const slots = ['topBanner', 'sidebar', 'inArticle', 'belowArticle', 'betweenList', 'mobileSticky']
      const saved = await save({
        ga4: 'G-AB12CD34EF',
        naverAnalytics: '0123456789abcdef',
        afterParagraph: '1',
        ...Object.assign({}, ...slots.map((slot) => slotFields(slot, { kind: 'house', ...HOUSE }))),
      })
      expect(saved.status).toBe(303)
      const latest = (await app.services.articles.latest(1))[0]!
      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      const id = await app.services.desk.createDraft(
        {
          headline: '영상과 게시물을 담은 기사',
          sectionId: latest.section.id,
          reporterIds: [reporter.id],
          sponsored: true,
          body: {
            type: 'doc',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: '첫 문단' }] },
              { type: 'embed', attrs: { provider: 'navertv', id: '12345678' } },
              { type: 'paragraph', content: [{ type: 'text', text: '둘째 문단' }] },
            ],
          },
        },
        null,
      )
      await app.services.desk.publishArticle(id)
      const validator = new HtmlValidate({
        extends: ['html-validate:recommended'],
        rules: {
          'void-style': 'off',
          'doctype-style': 'off',
          'prefer-native-element': ['error', { exclude: ['progressbar'] }],
        },
      })
      for (const url of [`/news/${id}`, '/', `/section/${latest.section.slug}`]) {
        const page = await app.http.inject({ method: 'GET', url })
        expect(page.body).toContain('ad-slot')
        const report = await validator.validateString(page.body)
        expect(
          report.results.flatMap((r) => r.messages.map((m) => `${url} ${m.ruleId}: ${m.message}`)),
        ).toEqual([])
      }
    })

    it('with nothing filled, pages carry no slot at all', async () => {
      expect((await save({})).status).toBe(303)
      const page = (await app.http.inject({ method: 'GET', url: articleUrl })).body
      expect(page).not.toContain('ad-slot')
      expect(page).not.toContain('data-tp=')
    })
  })
})
