// A tip's attachment is evidence, not a page: an HTML file a reader uploads reaches staff
// as a download that the browser never renders, and nobody but the desk can fetch it.
import { writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import {
  browserSkipReason,
  launchChromium,
  openPage,
  type RunningSite,
  startSite,
  VIEWPORTS,
} from './fixtures.js'
import { createStaff, type Jar, logInToNewsroom, loginJar, readerJar } from './newsroom-fixtures.js'
import { RequestFormPage } from './pages/request-form-page.js'

const skip = browserSkipReason()
const HOSTILE = '<!doctype html><title>x</title><script>document.title = "pwned"</script><h1>제보 자료</h1>'

describe.skipIf(skip !== null)('tip attachments', () => {
  let site: RunningSite
  let browser: Browser
  let id = 0

  beforeAll(async () => {
    site = await startSite()
    await createStaff(site.app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
    await createStaff(site.app, { email: 'kim@example.kr', name: '김기자', role: 'reporter' })
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  test('a reader sends an HTML file with a tip', async () => {
    const { page, context } = await openPage(browser, { baseUrl: site.baseUrl, viewport: VIEWPORTS.phone })
    const form = new RequestFormPage(page)
    await form.open('/tip')
    await form.fill({
      kind: '기사제보',
      name: '제보자',
      contact: '010-1234-5678',
      subject: '구청 내부 문서',
      body: '첨부한 파일을 확인해 주세요.',
    })
    const file = join(tmpdir(), `evidence-${process.pid}.html`)
    writeFileSync(file, HOSTILE)
    await page.getByLabel('첨부파일 (선택, 10MB 이하)').setInputFiles(file)
    await form.consent()
    await form.send()
    expect(await page.getByRole('status').textContent()).toContain('보내 주셔서 감사합니다')
    await context.close()
    id = (await site.app.services.inbox.list({ limit: 1 }))[0]!.id
  })

  test('the desk gets it as a download, never rendered', async () => {
    const { page, context } = await openPage(browser, { baseUrl: site.baseUrl, viewport: VIEWPORTS.desktop })
    await logInToNewsroom(page, 'desk@example.kr')
    await page.goto(`/newsroom/inbox/${id}`)
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: `evidence-${process.pid}.html` }).click(),
    ])
    expect(download.suggestedFilename()).toBe(`evidence-${process.pid}.html`)
    expect(await page.title()).not.toBe('pwned')
    // Opened directly, the browser still saves it instead of showing it.
    const direct: Page = await context.newPage()
    const [again] = await Promise.all([
      direct.waitForEvent('download'),
      direct.goto(`/newsroom/inbox/${id}/attachment`).catch(() => null),
    ])
    expect(again.suggestedFilename()).toBe(`evidence-${process.pid}.html`)
    await context.close()
  })

  test('served with a safe type, and only to the desk', async () => {
    const get = (jar?: Jar) =>
      site.app.http.inject({
        url: `/newsroom/inbox/${id}/attachment`,
        headers: jar ? { cookie: jar.cookie } : {},
      })
    const desk = await get(await loginJar(site.app, 'desk@example.kr'))
    expect(desk.statusCode).toBe(200)
    expect(desk.headers['content-type']).toBe('application/octet-stream')
    expect(desk.headers['content-disposition']).toMatch(/^attachment;/)
    expect(desk.headers['x-content-type-options']).toBe('nosniff')
    expect(String(desk.headers['content-security-policy'])).toContain('sandbox')
    expect(desk.body).toBe(HOSTILE)
    expect((await get()).statusCode).toBe(303)
    expect((await get()).headers.location).toMatch(/^\/newsroom\/login/)
    expect((await get(await readerJar(site.app))).statusCode).toBe(303)
    expect((await get(await loginJar(site.app, 'kim@example.kr'))).statusCode).toBe(403)
    for (const path of [`/newsroom/inbox/${id}`, '/newsroom/inbox']) {
      const reporter = await site.app.http.inject({
        url: path,
        headers: { cookie: (await loginJar(site.app, 'kim@example.kr')).cookie },
      })
      expect(reporter.statusCode).toBe(403)
      expect(reporter.body).not.toContain('010-1234-5678')
    }
  })
})
