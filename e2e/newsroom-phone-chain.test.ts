// Issue 14's whole chain on a 390 px phone, as a reporter and a desk editor live it: a Hangul
// (.hwpx) and a Word (.docx) press release dropped on the editor each become a draft; a
// Word-like clipboard (headings, list, link, table) is pasted into the second; a portrait photo
// is uploaded as the lead photo only; 출고 전 점검 is on screen; 출고 요청 is reachable without
// scrolling; the desk finds the article by a word of its body among a few hundred others (the
// same index the 100,000-article bench measures) and approves it; readers see the photo once,
// capped in height on the article page and cropped to 4:3 on lists, and a description taken
// from the text, not the caption. Screenshots of each step go to e2e/screenshots/.
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { section } from '../src/testing/factories.js'
import {
  browserSkipReason,
  launchChromium,
  openPage,
  type RunningSite,
  startSite,
  VIEWPORTS,
} from './fixtures.js'
import { createStaff, logInToNewsroom, smallJpeg } from './newsroom-fixtures.js'
import { pressReleaseDocx, pressReleaseHwpx } from './press-release-fixtures.js'

const SCREENSHOTS = 'e2e/screenshots'
const skip = browserSkipReason()
const PHONE = VIEWPORTS.phone

const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><!--StartFragment-->
<h1 style="mso-outline-level:1">추가 설명</h1>
<p class="MsoNormal" style="color:red">도는 <b>교통카드</b>로 자동 환급한다. 안내는 <a href="https://www.gg.go.kr/bus">도 누리집</a>에 있다.</p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span> </span></span>신청: 필요 없음</p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span> </span></span>환급: 매달 말</p>
<table class="MsoTableGrid" border="1"><tr><td><p>시군</p></td><td><p>예산</p></td></tr><tr><td><p>수원</p></td><td><p>12억 원</p></td></tr></table>
<!--EndFragment--></body></html>`

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
})

/** Drops a file on the editor the way a phone's or desktop's file manager does. */
async function dropOnEditor(page: Page, name: string, bytes: Buffer) {
  await page.evaluate(
    ([fileName, base64]) => {
      const data = new DataTransfer()
      data.items.add(new File([Uint8Array.from(atob(base64!), (c) => c.charCodeAt(0))], fileName!))
      const target = document.querySelector('.ProseMirror')!
      const box = target.getBoundingClientRect()
      const at = { clientX: box.left + 10, clientY: box.top + 10 }
      target.dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true, ...at }),
      )
    },
    [name, bytes.toString('base64')],
  )
}

const editorReady = (page: Page) => page.waitForSelector('html[data-editor-ready]', { state: 'attached' })
const idOf = (page: Page) => Number(page.url().match(/articles\/(\d+)\/edit/)![1])

describe.skipIf(skip !== null)(
  '390 px: press release → photo → checks → 출고 요청 → desk search → 승인 → reader',
  () => {
    let site: RunningSite
    let browser: Browser
    let reporterId: number
    beforeAll(async () => {
      site = await startSite()
      reporterId = await createStaff(site.app, {
        email: 'phone@example.kr',
        name: '서기자',
        role: 'reporter',
      })
      await createStaff(site.app, { email: 'deskphone@example.kr', name: '오데스크', role: 'desk' })
      // A newsroom's worth of other drafts around the demo's published articles.
      const sectionId = await section(site.app, 'society', '사회')
      for (let i = 0; i < 150; i++)
        await site.app.services.desk.createDraft(
          {
            sectionId,
            headline: `다른 기사 ${i}`,
            body: doc(`버스 노선과 요금 이야기 ${i}`),
            reporterIds: [reporterId],
          },
          reporterId,
        )
      await site.app.services.search.idle()
      browser = await launchChromium()
      mkdirSync(SCREENSHOTS, { recursive: true })
    })
    afterAll(async () => {
      await browser?.close()
      await site?.close()
    })

    async function phone(email: string): Promise<Page> {
      const { page } = await openPage(browser, { baseUrl: site.baseUrl, viewport: PHONE, phone: true })
      page.setDefaultTimeout(15_000)
      await logInToNewsroom(page, email)
      return page
    }

    const fitsTheScreen = (page: Page) =>
      page.evaluate(() => document.documentElement.scrollWidth - innerWidth)

    test('the whole chain', async () => {
      const reporter = await phone('phone@example.kr')
      await reporter.goto('/newsroom/articles/new')
      await reporter.fill('input[name=headline]', '도, 버스 요금 환급 안내')
      await Promise.all([reporter.waitForURL(/\/edit$/), reporter.click('main button[type=submit]')])
      await editorReady(reporter)
      const first = idOf(reporter)

      // A Word clipboard pasted into the new article keeps its structure, styles dropped.
      const editor = reporter.locator('.ProseMirror')
      await editor.click()
      await reporter.evaluate((html) => {
        const data = new DataTransfer()
        data.setData('text/html', html)
        data.setData('text/plain', '추가 설명')
        document
          .querySelector('.ProseMirror')!
          .dispatchEvent(
            new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
          )
      }, WORD_HTML)
      await reporter.waitForSelector('.ProseMirror a[href="https://www.gg.go.kr/bus"]')
      await reporter.waitForSelector('#save-status[data-state=saved]')
      expect(await fitsTheScreen(reporter)).toBeLessThanOrEqual(0)
      await reporter.screenshot({ path: `${SCREENSHOTS}/chain-paste-390.png`, fullPage: true })
      expect(await editor.locator('h2').allTextContents()).toContain('추가 설명')
      expect(await editor.locator('li').allTextContents()).toEqual(
        expect.arrayContaining(['신청: 필요 없음', '환급: 매달 말']),
      )
      expect(await editor.locator('a[href="https://www.gg.go.kr/bus"]').count()).toBe(1)
      expect(
        await editor.locator('table').last().locator('tr').last().locator('td').allTextContents(),
      ).toEqual(['수원', '12억 원'])
      expect(await editor.locator('[style]').count()).toBe(0)

      // The Hangul release opens as a draft of its own.
      await Promise.all([
        reporter.waitForURL(
          (u) => /\/articles\/\d+\/edit$/.test(u.pathname) && !u.pathname.includes(`/${first}/`),
        ),
        dropOnEditor(reporter, '보도자료.hwpx', await pressReleaseHwpx(await smallJpeg(300, 200))),
      ])
      await editorReady(reporter)
      expect(await reporter.inputValue('#headline')).toBe('부산시, 해상 관광버스 운행 시작')
      const hwpx = idOf(reporter)

      // So does the Word release, with its heading, list, link and table in place: the reporter
      // goes on with this one.
      await Promise.all([
        reporter.waitForURL(
          (u) => /\/articles\/\d+\/edit$/.test(u.pathname) && !u.pathname.includes(`/${hwpx}/`),
        ),
        dropOnEditor(reporter, '보도자료.docx', await pressReleaseDocx()),
      ])
      await editorReady(reporter)
      const id = idOf(reporter)
      expect(await reporter.inputValue('#headline')).toBe('경기도, 어르신 무료 버스 확대')
      expect(await editor.locator('h2, h3').allTextContents()).toContain('지원 배경')
      expect(await editor.locator('a').first().getAttribute('href')).toBe('https://www.gg.go.kr/press')
      expect(await editor.locator('li').allTextContents()).toContain('기간: 2027년 1월부터')
      expect(await editor.locator('table td').allTextContents()).toContain('9만 명')

      // A portrait photo from the phone, as the lead photo only.
      await reporter.setInputFiles('#photo-file', {
        name: 'portrait.jpg',
        mimeType: 'image/jpeg',
        buffer: await smallJpeg(600, 1000),
      })
      await reporter.fill('#photo-caption', '버스에 오르는 어르신들')
      await reporter.fill('#photo-credit', '사진=경기도')
      await reporter.fill('#photo-alt', '시내버스에 오르는 어르신 두 명')
      await reporter.check('#photo-as-lead')
      await reporter.click('#photo-upload')
      await reporter.waitForSelector('#photo-status[data-state=done]')
      await reporter.waitForSelector('#save-status[data-state=saved]')
      expect(await reporter.textContent('#lead-photo-current')).toContain('버스에 오르는 어르신들')
      expect(await editor.locator('figure').count()).toBe(0)

      // The subject is at the top of the portrait: a tap there is the photo's focal point.
      const preview = reporter.locator('#lead-focus .focus-area img')
      await preview.scrollIntoViewIfNeeded()
      const shot = (await preview.boundingBox())!
      await preview.click({ position: { x: shot.width / 2, y: shot.height * 0.1 } })
      await reporter.waitForSelector('#lead-focus [role=status][data-state=done]')
      await reporter.waitForSelector('#save-status[data-state=saved]')

      // 출고 전 점검 is on the page with the headline count, refreshed after the save.
      await reporter.waitForSelector('#publish-checks .headline-count')
      expect(await reporter.textContent('#publish-checks .headline-count')).toContain('제목 17자')
      expect(await fitsTheScreen(reporter)).toBeLessThanOrEqual(0)
      await reporter.screenshot({ path: `${SCREENSHOTS}/chain-editor-390.png`, fullPage: true })

      // 출고 요청 is on screen without scrolling, wherever the reporter is in the form.
      await reporter.evaluate(() => scrollTo(0, 0))
      const submit = reporter.locator('#submit-form button')
      const box = (await submit.boundingBox())!
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height)
      expect(box.y).toBeGreaterThanOrEqual(0)
      await Promise.all([reporter.waitForURL(/done=submitted/), submit.click()])

      // The desk, on a phone too, finds it by a word of its body among the drafts and articles.
      const desk = await phone('deskphone@example.kr')
      // The desk queue says who sent it, when, and how long it is; one box ticks the whole page.
      await desk.goto('/newsroom/articles?view=waiting')
      const queued = desk.locator(`tr[data-article-id="${id}"]`)
      expect(await queued.locator('.w-reporters').textContent()).toBe('서기자')
      expect(await queued.locator('.w-requested').textContent()).toMatch(/2025\.02\.05 12:00/)
      expect(await queued.locator('.w-length').textContent()).toMatch(/^\d{2,}자$/)
      await desk.check('#select-all')
      expect(await desk.locator('input[name=ids]:not(:checked)').count()).toBe(0)
      expect(await fitsTheScreen(desk)).toBeLessThanOrEqual(0)
      await desk.screenshot({ path: `${SCREENSHOTS}/chain-desk-queue-390.png`, fullPage: true })
      await desk.setViewportSize(VIEWPORTS.desktop)
      await desk.screenshot({ path: `${SCREENSHOTS}/chain-desk-queue-1280.png`, fullPage: true })
      await desk.setViewportSize(PHONE)
      await desk.goto('/newsroom/articles?view=all')
      await desk.fill('.list-search input[name=q]', '시내버스')
      await Promise.all([desk.waitForURL(/q=/), desk.click('.list-search button[type=submit]')])
      const found = desk.locator(`a[href="/newsroom/articles/${id}/edit"]`)
      expect(await found.count()).toBe(1)
      expect(await desk.textContent('.list-search [role=status]')).toMatch(/^\d+건$/)
      expect(await fitsTheScreen(desk)).toBeLessThanOrEqual(0)
      await desk.screenshot({ path: `${SCREENSHOTS}/chain-desk-search-390.png`, fullPage: true })
      await desk.setViewportSize(VIEWPORTS.desktop)
      await desk.screenshot({ path: `${SCREENSHOTS}/chain-desk-search-1280.png`, fullPage: true })
      await desk.setViewportSize(PHONE)
      await Promise.all([desk.waitForURL(/\/edit$/), found.click()])
      await editorReady(desk)
      await desk.waitForSelector('#publish-checks')
      await desk.selectOption('#approve-form select[name=grade]', 'important')
      await Promise.all([desk.waitForURL(/done=published/), desk.click('#approve-form button[type=submit]')])

      // Readers: the photo once, no taller than three quarters of the screen; the description
      // is the text's, not the caption's.
      const { page: reader } = await openPage(browser, {
        baseUrl: site.baseUrl,
        viewport: PHONE,
        phone: true,
      })
      expect((await reader.goto(`/news/${id}`))?.status()).toBe(200)
      const photos = reader.locator('main img[alt="시내버스에 오르는 어르신 두 명"]')
      expect(await photos.count()).toBe(1)
      const shown = (await photos.boundingBox())!
      expect(shown.height).toBeLessThanOrEqual(PHONE.height * 0.75 + 1)
      const description = await reader.getAttribute('meta[name=description]', 'content')
      expect(description).toMatch(/^경기도는 만 70세 이상/)
      expect(await reader.getAttribute('meta[property="og:description"]', 'content')).toBe(description)
      // The release's link reads as a link inside the text.
      const link = reader.locator('.article-body p a[href="https://www.gg.go.kr/press"]')
      expect(await link.evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe('underline')
      await reader.screenshot({ path: `${SCREENSHOTS}/chain-reader-article-390.png`, fullPage: true })

      // On a list the portrait photo is a 4:3 thumbnail, cropped rather than squeezed.
      await reader.goto(`/reporter/${reporterId}`)
      const thumb = reader
        .locator('article.item', { has: reader.locator(`a[href="/news/${id}"]`) })
        .locator('.thumb img')
      const t = (await thumb.boundingBox())!
      expect(t.width / t.height).toBeCloseTo(4 / 3, 1)
      expect(await thumb.evaluate((img) => getComputedStyle(img).objectFit)).toBe('cover')
      // Cropped around the focal point: the top of the portrait, not its middle.
      expect(await thumb.evaluate((img) => getComputedStyle(img).objectPosition)).toBe('50% 0%')
      await reader.screenshot({ path: `${SCREENSHOTS}/chain-reader-list-390.png`, fullPage: true })
    })

    test('errors appear next to the control that failed, read out, on screen', async () => {
      const reporter = await phone('phone@example.kr')
      await reporter.goto('/newsroom/articles/new')
      await reporter.fill('input[name=headline]', '빈 기사')
      await Promise.all([reporter.waitForURL(/\/edit$/), reporter.click('main button[type=submit]')])
      await editorReady(reporter)

      // 출고 요청 with an empty body says so, under the body, not as a format problem.
      await reporter.click('#submit-form button')
      const bodyError = reporter.locator('#body-editor + .field-error[role=alert]')
      expect(await bodyError.textContent()).toBe('본문이 비어 있습니다. 본문을 쓴 뒤 출고 요청해 주세요.')
      expect(await reporter.getAttribute('.ProseMirror', 'aria-invalid')).toBe('true')
      expect(await reporter.getAttribute('.ProseMirror', 'aria-describedby')).toContain('error-body')
      const box = (await bodyError.boundingBox())!
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height)
      expect(reporter.url()).toMatch(/\/edit$/)
      await reporter.screenshot({ path: `${SCREENSHOTS}/chain-error-body-390.png` })

      // A headline the server refuses: the reason sits under the headline field.
      await reporter.click('.ProseMirror')
      await reporter.keyboard.type('본문 한 줄')
      await reporter.fill('#headline', '')
      await reporter.click('#save-button')
      const headlineError = reporter.locator('#headline + .field-error[role=alert]')
      await headlineError.waitFor()
      expect(await headlineError.textContent()).toContain('제목을 입력해 주세요')
      expect(await reporter.getAttribute('#headline', 'aria-invalid')).toBe('true')
      expect(await reporter.locator('.field-error').count()).toBe(1)
      // Fixed and saved again: the error goes.
      await reporter.fill('#headline', '한 줄 기사')
      await reporter.click('#save-button')
      await reporter.waitForSelector('#save-status[data-state=saved]')
      expect(await reporter.locator('.field-error').count()).toBe(0)
      expect(await reporter.getAttribute('#headline', 'aria-invalid')).toBeNull()
    })
  },
)
