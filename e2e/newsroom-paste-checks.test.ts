// A press release pasted from Word into the editor, at a phone's width and a desktop's: its
// headings, list, bold, link and table survive as the article schema has them (no styles, no
// scripts), 출고 전 점검 updates after the save, and the desk withdraws it with a reason and a
// confirmation, readers get 410, the desk restores it. Screenshots go to e2e/screenshots/.
import { mkdirSync } from 'node:fs'
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
import { createStaff, logInToNewsroom, smallJpeg } from './newsroom-fixtures.js'
import { pressReleaseHwpx } from './press-release-fixtures.js'

const SCREENSHOTS = 'e2e/screenshots'
const skip = browserSkipReason()

// What Word puts on the clipboard, trimmed: mso classes and styles, list paragraphs with the
// bullet as text, a footnote anchor, a script that must never run.
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head>
<body><!--StartFragment-->
<h1 style="mso-outline-level:1"><span style="font-family:맑은 고딕">시, 청년 월세 지원 확대</span></h1>
<p class="MsoNormal" style="color:red">서울시는 <b>청년 월세 지원</b> 대상을 <i>두 배</i>로 늘린다고 밝혔다.
자세한 내용은 <a href="https://www.seoul.go.kr/news">서울시 누리집</a>에서 볼 수 있다.<a href="#_ftn1">[1]</a></p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>  </span></span>지원 대상: 만 19~39세</p>
<p class="MsoListParagraph" style="mso-list:l0 level1 lfo1"><span style="mso-list:Ignore">·<span>  </span></span>지원 금액: 월 20만 원</p>
<table class="MsoTableGrid" border="1"><tr><td><p>구분</p></td><td><p>2025년</p></td></tr><tr><td><p>인원</p></td><td><p>2만 명</p></td></tr></table>
<script>window.__pwned = 1</script>
<!--EndFragment--></body></html>`

describe.skipIf(skip !== null)('pasting a press release, checks and withdrawal in the browser', () => {
  let site: RunningSite
  let browser: Browser
  beforeAll(async () => {
    site = await startSite()
    await createStaff(site.app, { email: 'paste@example.kr', name: '정기자', role: 'reporter' })
    await createStaff(site.app, { email: 'desk2@example.kr', name: '한데스크', role: 'desk' })
    browser = await launchChromium()
    mkdirSync(SCREENSHOTS, { recursive: true })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  async function login(viewport: { width: number; height: number }, email: string): Promise<Page> {
    const { page } = await openPage(browser, { baseUrl: site.baseUrl, viewport })
    page.setDefaultTimeout(10_000)
    await logInToNewsroom(page, email)
    return page
  }

  for (const [name, viewport] of Object.entries(VIEWPORTS)) {
    test(`${viewport.width}px: Word paste keeps structure, checks update, HWP refused, HWPX opens as a draft, withdraw → 410 → restore`, async () => {
      const page = await login(viewport, 'paste@example.kr')
      await page.goto('/newsroom/articles/new')
      await page.fill(
        'input[name=headline]',
        `청년 월세 지원 대상 두 배로 확대한다는 서울시 발표 전문 ${name}`,
      )
      await Promise.all([page.waitForURL(/\/edit$/), page.click('main button[type=submit]')])
      const id = Number(page.url().match(/articles\/(\d+)\/edit/)![1])
      await page.waitForSelector('html[data-editor-ready]', { state: 'attached' })

      await page.click('.ProseMirror')
      await page.evaluate((html) => {
        const data = new DataTransfer()
        data.setData('text/html', html)
        data.setData('text/plain', '시, 청년 월세 지원 확대')
        const target = document.querySelector('.ProseMirror')!
        target.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        )
      }, WORD_HTML)
      await page.waitForSelector('#save-status[data-state=saved]')

      const editor = page.locator('.ProseMirror')
      expect(await editor.locator('h2').textContent()).toBe('시, 청년 월세 지원 확대')
      expect(await editor.locator('ul > li').allTextContents()).toEqual([
        '지원 대상: 만 19~39세',
        '지원 금액: 월 20만 원',
      ])
      expect(await editor.locator('strong').textContent()).toBe('청년 월세 지원')
      expect(await editor.locator('a').getAttribute('href')).toBe('https://www.seoul.go.kr/news')
      expect(await editor.locator('table tr').first().locator('td').allTextContents()).toEqual([
        '구분',
        '2025년',
      ])
      expect(await editor.locator('[style]').count()).toBe(0)
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()

      const row = await site.app.db.kysely
        .selectFrom('articles')
        .select('body')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const body = JSON.parse(row.body) as { content: { type: string }[] }
      // What the editor had before the paste (one empty paragraph) may stay after the table.
      const blocks = body.content.filter((b) => b.type !== 'paragraph' || 'content' in b)
      expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'bulletList', 'table'])
      expect(row.body).not.toContain('mso')

      // The checks panel was refreshed after the save: the headline is over the portal's 30.
      await page.waitForSelector('#publish-checks [data-code=headline-length]')
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth)
      if (overflow > 0)
        console.log(
          'WIDE',
          await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
              .slice(0, 12)
              .map(
                (e) => `${e.tagName}.${e.className}#${e.id} ${Math.round(e.getBoundingClientRect().right)}`,
              ),
          ),
        )
      expect(overflow).toBeLessThanOrEqual(0)
      await page.locator('#publish-checks').scrollIntoViewIfNeeded()
      await page.screenshot({
        path: `${SCREENSHOTS}/newsroom-paste-checks-${viewport.width}.png`,
        fullPage: true,
      })

      // A binary HWP picked from the phone's files is refused beside the field; nothing changes.
      await page.setInputFiles('#import-file', {
        name: '보도자료.hwp',
        mimeType: 'application/x-hwp',
        buffer: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(256)]),
      })
      await page.waitForSelector('#import-status[data-state=error]')
      expect(await page.textContent('#import-status')).toContain('HWPX 또는 DOCX')
      // An HWPX becomes a new draft, which opens.
      await Promise.all([
        page.waitForURL((u) => /\/articles\/\d+\/edit$/.test(u.pathname) && !u.pathname.includes(`/${id}/`)),
        page.setInputFiles('#import-file', {
          name: '보도자료.hwpx',
          mimeType: 'application/octet-stream',
          buffer: await pressReleaseHwpx(await smallJpeg(300, 450)),
        }),
      ])
      expect(await page.inputValue('#headline')).toBe('부산시, 해상 관광버스 운행 시작')

      // The desk withdraws it: a reason and the confirmation box are needed.
      await site.app.services.desk.publishArticle(id)
      const desk = await login(viewport, 'desk2@example.kr')
      await desk.goto(`/newsroom/articles/${id}/edit`)
      await desk.click('details.withdraw > summary')
      await desk.fill('#withdraw-form input[name=reason]', '보도자료 중복 게재')
      await desk.check('#withdraw-form input[name=confirm]')
      await desk
        .locator('#withdraw-form')
        .screenshot({ path: `${SCREENSHOTS}/newsroom-withdraw-${viewport.width}.png` })
      await Promise.all([desk.waitForURL(/done=withdrawn/), desk.click('#withdraw-form button[type=submit]')])
      const gone = await desk.goto(`/news/${id}`)
      expect(gone?.status()).toBe(410)
      expect(await desk.textContent('h1')).toBe('삭제된 기사입니다')
      await desk.screenshot({ path: `${SCREENSHOTS}/reader-withdrawn-410-${viewport.width}.png` })

      await desk.goto(`/newsroom/articles/${id}/edit`)
      await Promise.all([desk.waitForURL(/done=restored/), desk.click('#restore-form button[type=submit]')])
      expect((await desk.goto(`/news/${id}`))?.status()).toBe(200)
    })
  }
})
