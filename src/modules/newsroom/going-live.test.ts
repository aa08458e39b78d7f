// From an empty production database to a legal, working site, through the screens an outlet
// uses (HTTP, on SQLite and PostgreSQL): setup, the legal guard, settings with a logo and
// icons, sections, a legal page, an invitation that really goes out by SMTP, a reporter's
// profile and first article, and what readers then see. Bad input changes nothing.
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { csrfFrom, TestBrowser } from '../../testing/http-client.js'
import { startSmtpServer, type TestSmtpServer } from '../../testing/smtp-server.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

const PRODUCTION = {
  NODE_ENV: 'production',
  SESSION_SECRET: 'a-long-enough-secret-for-this-test-only',
  SEED_DEMO: 'false',
  PUBLIC_URL: 'https://news.example.kr',
}
const ADMIN = { email: 'chief@example.kr', password: 'admin-password-1234' }
const png = (width: number, height: number) =>
  sharp({ create: { width, height, channels: 4, background: { r: 10, g: 60, b: 140, alpha: 1 } } })
    .png()
    .toBuffer()

const SETTINGS = {
  name: '한빛일보',
  tagline: '시민과 함께하는 신문',
  copyrightHolder: '',
  registrationNumber: '서울 아 12345',
  registrationDate: '2024.03.05',
  publisher: '김발행',
  editor: '이편집',
  youthProtectionOfficer: '박보호',
  address: '서울특별시 중구 세종대로 1',
  phone: '02-123-4567',
  email: 'news@example.kr',
  grievanceOfficer: '최고충',
  grievanceContact: 'grievance@example.kr',
  mailFrom: '',
  kakaoJsKey: '',
}

