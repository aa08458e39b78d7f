// The key an old address is filed under. The same page of the old site was linked in many
// spellings (percent-encoded or not, with a trailing slash, with paging, tracking or skin
// parameters in any order), so only what names the page is kept: the path, decoded and lower
// case, and the query parameters that select content on ndsoft's CMS or on WordPress.

/** Query parameters that name a page on the old systems; every other one is ignored. */
const MEANINGFUL = new Set([
  // ndsoft: article, section, sub-section, series, search/keyword and reporter lists
  'idxno',
  'sc_section_code',
  'sc_sub_section_code',
  'sc_serial_code',
  'sc_area',
  'sc_word',
  // WordPress: post, page, category, tag, author, attachment, feed
  'p',
  'page_id',
  'cat',
  'tag',
  'author',
  'attachment_id',
  'feed',
])

/** Paths that show the same page as another (ndsoft's AMP and mobile article views). */
const SAME_PAGE: Record<string, string> = {
  '/news/articleviewamp.html': '/news/articleview.html',
  '/mobile/article.html': '/news/articleview.html',
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** The normalized key of an address (a path with its query, or a full URL); null when unusable. */
export function oldAddressKey(address: string): string | null {
  let rest = address.trim()
  if (!rest) return null
  const origin = rest.match(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i)
  if (origin) rest = rest.slice(origin[0].length) || '/'
  if (!rest.startsWith('/') && !rest.startsWith('?')) return null
  rest = rest.split('#')[0] ?? ''
  const q = rest.indexOf('?')
  const rawPath = q < 0 ? rest : rest.slice(0, q)
  let path = rawPath
    .split('/')
    .map((segment) => decode(segment))
    .join('/')
    .normalize('NFC')
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
  if (!path.startsWith('/')) path = `/${path}`
  if (path.length > 1) path = path.replace(/\/+$/, '')
  path = SAME_PAGE[path] ?? path
  const params = new URLSearchParams(q < 0 ? '' : rest.slice(q + 1))
  const kept = new Map<string, string>()
  for (const [name, value] of params) {
    const lower = name.toLowerCase()
    const clean = value.normalize('NFC').trim()
    if (MEANINGFUL.has(lower) && clean && !kept.has(lower)) kept.set(lower, clean)
  }
  const query = [...kept]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${value}`)
    .join('&')
  const key = query ? `${path}?${query}` : path
  return key.length <= 2000 ? key : null
}

/** Whether a request for `/` (or WordPress's `/index.php`) asks for an old WordPress page. */
export function asksForOldWordpressPage(url: string): boolean {
  const q = url.indexOf('?')
  if (q < 0) return false
  const path = url.slice(0, q)
  if (path !== '/' && path !== '/index.php') return false
  const params = new URLSearchParams(url.slice(q + 1))
  return ['p', 'page_id', 'cat', 'tag', 'author', 'attachment_id', 'feed'].some((name) => params.has(name))
}

/** A target is a path of this site or an absolute http(s) address. */
export const isValidTarget = (target: string) =>
  (/^\/(?!\/)/.test(target) || /^https?:\/\/[^\s]+$/i.test(target)) &&
  target.length <= 2000 &&
  !/\s/.test(target)
