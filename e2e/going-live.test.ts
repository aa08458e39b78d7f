// A new outlet goes live in a real browser: `sinmun serve` in production on an empty database
// with an SMTP test server. The admin completes the setup screen, fills the settings (logo and
// icon uploaded), makes two sections and a sub-section, edits the privacy policy and invites a
// reporter; the invitation arrives by SMTP and its link works; the reporter sets a profile and
// files an article in the new sub-section; the desk publishes it; readers get the home,
// section, article and every footer page with the outlet's name, logo and footer. The setup
// and settings screens are photographed at 390 and 1280 pixels (e2e/screenshots/).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type ChildNode, startChildNode } from '../src/platform/cluster/testing/child-node.js'
import { startSmtpServer, type TestSmtpServer } from '../src/testing/smtp-server.js'
import { browserSkipReason, launchChromium, VIEWPORTS } from './fixtures.js'

const skip = browserSkipReason()
const SHOTS = join(import.meta.dirname, 'screenshots')
const ADMIN = { email: 'chief@hanbit.example.kr', password: 'admin-password-1234' }
const REPORTER = { email: 'jung.login@hanbit.example.kr', password: 'reporter-password-1' }
const HEADLINE = '시의회, 공공도서관 야간 개방 조례 통과'

describe.skipIf(skip !== null)('an outlet goes live (browser, production, empty database)', () => {
  let smtp: TestSmtpServer
  let node: ChildNode
  let browser: Browser
  let admin: Page
  let dataDir: string
  let articleId = 0

  const newPage = async (width: 'phone' | 'desktop' = 'desktop') => {
    const context = await browser.newContext({
      viewport: VIEWPORTS[width],
      locale: 'ko-KR',
      timezoneId: 'Asia/Seoul',
    })
    const page = await context.newPage()
    page.setDefaultTimeout(15_000)
    return page
  }
  const shoot = async (page: Page, name: string) => {
    for (const [label, viewport] of [
      ['390', VIEWPORTS.phone],
      ['1280', VIEWPORTS.desktop],
    ] as const) {
      await page.setViewportSize(viewport)
      await page.screenshot({ path: join(SHOTS, `going-live-${name}-${label}.png`), fullPage: true })
    }
    await page.setViewportSize(VIEWPORTS.desktop)
  }
  const submit = (page: Page, url: RegExp, form = 'main form.stack') =>
    Promise.all([page.waitForURL(url), page.click(`${form} button[type=submit]`)])

  beforeAll(async () => {
    smtp = await startSmtpServer()
    dataDir = mkdtempSync(join(tmpdir(), 'sinmun-golive-'))
    node = await startChildNode({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-long-enough-secret-for-this-test-only',
      DATA_DIR: dataDir,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'warn',
    })
    browser = await launchChromium()
    admin = await newPage()
  }, 120_000)
  afterAll(async () => {
    await browser?.close()
    await node?.stop()
    await smtp?.close()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
  })

  test('the closed site leads to the setup screen, which refuses mistakes and then sets up once', async () => {
    const home = await admin.goto(`${node.url}/`)
    expect(home?.status()).toBe(503)
    expect(await admin.textContent('main')).toContain('사이트를 준비하고 있습니다')
    await Promise.all([admin.waitForURL(/\/setup$/), admin.click('a[href="/setup"]')])
    await shoot(admin, 'setup')

    await admin.fill('#outletName', '한빛일보')
    await admin.fill('#address', '서울특별시 중구 세종대로 1')
    await admin.fill('#adminName', '김편집')
    await admin.fill('#email', ADMIN.email)
    await admin.fill('#password', ADMIN.password)
    await admin.fill('#passwordAgain', 'something-else-123')
    await submit(admin, /\/setup$/)
    expect(await admin.textContent('#passwordAgain-error')).toBe('두 비밀번호가 서로 다릅니다.')
    expect(await admin.inputValue('#outletName')).toBe('한빛일보')
    await shoot(admin, 'setup-error')

    await admin.fill('#password', ADMIN.password)
    await admin.fill('#passwordAgain', ADMIN.password)
    await submit(admin, /\/newsroom\/login\?done=setup/)
    expect(await admin.textContent('.notice')).toContain('설정을 마쳤습니다')

    const again = await (await newPage()).goto(`${node.url}/setup`)
    expect(again?.status()).toBe(404)
  })

  test('the admin logs in, is told which legal fields are missing, and fills the settings', async () => {
    await admin.fill('input[name=email]', ADMIN.email)
    await admin.fill('input[name=password]', ADMIN.password)
    await submit(admin, /\/newsroom$/, 'main form')
    expect(await admin.textContent('.legal-gaps')).toContain('등록번호')
    await admin.click('.legal-gaps a')
    await admin.waitForURL(/\/newsroom\/settings$/)

    const fields: Record<string, string> = {
      registrationNumber: '서울 아 54321',
      registrationDate: '2999.01.01',
      publisher: '김발행',
      editor: '이편집',
      youthProtectionOfficer: '박보호',
      phone: '02-765-4321',
      email: 'news@hanbit.example.kr',
      grievanceOfficer: '최고충',
      grievanceContact: '02-765-4300',
    }
    for (const [name, value] of Object.entries(fields)) await admin.fill(`#${name}`, value)
    await admin.setInputFiles('#logo', {
      name: 'logo.txt.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a picture'),
    })
    await submit(admin, /\/newsroom\/settings$/)
    expect(await admin.textContent('#registrationDate-error')).toBe('등록일은 오늘 이후일 수 없습니다.')
    expect(await admin.inputValue('#publisher')).toBe('김발행')
    await shoot(admin, 'settings-error')

    await admin.fill('#registrationDate', '2024.03.05')
    await admin.setInputFiles('#logo', {
      name: 'logo.png',
      mimeType: 'image/png',
      buffer: Buffer.from('not a picture'),
    })
    await submit(admin, /\/newsroom\/settings$/)
    expect(await admin.textContent('#logo-error')).toContain('이미지 파일이 아닙니다.')
    expect(await admin.inputValue('#registrationDate')).toBe('2024.03.05')
    await shoot(admin, 'settings-logo-error')
    const logo = await sharp({ create: { width: 720, height: 144, channels: 3, background: '#0b3d91' } })
      .composite([
        {
          input: Buffer.from(
            '<svg width="720" height="144"><text x="24" y="100" font-size="80" fill="#fff" font-family="sans-serif">HANBIT</text></svg>',
          ),
        },
      ])
      .png()
      .toBuffer()
    await admin.setInputFiles('#logo', { name: 'logo.png', mimeType: 'image/png', buffer: logo })
    const icon = await sharp({ create: { width: 512, height: 512, channels: 3, background: '#0b3d91' } })
      .png()
      .toBuffer()
    await admin.setInputFiles('#icon', { name: 'icon.png', mimeType: 'image/png', buffer: icon })
    await submit(admin, /\/newsroom\/settings\?done=saved$/)
    expect(await admin.textContent('.notice')).toContain('매체 설정을 저장했습니다')
    expect(await admin.locator('.legal-gaps').count()).toBe(0)
    await admin.waitForFunction(() =>
      [...document.querySelectorAll('img.preview-img')].every(
        (i) => (i as HTMLImageElement).naturalWidth > 0,
      ),
    )
    await shoot(admin, 'settings')
  })

  test('two sections and a sub-section; a clashing address is refused at the field', async () => {
    await admin.goto(`${node.url}/newsroom/sections`)
    const create = async (name: string, slug: string, parent?: string) => {
      await admin.fill('#name', name)
      await admin.fill('#slug', slug)
      if (parent) await admin.selectOption('#parentId', { label: parent })
      await submit(admin, /\/newsroom\/sections/)
    }
    await create('사회', 'society')
    await create('문화', 'culture')
    await create('교육', 'education', '사회')
    await create('사회2', 'society')
    expect(await admin.textContent('#slug-error')).toBe('다른 섹션이 이미 쓰는 주소입니다.')
    expect(await admin.inputValue('#name')).toBe('사회2')
    await shoot(admin, 'sections')
  })

  test('the privacy policy is edited in the newsroom', async () => {
    await admin.goto(`${node.url}/newsroom/pages/privacy`)
    const text = await admin.inputValue('#body')
    await admin.fill(
      '#body',
      text.replace('[빈칸: 개인정보 보호책임자의 성명, 직책, 연락처]', '최고충 (편집국, 02-765-4300)'),
    )
    await submit(admin, /done=saved/)
    await shoot(admin, 'page-editor')
  })

  test('an invited reporter gets the mail, sets a password twice, a profile, and files an article', async () => {
    await admin.goto(`${node.url}/newsroom/staff`)
    await admin.fill('main form.stack input[name=email]', REPORTER.email)
    await admin.fill('main form.stack input[name=name]', '정기자')
    await admin.selectOption('main form.stack select[name=role]', 'reporter')
    await submit(admin, /done=invited/)
    expect(await admin.textContent('.notice')).toContain(`${REPORTER.email}에게 초대 메일을 보냈습니다.`)
    const mail = await smtp.waitFor(0)
    expect(mail.subject).toBe('[뉴스룸] 초대 안내')
    const link = mail.text.match(/http\S+\/newsroom\/invite\/\S+/)![0]

    const reporter = await newPage('phone')
    await reporter.goto(link)
    await reporter.fill('input[name=password]', REPORTER.password)
    await reporter.fill('input[name=passwordAgain]', REPORTER.password)
    await submit(reporter, /\/newsroom\/login\?done=set/)
    await reporter.fill('input[name=email]', REPORTER.email)
    await reporter.fill('input[name=password]', REPORTER.password)
    await submit(reporter, /\/newsroom$/, 'main form')

    await reporter.goto(`${node.url}/newsroom/profile`)
    await reporter.fill('#name', '정한결')
    await reporter.fill('#department', '사회부')
    await reporter.fill('#bio', '교육과 지역 소식을 씁니다.')
    await reporter.fill('#publicEmail', 'hangyeol@hanbit.example.kr')
    await submit(reporter, /done=saved/)
    await shoot(reporter, 'profile')

    await reporter.goto(`${node.url}/newsroom/articles/new`)
    await reporter.fill('input[name=headline]', HEADLINE)
    await reporter.selectOption('select[name=sectionId]', { label: '교육' })
    await Promise.all([
      reporter.waitForURL(/\/newsroom\/articles\/\d+\/edit$/),
      reporter.click('main button[type=submit]'),
    ])
    articleId = Number(reporter.url().match(/articles\/(\d+)\/edit/)![1])
    await reporter.waitForSelector('html[data-editor-ready]', { state: 'attached' })
    await reporter.click('.ProseMirror')
    await reporter.keyboard.type('시의회가 공공도서관을 밤 11시까지 여는 조례를 통과시켰다.')
    await reporter.waitForSelector('#save-status[data-state=saved]')
    await Promise.all([reporter.waitForURL(/done=submitted/), reporter.click('#submit-form button')])
  })

  test('the desk publishes it; readers see the outlet, its logo and footer everywhere', async () => {
    await admin.goto(`${node.url}/newsroom/articles/${articleId}/edit`)
    await admin.waitForSelector('html[data-editor-ready]', { state: 'attached' })
    await Promise.all([admin.waitForURL(/done=published/), admin.click('#approve-form button')])

    const reader = await newPage('phone')
    const pages = [
      '/',
      '/section/society',
      '/section/education',
      `/news/${articleId}`,
      '/page/about',
      '/page/terms',
      '/page/privacy',
      '/page/youth-policy',
      '/page/no-email-collection',
      '/correction-request',
      '/tip',
    ]
    for (const path of pages) {
      const answer = await reader.goto(`${node.url}${path}`)
      expect(answer?.status(), path).toBe(200)
      expect(await reader.getAttribute('header .brand img', 'alt'), path).toBe('한빛일보')
      const footer = await reader.textContent('footer')
      expect(footer, path).toContain('서울 아 54321')
      expect(footer, path).toContain('최고충')
      const logoLoaded = await reader.$eval(
        'header .brand img',
        (img) => (img as HTMLImageElement).naturalWidth,
      )
      expect(logoLoaded, path).toBeGreaterThan(0)
    }
    await reader.goto(`${node.url}/news/${articleId}`)
    const body = await reader.textContent('body')
    expect(body).toContain(HEADLINE)
    expect(body).toContain('정한결')
    expect(body).toContain('hangyeol@hanbit.example.kr')
    expect(body).not.toContain(REPORTER.email)
    await reader.screenshot({ path: join(SHOTS, 'going-live-article-390.png'), fullPage: true })
    await reader.goto(`${node.url}/page/privacy`)
    expect(await reader.textContent('main')).toContain('최고충 (편집국, 02-765-4300)')
    const home = await reader.goto(`${node.url}/`)
    expect(home?.status()).toBe(200)
    expect(await reader.getAttribute('link[rel=apple-touch-icon]', 'href')).toMatch(/\/180\.png$/)
    await reader.setViewportSize(VIEWPORTS.desktop)
    await reader.screenshot({ path: join(SHOTS, 'going-live-home-1280.png'), fullPage: true })
  })
})