for (const dialect of await testDialects()) {
  describe(`going live on an empty production database (${dialect})`, () => {
    let app: TestApp
    let smtp: TestSmtpServer
    const admin = () => new TestBrowser(app.http, '198.51.100.1')
    let chief: TestBrowser

    beforeAll(async () => {
      smtp = await startSmtpServer()
      app = await createTestApp({ dialect, env: { ...PRODUCTION, SMTP_URL: smtp.url } })
    })
    afterAll(async () => {
      await app?.cleanup()
      await smtp?.close()
    })

    test('the public site is closed and the setup screen open before anything is set up', async () => {
      const reader = new TestBrowser(app.http)
      const home = await reader.get('/')
      expect(home.status).toBe(503)
      expect(home.body).toContain('사이트를 준비하고 있습니다')
      expect(home.body).toContain('href="/setup"')
      expect((await reader.get('/setup')).status).toBe(200)
    })

    test('a setup form with mistakes comes back with the reasons and the text, and sets up nothing', async () => {
      const b = admin()
      const csrf = csrfFrom((await b.get('/setup')).body)
      const sent = await b.post('/setup', {
        _csrf: csrf,
        outletName: '한빛일보',
        address: '',
        adminName: '김편집',
        email: 'not-an-address',
        password: 'admin-password-1234',
        passwordAgain: 'admin-password-9999',
      })
      expect(sent.status).toBe(400)
      expect(sent.body).toContain('이메일 주소 형식이 아닙니다.')
      expect(sent.body).toContain('두 비밀번호가 서로 다릅니다.')
      expect(sent.body).toContain('value="한빛일보"')
      expect(sent.body).toContain('value="not-an-address"')
      expect(sent.body).not.toContain('admin-password-1234')
      expect(await app.services.setup.isOpen()).toBe(true)
    })

    test('two setups sent at the same moment make exactly one admin; the screen then refuses', async () => {
      const [a, b] = [admin(), admin()]
      const [ca, cb] = [csrfFrom((await a.get('/setup')).body), csrfFrom((await b.get('/setup')).body)]
      const form = (csrf: string, email: string) => ({
        _csrf: csrf,
        outletName: '한빛일보',
        address: '서울특별시 중구 세종대로 1',
        adminName: '김편집',
        email,
        password: ADMIN.password,
        passwordAgain: ADMIN.password,
      })
      const answers = await Promise.all([
        a.post('/setup', form(ca, ADMIN.email)),
        b.post('/setup', form(cb, 'second@example.kr')),
      ])
      expect(answers.map((x) => x.status).sort()).toEqual([303, 404])
      const admins = (await app.services.staff.list()).filter((s) => s.role === 'admin')
      expect(admins).toHaveLength(1)
      // Whichever won, log in as it from now on.
      ADMIN.email = admins[0]!.email

      const again = await a.get('/setup')
      expect(again.status).toBe(404)
      expect(again.body).toContain('이미 설정을 마친 사이트입니다')
      const resent = await a.post('/setup', form(ca, 'third@example.kr'))
      expect(resent.status).toBe(404)
      expect(await app.services.staff.findIdByEmail('third@example.kr')).toBeUndefined()
    })

    test('every footer page is there after setup, from the templates', async () => {
      const reader = new TestBrowser(app.http)
      for (const slug of ['about', 'terms', 'privacy', 'youth-policy', 'no-email-collection', 'tip-guide']) {
        const page = await reader.get(`/page/${slug}`)
        expect(page.status, slug).toBe(200)
      }
      expect((await reader.get('/page/privacy')).body).toContain('개인정보 보호책임자')
    })

    test('the newsroom names exactly the legal fields still missing', async () => {
      chief = admin()
      const login = await chief.get('/newsroom/login?done=setup')
      expect(login.body).toContain('설정을 마쳤습니다')
      const done = await chief.post('/newsroom/login', { _csrf: csrfFrom(login.body), ...ADMIN })
      expect(done.status).toBe(303)
      const dashboard = await chief.get('/newsroom')
      expect(dashboard.body).toContain(
        '비어 있는 항목: 등록번호, 등록일 (예: 2024.03.05), 발행인, 편집인, 청소년보호책임자, 대표 전화, 대표 이메일',
      )
    })

    test('bad settings are refused at the field, keep what was typed and change nothing', async () => {
      const page = await chief.get('/newsroom/settings')
      const csrf = csrfFrom(page.body)
      const before = await app.services.outlet.getOutlet()
      const future = await chief.postMultipart('/newsroom/settings', {
        ...SETTINGS,
        _csrf: csrf,
        registrationDate: '2999.01.01',
        publisher: '',
      })
      expect(future.status).toBe(400)
      expect(future.body).toContain('등록일은 오늘 이후일 수 없습니다.')
      expect(future.body).toContain('입력해 주세요.')
      expect(future.body).toContain('value="서울 아 12345"')
      const notImage = await chief.postMultipart(
        '/newsroom/settings',
        { ...SETTINGS, _csrf: csrf },
        { logo: { name: 'logo.png', type: 'image/png', data: Buffer.from('this is not a picture at all') } },
      )
      expect(notImage.status).toBe(400)
      expect(notImage.body).toMatch(/<p class="field-error" id="logo-error">이미지 파일이 아닙니다\./)
      expect(notImage.body).toContain('value="김발행"')
      expect(await app.services.outlet.getOutlet()).toEqual(before)
    })

    test('saved settings with a logo and icons show on every page at once', async () => {
      const csrf = csrfFrom((await chief.get('/newsroom/settings')).body)
      const saved = await chief.postMultipart(
        '/newsroom/settings',
        { ...SETTINGS, _csrf: csrf },
        {
          logo: { name: 'logo.png', type: 'image/png', data: await png(900, 180) },
          icon: { name: 'icon.png', type: 'image/png', data: await png(600, 600) },
        },
      )
      expect(saved.status).toBe(303)
      const outlet = await app.services.outlet.getOutlet()
      expect(outlet).toMatchObject({ logoWidth: 240, logoHeight: 48 })
      expect(outlet.logoSrcset).toMatch(/\/320\.jpg 1x, \S+\/640\.jpg 2x$/)
      const reader = new TestBrowser(app.http)
      const home = await reader.get('/')
      expect(home.status).toBe(200)
      expect(home.body).toContain('한빛일보')
      expect(home.body).toContain(outlet.logoUrl!)
      expect(home.body).toContain('rel="apple-touch-icon"')
      expect(home.body).toContain('서울 아 12345')
      expect(home.body).toContain('최고충 (grievance@example.kr)')
      const touch = await app.http.inject({ url: outlet.icons!.appleTouch })
      expect(touch.statusCode).toBe(200)
      expect(await sharp(touch.rawPayload).metadata()).toMatchObject({
        width: 180,
        height: 180,
        format: 'png',
      })
      expect((await chief.get('/newsroom')).body).not.toContain('비어 있는 항목')
    })

    test('sections: two, a sub-section, clashing addresses refused; the menu follows', async () => {
      const page = await chief.get('/newsroom/sections')
      expect(page.body).toContain('아직 섹션이 없습니다')
      const csrf = csrfFrom(page.body)
      expect(
        (
          await chief.post('/newsroom/sections', {
            _csrf: csrf,
            name: '정치',
            slug: 'politics',
            parentId: '',
          })
        ).status,
      ).toBe(303)
      expect(
        (await chief.post('/newsroom/sections', { _csrf: csrf, name: '경제', slug: 'economy', parentId: '' }))
          .status,
      ).toBe(303)
      const sections = await app.services.sectionsAdmin.list()
      const politics = sections.find((s) => s.slug === 'politics')!
      const sub = await chief.post('/newsroom/sections', {
        _csrf: csrf,
        name: '국회',
        slug: 'assembly',
        parentId: String(politics.id),
      })
      expect(sub.status).toBe(303)

      const taken = await chief.post('/newsroom/sections', {
        _csrf: csrf,
        name: '정치2',
        slug: 'politics',
        parentId: '',
      })
      expect(taken.status).toBe(400)
      expect(taken.body).toContain('다른 섹션이 이미 쓰는 주소입니다.')
      expect(taken.body).toContain('value="정치2"')
      const reserved = await chief.post('/newsroom/sections', {
        _csrf: csrf,
        name: '전체',
        slug: 'all',
        parentId: '',
      })
      expect(reserved.status).toBe(400)
      expect(reserved.body).toContain('사이트가 이미 쓰는 주소입니다.')
      expect(await app.services.sectionsAdmin.list()).toHaveLength(3)

      const home = await new TestBrowser(app.http).get('/')
      const menu = home.body.match(/<nav class="sections-nav"[\s\S]*?<\/nav>/)![0]
      expect(menu).toContain('href="/section/politics"')
      expect(menu).toContain('href="/section/economy"')
      expect(menu).not.toContain('assembly')
      expect((await new TestBrowser(app.http).get('/section/assembly')).status).toBe(200)
    })

    test('the privacy policy is edited in the newsroom and readers see it at once', async () => {
      const page = await chief.get('/newsroom/pages/privacy')
      expect(page.body).toContain('채우지 않은 빈칸이')
      const saved = await chief.post('/newsroom/pages/privacy', {
        _csrf: csrfFrom(page.body),
        title: '개인정보처리방침',
        body: '## 10. 개인정보 보호책임자\n\n성명: 최고충, 연락처: privacy@example.kr',
      })
      expect(saved.status).toBe(303)
      const reader = await new TestBrowser(app.http).get('/page/privacy')
      expect(reader.body).toContain('privacy@example.kr')
    })

    test('an invitation goes out by SMTP, its link works, and the login e-mail never reaches readers', async () => {
      const page = await chief.get('/newsroom/staff')
      const invited = await chief.post('/newsroom/staff', {
        _csrf: csrfFrom(page.body),
        email: 'reporter.login@example.kr',
        name: '정기자',
        role: 'reporter',
      })
      expect(invited.status).toBe(303)
      const list = await chief.get(invited.location!)
      expect(list.body).toContain('reporter.login@example.kr에게 초대 메일을 보냈습니다.')
      const mail = await smtp.waitFor(0)
      expect(mail.to).toEqual(['reporter.login@example.kr'])
      expect(mail.subject).toBe('[뉴스룸] 초대 안내')
      expect(mail.raw).toMatch(/content-type: text\/plain; charset=utf-8/i)
      const link = mail.text.match(/https:\/\/news\.example\.kr(\/newsroom\/invite\/\S+)/)![1]!

      const reporter = new TestBrowser(app.http, '198.51.100.2')
      const form = await reporter.get(link)
      expect(form.status).toBe(200)
      const mismatch = await reporter.post(link, {
        _csrf: csrfFrom(form.body),
        password: 'reporter-password-1',
        passwordAgain: 'reporter-password-2',
      })
      expect(mismatch.status).toBe(400)
      expect(mismatch.body).toContain('두 비밀번호가 서로 다릅니다.')
      const set = await reporter.post(link, {
        _csrf: csrfFrom(form.body),
        password: 'reporter-password-1',
        passwordAgain: 'reporter-password-1',
      })
      expect(set.status).toBe(303)
      const login = await reporter.get('/newsroom/login')
      await reporter.post('/newsroom/login', {
        _csrf: csrfFrom(login.body),
        email: 'reporter.login@example.kr',
        password: 'reporter-password-1',
      })

      const profile = await reporter.get('/newsroom/profile')
      expect(profile.body).toContain('reporter.login@example.kr')
      const badProfile = await reporter.postMultipart('/newsroom/profile', {
        _csrf: csrfFrom(profile.body),
        name: '정기자',
        department: '정치부',
        bio: '국회를 취재합니다.',
        publicEmail: 'not-an-address',
      })
      expect(badProfile.status).toBe(400)
      expect(badProfile.body).toContain('공개 이메일 주소 형식이 아닙니다.')
      expect(badProfile.body).toContain('국회를 취재합니다.')
      const savedProfile = await reporter.postMultipart(
        '/newsroom/profile',
        {
          _csrf: csrfFrom(profile.body),
          name: '정한결',
          department: '정치부',
          bio: '국회를 취재합니다.',
          publicEmail: 'hangyeol@example.kr',
        },
        { photo: { name: 'me.png', type: 'image/png', data: await png(400, 400) } },
      )
      expect(savedProfile.status).toBe(303)

      // The reporter files an article in the new sub-section; the desk (the admin) publishes it.
      const sections = await app.services.sectionsAdmin.list()
      const assembly = sections.find((s) => s.slug === 'assembly')!
      const newPage = await reporter.get('/newsroom/articles/new')
      expect(newPage.body).toContain('국회')
      const created = await reporter.post('/newsroom/articles/new', {
        _csrf: csrfFrom(newPage.body),
        headline: '국회, 인터넷신문 법안 통과',
        sectionId: String(assembly.id),
      })
      expect(created.status).toBe(303)
      const id = Number(created.location!.match(/articles\/(\d+)/)![1])
      const me = (await app.services.staff.findIdByEmail('reporter.login@example.kr'))!
      const put = await app.http.inject({
        method: 'PUT',
        url: `/newsroom/articles/${id}`,
        headers: {
          cookie: [...reporter.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
          'x-csrf-token': csrfFrom(newPage.body),
        },
        payload: {
          headline: '국회, 인터넷신문 법안 통과',
          sectionId: assembly.id,
          reporterIds: [me],
          body: {
            type: 'doc',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: '본회의에서 통과됐다.' }] }],
          },
        },
      })
      expect(put.statusCode).toBe(200)
      const editor = await reporter.get(`/newsroom/articles/${id}/edit`)
      expect(
        (await reporter.post(`/newsroom/articles/${id}/submit`, { _csrf: csrfFrom(editor.body) })).status,
      ).toBe(303)
      const deskEditor = await chief.get(`/newsroom/articles/${id}/edit`)
      const approved = await chief.post(`/newsroom/articles/${id}/approve`, {
        _csrf: csrfFrom(deskEditor.body),
        grade: 'headline',
      })
      expect(approved.status).toBe(303)

      const reader = new TestBrowser(app.http)
      const article = await reader.get(`/news/${id}`)
      expect(article.status).toBe(200)
      expect(article.body).toContain('정한결')
      expect(article.body).toContain('hangyeol@example.kr')
      expect(article.body).not.toContain('reporter.login@example.kr')
      const reporterPage = await reader.get(`/reporter/${me}`)
      expect(reporterPage.body).toContain('정치부')
      expect(reporterPage.body).not.toContain('reporter.login@example.kr')
      for (const url of ['/', '/section/politics', '/section/assembly']) {
        const answer = await reader.get(url)
        expect(answer.status, url).toBe(200)
        expect(answer.body, url).toContain('국회, 인터넷신문 법안 통과')
      }
    })

    test('a mail the server refuses is reported as not sent, and can be sent again', async () => {
      smtp.refuseNext(1, 550)
      const page = await chief.get('/newsroom/staff')
      const invited = await chief.post('/newsroom/staff', {
        _csrf: csrfFrom(page.body),
        email: 'desk.login@example.kr',
        name: '한데스크',
        role: 'desk',
      })
      const list = await chief.get(invited.location!)
      expect(list.body).toContain('초대 메일을 보내지 못했습니다')
      expect(list.body).not.toContain('초대 메일을 보냈습니다')
      const count = smtp.received.length
      const id = (await app.services.staff.findIdByEmail('desk.login@example.kr'))!
      const resent = await chief.post(`/newsroom/staff/${id}/invite`, { _csrf: csrfFrom(list.body) })
      expect((await chief.get(resent.location!)).body).toContain(
        'desk.login@example.kr에게 초대 메일을 보냈습니다.',
      )
      expect((await smtp.waitFor(count)).to).toEqual(['desk.login@example.kr'])
    })
  })
}
