// Finding articles on an ndsoft site: the feed (recent items only) and list pages (every
// article, page by page), and the section lists named on the home page.
import { XMLParser } from 'fast-xml-parser'
import { parse } from 'node-html-parser'
import { idxnoOf } from './ndsoft-article.js'
import { markupMissing } from './ndsoft-errors.js'
import { ARTICLE_PATH, SELECTORS } from './ndsoft-selectors.js'

/** A link of the site as a root-relative path with its query, or null for another site's. */
export function sitePath(href: string, siteOrigins: readonly string[]): string | null {
  const raw = href.trim().replace(/&amp;/g, '&')
  if (raw.startsWith('/') && !raw.startsWith('//')) return raw
  try {
    const url = new URL(raw)
    return siteOrigins.includes(url.origin) ? `${url.pathname}${url.search}` : null
  } catch {
    return null
  }
}

export interface FeedFacts {
  /** The site's own address as the feed names it (`<channel><link>`). */
  siteUrl: string | null
  idxnos: number[]
}

export function parseFeed(xml: string): FeedFacts {
  const doc = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'item' }).parse(xml)
  const channel = doc?.rss?.channel
  if (!channel) throw markupMissing('/rss/allArticle.xml', 'RSS channel')
  const items: { link?: unknown }[] = Array.isArray(channel.item) ? channel.item : []
  return {
    siteUrl: typeof channel.link === 'string' ? channel.link.trim() : null,
    idxnos: items.flatMap((i) => {
      const id = idxnoOf(String(i.link ?? ''))
      return id ? [id] : []
    }),
  }
}

export interface ListPageFacts {
  idxnos: number[]
  /** Further pages of the same list (paging links). */
  pages: string[]
}

export function parseListPage(html: string, path: string, origins: readonly string[]): ListPageFacts {
  const root = parse(html)
  const list = root.querySelector(SELECTORS.list.items)
  if (!list) throw markupMissing(path, `article list (${SELECTORS.list.items})`)
  const idxnos = list.querySelectorAll(SELECTORS.list.articleLinks).flatMap((a) => {
    const href = sitePath(a.getAttribute('href') ?? '', origins)
    const id = href?.startsWith(ARTICLE_PATH) ? idxnoOf(href) : null
    return id ? [id] : []
  })
  const pages = root
    .querySelectorAll(SELECTORS.list.paging)
    .flatMap((a) => sitePath(a.getAttribute('href') ?? '', origins) ?? [])
  return { idxnos: [...new Set(idxnos)], pages: [...new Set(pages)] }
}

/** The section lists the home page links to (its menu), as `{code, path}`. */
export function sectionListsOn(html: string, origins: readonly string[]) {
  const found = new Map<string, string>()
  for (const a of parse(html).querySelectorAll(SELECTORS.home.sectionLinks)) {
    const path = sitePath(a.getAttribute('href') ?? '', origins)
    const code = new URLSearchParams(path?.split('?')[1] ?? '').get('sc_section_code')
    if (path && code && !found.has(code)) found.set(code, path)
  }
  return found
}

/** The list a page belongs to: its address without paging parameters. */
export function listIdentity(path: string): string {
  const [base, query = ''] = path.split('?')
  const params = new URLSearchParams(query)
  for (const name of ['page', 'total', 'box_idxno', 'list_per_page', 'page_per_page']) params.delete(name)
  params.sort()
  return `${base}?${params.toString()}`
}
