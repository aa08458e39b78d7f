// Reads one article page of an ndsoft site into plain facts: headline, subtitle, section,
// reporters, 입력/수정 times, the body's HTML (content only), tags and 관련기사.
import { type HTMLElement, parse } from 'node-html-parser'
import { markupMissing } from './ndsoft-errors.js'
import { SELECTORS } from './ndsoft-selectors.js'

export interface NdsoftReporter {
  name: string
  email: string | null
  /** The id in the reporter's list address (`sc_area=I&sc_word=<id>`). */
  listId: string | null
}

export interface NdsoftArticle {
  idxno: number
  headline: string
  /** Lines joined by a newline; empty when there is none. */
  subheadline: string
  section: { code: string; name: string } | null
  reporters: NdsoftReporter[]
  /** UTC ISO times; the page shows them in Korea time. */
  publishedAt: string
  modifiedAt: string | null
  /** The body element's content with everything that is not content removed. */
  bodyHtml: string
  tags: string[]
  relatedIdxnos: number[]
}

const A = SELECTORS.article

// Korean words in regular expressions are written as \u escapes: the server bundle must stay
// one byte per character (scripts/build.mjs). 기자 (reporter), 기자명, 입력, 수정, 승인.
const GIJA = '\uae30\uc790'
const ENDS_IN_GIJA = new RegExp(`\\s*${GIJA}\\s*$`)
const LABEL = {
  byline: '\uae30\uc790\uba85',
  published: '\uc785\ub825',
  modified: '\uc218\uc815',
  approved: '\uc2b9\uc778',
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim().normalize('NFC')

function first(root: HTMLElement, selectors: readonly string[]): HTMLElement | null {
  for (const selector of selectors) {
    const found = root.querySelector(selector)
    if (found) return found
  }
  return null
}

function all(root: HTMLElement, selectors: readonly string[]): HTMLElement[] {
  for (const selector of selectors) {
    const found = root.querySelectorAll(selector)
    if (found.length > 0) return found
  }
  return []
}

/** `2026.10.03 14:30` (Korea time, UTC+9 all year) → UTC ISO. */
export function koreaTime(text: string): string | null {
  const m = text.match(/(\d{4})[.-](\d{1,2})[.-](\d{1,2})\.?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/)
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h) - 9, Number(mi), Number(s ?? 0))
  return Number.isNaN(utc) ? null : new Date(utc).toISOString()
}

export const idxnoOf = (href: string): number | null => {
  const m = href.match(/[?&]idxno=(\d+)/)
  return m ? Number(m[1]) : null
}

function times(root: HTMLElement, path: string) {
  let publishedAt: string | null = null
  let modifiedAt: string | null = null
  for (const li of all(root, A.infoItems)) {
    if (!li.querySelector(A.clockIcon)) continue
    const text = clean(li.text)
    const at = koreaTime(text)
    if (!at) continue
    if (text.startsWith(LABEL.published)) publishedAt = at
    else if (text.startsWith(LABEL.modified)) modifiedAt = at
    // Older skins print 승인 (approved) as the publication time.
    else if (text.startsWith(LABEL.approved)) publishedAt ??= at
  }
  if (!publishedAt) throw markupMissing(path, '입력 time')
  return { publishedAt, modifiedAt }
}

function reporters(root: HTMLElement): NdsoftReporter[] {
  const found: NdsoftReporter[] = []
  for (const box of all(root, A.writers)) {
    const nameEl = first(box, A.writerName)
    const name = clean(first(nameEl ?? box, ['a'])?.text ?? nameEl?.text ?? '').replace(ENDS_IN_GIJA, '')
    if (!name) continue
    const email = clean(first(box, A.writerEmail)?.text ?? '') || null
    const list = box.querySelector(A.writerList)?.getAttribute('href') ?? ''
    const listId = new URLSearchParams(list.split('?')[1] ?? '').get('sc_word')
    found.push({ name, email: email?.includes('@') ? email : null, listId })
  }
  if (found.length > 0) return found
  // No reporter box: the byline line, `홍길동 기자` or `홍길동·김철수 기자 (e-mail)`.
  for (const li of all(root, A.infoItems)) {
    if (!li.querySelector(A.bylineIcon)) continue
    const text = clean(li.text.replace(LABEL.byline, ''))
    const email = text.match(/[\w.+-]+@[\w.-]+\.\w+/)?.[0] ?? null
    const names = text
      .replace(/\(.*?\)/g, '')
      .replace(ENDS_IN_GIJA, '')
      .split(/[·,]/)
      .map((n) => clean(n.replace(ENDS_IN_GIJA, '')))
      .filter(Boolean)
    return names.map((name, i) => ({ name, email: i === 0 ? email : null, listId: null }))
  }
  return []
}

/** The body's HTML with ads, scripts, boxes and the subtitle taken out. */
function bodyHtml(body: HTMLElement): string {
  for (const selector of A.notContent) for (const el of body.querySelectorAll(selector)) el.remove()
  return body.innerHTML
}

export function parseArticlePage(html: string, path: string, idxno: number): NdsoftArticle {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } })
  const headlineEl = first(root, A.headline)
  const headline = clean(headlineEl?.text ?? '')
  if (!headline) throw markupMissing(path, 'headline')
  const body = root.querySelector(A.body)
  if (!body) throw markupMissing(path, 'article body (#article-view-content-div)')
  const subEl = first(root, A.subheadline)
  const subheadline = subEl
    ? subEl.innerHTML
        .split(/<br\s*\/?>/i)
        .map((line) => clean(parse(line).text))
        .filter(Boolean)
        .join('\n')
    : ''
  const sectionLink = first(root, A.sectionLinks)
  const code = new URLSearchParams(sectionLink?.getAttribute('href')?.split('?')[1] ?? '').get(
    'sc_section_code',
  )
  const tags = all(root, A.tags)
    .map((a) => clean(a.text).replace(/^#/, ''))
    .filter(Boolean)
  const related = all(root, A.related).flatMap((a) => {
    const id = idxnoOf(a.getAttribute('href') ?? '')
    return id && id !== idxno ? [id] : []
  })
  const article: NdsoftArticle = {
    idxno,
    headline,
    subheadline,
    section: code && sectionLink ? { code, name: clean(sectionLink.text) } : null,
    reporters: reporters(root),
    ...times(root, path),
    bodyHtml: bodyHtml(body),
    tags: [...new Set(tags)],
    relatedIdxnos: [...new Set(related)],
  }
  if (!/<(p|figure|img)\b/i.test(article.bodyHtml) && clean(parse(article.bodyHtml).text) === '') {
    throw markupMissing(path, 'text or photo in the article body')
  }
  return article
}
