// The newsroom's whole rhythm in a real browser: a reporter writes an article with a photo
// (a refused upload first, which must not cost a word), sends it to the desk; the desk
// returns it with a note; the reporter fixes it and sends it again; the desk schedules it a
// minute ahead; it reaches the home page, its section and the RSS feed only after that
// minute; the desk corrects it, readers see the 수정 time and the note, the newsroom the diff.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatKoreaDateTime } from '../src/platform/korea-time.js'
import { browserSkipReason, launchChromium, type RunningSite, startSite } from './fixtures.js'
import { createStaff, STAFF_PASSWORD, smallJpeg } from './newsroom-fixtures.js'

const HEADLINE = '시립도서관 24시간 개방 시범 운영'
const skip = browserSkipReason()

describe.skipIf(skip !== null)('newsroom flow in the browser', () => {
  let site: RunningSite
  let browser: Browser
  let reporter: Page
  let desk: Page
  let articleId = 0

  async function loggedIn(email: string): Promise<Page> {
    const context: BrowserContext = await browser.newContext({ locale: 'ko-KR' })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    page.on('dialog', (d) => void d.accept())
    await page.goto(`${site.baseUrl}/newsroom/login`)
    await page.fill('input[name=email]', email)
    await page.fill('input[name=password]', STAFF_PASSWORD)
    await Promise.all([page.waitForURL(`${site.baseUrl}/newsroom`), page.click('main button[type=submit]')])
    return page
  }
  const openEditor = async (page: Page) => {
    await page.goto(`${site.baseUrl}/newsroom/articles/${articleId}/edit`)
    await page.waitForSelector('html[data-editor-ready]', { state: 'attached' })
  }
  const saved = (page: Page) => page.waitForSelector('#save-status[data-state=saved]')
  const reader = (path: string) => site.app.http.inject({ url: path }).then((r) => r.body)

  beforeAll(async () => {
    site = await startSite()
    await createStaff(site.app, { email: 'kim@example.kr', name: '김하늘', role: 'reporter' })
    await createStaff(site.app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
    browser = await launchChromium()
    reporter = await loggedIn('kim@example.kr')
    desk = await loggedIn('desk@example.kr')
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  test('a reporter writes an article with a photo and sends it to the desk', async () => {
    await reporter.click('a[href="/newsroom/articles/new"]')
    await reporter.fill('input[name=headline]', HEADLINE)
    await reporter.selectOption('select[name=sectionId]', { label: '사회' })
    await Promise.all([
      reporter.waitForURL(/\/newsroom\/articles\/\d+\/edit$/),
      reporter.click('main button[type=submit]'),
    ])
    articleId = Number(reporter.url().match(/articles\/(\d+)\/edit/)![1])
    await reporter.waitForSelector('html[data-editor-ready]', { state: 'attached' })

    await reporter.fill('#subheadline', '다음 달부터 석 달간 중앙관 열람실')
    await reporter.click('.ProseMirror')
    await reporter.keyboard.type('시립도서관이 다음 달부터 중앙관 열람실을 24시간 연다.')
    await reporter.keyboard.press('Enter')
    await reporter.keyboard.type('야간에는 사서 2명이 상주한다.')

    // A file that only pretends to be a photo is refused; not a word of the text is lost.
    await reporter.setInputFiles('#photo-file', {
      name: 'scan.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('이 파일은 사진이 아닙니다'.repeat(20)),
    })
    await reporter.click('#photo-upload')
    await reporter.waitForSelector('#photo-status[data-state=error]')
    expect(await reporter.textContent('#photo-status')).toContain('이미지 파일이 아닙니다')
    expect(await reporter.textContent('.ProseMirror')).toContain('야간에는 사서 2명이 상주한다.')

    await reporter.setInputFiles('#photo-file', {
      name: 'library.jpg',
      mimeType: 'image/jpeg',
      buffer: await smallJpeg(1200, 800),
    })
    await reporter.fill('#photo-caption', '불 밝힌 시립도서관 중앙관 열람실')
    await reporter.fill('#photo-credit', '사진=김하늘 기자')
    await reporter.fill('#photo-alt', '밤에 불이 켜진 도서관 열람실')
    await reporter.click('#photo-upload')
    await reporter.waitForSelector('#photo-status[data-state=done]')
    await reporter.waitForSelector('.ProseMirror figure.photo-node img')
    expect(await reporter.inputValue('.photo-node .photo-caption')).toBe('불 밝힌 시립도서관 중앙관 열람실')
    await saved(reporter)
    expect(await reporter.textContent('#char-count')).toMatch(/\d+자/)

    await Promise.all([reporter.waitForURL(/done=submitted/), reporter.click('#submit-form button')])
    expect(await reporter.textContent('.notice')).toContain('데스크에 출고를 요청했습니다.')
    const row = await site.app.db.kysely
      .selectFrom('articles')
      .select(['status', 'body'])
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('submitted')
    expect(row.body).toContain('"type":"photo"')
    expect(row.body).toContain('사진=김하늘 기자')
  })

  test('the desk returns it with a note; the reporter fixes it and sends it again', async () => {
    await desk.goto(`${site.baseUrl}/newsroom/articles?view=waiting`)
    await desk.click(`a[href="/newsroom/articles/${articleId}/edit"]`)
    await desk.waitForSelector('html[data-editor-ready]', { state: 'attached' })
    await desk.fill('#return-form textarea[name=note]', '운영 기간과 예산을 보강해 주세요.')
    await Promise.all([desk.waitForURL(/done=returned/), desk.click('#return-form button')])

    await openEditor(reporter)
    expect(await reporter.textContent('aside.desk-note')).toContain('운영 기간과 예산을 보강해 주세요.')
    await reporter.click('.ProseMirror p >> nth=1')
    await reporter.keyboard.press('End')
    await reporter.keyboard.type(' 시범 운영 예산은 1억 2천만 원이다.')
    await Promise.all([reporter.waitForURL(/done=submitted/), reporter.click('#submit-form button')])
    const row = await site.app.db.kysely
      .selectFrom('articles')
      .select(['status', 'body'])
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('submitted')
    expect(row.body).toContain('1억 2천만 원')
  })

  test('scheduled a minute ahead, it reaches home, section and RSS after that minute and not before', async () => {
    const at = new Date(site.app.clock.now().getTime() + 60_000)
    const local = formatKoreaDateTime(at).replace(/^(\d+)\.(\d+)\.(\d+) /, '$1-$2-$3T')
    await openEditor(desk)
    await desk.selectOption('#approve-form select[name=grade]', 'headline')
    await desk.fill('#approve-form input[name=publishAt]', local)
    await Promise.all([desk.waitForURL(/done=scheduled/), desk.click('#approve-form button')])

    const scheduler = site.app.services.newsroom.scheduler
    await scheduler.tick()
    for (const path of ['/', '/section/society', '/rss/all.xml'])
      expect(await reader(path)).not.toContain(HEADLINE)
    expect((await site.app.http.inject({ url: `/news/${articleId}` })).statusCode).toBe(404)

    site.app.clock.advance(61_000)
    expect(await scheduler.tick()).toContain(articleId)
    for (const path of ['/', '/section/society', '/rss/all.xml'])
      expect(await reader(path)).toContain(HEADLINE)
    const page = await reader(`/news/${articleId}`)
    expect(page).toContain('<span class="caption">불 밝힌 시립도서관 중앙관 열람실</span>')
    expect(page).toContain('<span class="credit">사진=김하늘 기자</span>')
  })

  test('the desk corrects it: readers see the 수정 time and the note, the newsroom the diff', async () => {
    site.app.clock.advance(30 * 60_000)
    await openEditor(desk)
    await desk.click('.ProseMirror p >> nth=0')
    await desk.keyboard.press('End')
    await desk.keyboard.type(' 주말은 제외한다.')
    await desk.fill('#correction-note', '운영 요일을 바로잡았습니다.')
    await desk.click('#save-button')
    await saved(desk)

    const browserPage = await desk.context().newPage()
    await browserPage.goto(`${site.baseUrl}/news/${articleId}`)
    const modified = await browserPage.textContent('.article-info .modified')
    expect(modified).toContain(`수정 ${formatKoreaDateTime(site.app.clock.now())}`)
    expect(await browserPage.textContent('aside.correction')).toContain('운영 요일을 바로잡았습니다.')

    await desk.goto(`${site.baseUrl}/newsroom/articles/${articleId}/history`)
    expect(await desk.textContent('.diff ins')).toContain('주말은 제외한다.')
    expect(await desk.textContent('.version .correction-note')).toContain('운영 요일을 바로잡았습니다.')
  })
})
