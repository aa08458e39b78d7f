// Reads a WordPress export (WXR 1.1/1.2, the RSS file of Tools → Export) into plain typed
// records. Only what the importer uses is kept; everything arrives as untrusted text.
import { XMLParser } from 'fast-xml-parser'
import { parse as parseHtml } from 'node-html-parser'

export interface WxrAuthor {
  /** WordPress's user id (`wp:author_id`); comments by that user carry it. */
  id: number
  login: string
  email: string
  displayName: string
}

export interface WxrTerm {
  id: number
  slug: string
  name: string
  parentSlug: string | null
  description: string
}

export interface WxrComment {
  id: number
  author: string
  /** Plain text: WordPress stores comments with HTML entities and a few allowed tags. */
  text: string
  dateGmt: string | null
  approved: string
  type: string
  parentId: number
  /** The WordPress user who wrote it (a site author answering a reader), else 0. */
  userId: number
}

export interface WxrItem {
  id: number
  type: string
  status: string
  /** Set on password-protected posts, which must not become public articles. */
  password: string
  title: string
  slug: string
  creator: string
  content: string
  excerpt: string
  dateGmt: string | null
  /** Site-local time, used when WordPress left the GMT date empty (drafts). */
  dateLocal: string | null
  parentId: number
  /** The public address the post had (its permalink). */
  link: string
  /** Kept at the top of the home page (`wp:is_sticky`). */
  sticky: boolean
  /** `open` or `closed`: whether readers could still comment. */
  commentStatus: string
  guid: string
  attachmentUrl: string
  categories: { domain: string; slug: string; name: string }[]
  meta: Map<string, string>
  comments: WxrComment[]
}

export interface WxrExport {
  siteUrl: string
  title: string
  authors: WxrAuthor[]
  categories: WxrTerm[]
  tags: WxrTerm[]
  items: WxrItem[]
}

const LISTS = new Set(['item', 'wp:author', 'wp:category', 'wp:tag', 'category', 'wp:postmeta', 'wp:comment'])

type Raw = Record<string, unknown>

const str = (value: unknown): string => {
  if (value === undefined || value === null) return ''
  if (typeof value === 'object') return str((value as Raw)['#text'])
  return String(value)
}
const num = (value: unknown) => Number.parseInt(str(value), 10) || 0
const list = (value: unknown): Raw[] => (Array.isArray(value) ? (value as Raw[]) : [])

/** Titles, names and comments carry HTML entities (`&amp;`, `&#039;`) and sometimes tags. */
export const decodeText = (value: string) => parseHtml(value).text.trim().normalize('NFC')

const wpDate = (value: string) =>
  value && !value.startsWith('0000-00-00') ? `${value.replace(' ', 'T')}Z` : null

/** Slugs of Korean names are stored percent-encoded; decoding fails on malformed input. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug).normalize('NFC')
  } catch {
    return slug
  }
}

export function parseWxr(xml: string): WxrExport {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    isArray: (name) => LISTS.has(name),
  })
  const doc = parser.parse(xml) as Raw
  const channel = (doc.rss as Raw | undefined)?.channel as Raw | undefined
  if (!channel || !str(channel['wp:wxr_version'])) {
    throw new Error('This is not a WordPress export file (no <wp:wxr_version> in its channel).')
  }
  return {
    siteUrl: str(channel['wp:base_site_url']) || str(channel.link),
    title: decodeText(str(channel.title)),
    authors: list(channel['wp:author']).map((a) => ({
      id: num(a['wp:author_id']),
      login: str(a['wp:author_login']),
      email: str(a['wp:author_email']).trim().toLowerCase(),
      displayName: decodeText(str(a['wp:author_display_name'])) || str(a['wp:author_login']),
    })),
    categories: list(channel['wp:category']).map((c) => ({
      id: num(c['wp:term_id']),
      slug: str(c['wp:category_nicename']),
      name: decodeText(str(c['wp:cat_name'])),
      parentSlug: str(c['wp:category_parent']) || null,
      description: decodeText(str(c['wp:category_description'])),
    })),
    tags: list(channel['wp:tag']).map((t) => ({
      id: num(t['wp:term_id']),
      slug: str(t['wp:tag_slug']),
      name: decodeText(str(t['wp:tag_name'])),
      parentSlug: null,
      description: '',
    })),
    items: list(channel.item).map(readItem),
  }
}

function readItem(item: Raw): WxrItem {
  return {
    id: num(item['wp:post_id']),
    type: str(item['wp:post_type']),
    status: str(item['wp:status']),
    password: str(item['wp:post_password']),
    title: decodeText(str(item.title)),
    slug: str(item['wp:post_name']),
    creator: str(item['dc:creator']),
    content: str(item['content:encoded']),
    excerpt: decodeText(str(item['excerpt:encoded'])),
    dateGmt: wpDate(str(item['wp:post_date_gmt'])),
    dateLocal: str(item['wp:post_date']) || null,
    parentId: num(item['wp:post_parent']),
    link: str(item.link),
    sticky: str(item['wp:is_sticky']) === '1',
    commentStatus: str(item['wp:comment_status']) || 'open',
    guid: str(item.guid),
    attachmentUrl: str(item['wp:attachment_url']),
    categories: list(item.category).map((c) => ({
      domain: str(c['@domain']),
      slug: str(c['@nicename']),
      name: decodeText(str(c)),
    })),
    meta: new Map(list(item['wp:postmeta']).map((m) => [str(m['wp:meta_key']), str(m['wp:meta_value'])])),
    comments: list(item['wp:comment']).map((c) => ({
      id: num(c['wp:comment_id']),
      author: decodeText(str(c['wp:comment_author'])),
      text: commentText(str(c['wp:comment_content'])),
      dateGmt: wpDate(str(c['wp:comment_date_gmt'])),
      approved: str(c['wp:comment_approved']),
      type: str(c['wp:comment_type']) || 'comment',
      parentId: num(c['wp:comment_parent']),
      userId: num(c['wp:comment_user_id']),
    })),
  }
}

/** Comment HTML to plain text with its line breaks: paragraphs and <br> become newlines. */
function commentText(html: string): string {
  const withBreaks = html.replace(/<br\s*\/?>/gi, '\n').replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
  return parseHtml(withBreaks).text.replace(/\r\n?/g, '\n').trim().normalize('NFC')
}
