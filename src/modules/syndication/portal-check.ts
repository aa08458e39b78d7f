// Checks one published article the way a portal or a search engine reads it: its canonical
// address, Open Graph tags, the share image's size, the JSON-LD NewsArticle, the headline's
// length, the description and the news sitemap. Works on what the public site answers, so
// it sees exactly what Naver, Daum and Google see.
import { msg } from '../../platform/i18n/messages.js'
import { portalCheckMessages as p } from './portal-check.messages.js'

export type PortalCheckStatus = 'ok' | 'warn' | 'fail'

export interface PortalCheck {
  id: keyof typeof p.checks
  title: string
  status: PortalCheckStatus
  message: string
}

/** How the check reaches the public site: a GET of a path on it (`app.inject` in the app). */
export type FetchPublic = (path: string) => Promise<{ status: number; body: Buffer }>

const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

function metaContent(html: string, attr: 'property' | 'name', key: string): string | null {
  for (const [tag] of html.matchAll(/<meta\b[^>]*>/g)) {
    if (!tag.includes(`${attr}="${key}"`)) continue
    const content = /content="([^"]*)"/.exec(tag)?.[1]
    if (content !== undefined) return decode(content)
  }
  return null
}

const NEWS_WINDOW_MS = 48 * 3_600_000

export async function checkAsPortal(input: {
  /** The article's path on the site, e.g. `/news/12`. */
  path: string
  publicUrl: string
  publishedAt: string
  now: Date
  fetch: FetchPublic
}): Promise<PortalCheck[]> {
  const { publicUrl, path } = input
  const url = publicUrl + path
  const page = await input.fetch(path)
  const html = page.body.toString('utf8')
  const checks: PortalCheck[] = []
  const add = (id: PortalCheck['id'], status: PortalCheckStatus, message: string) =>
    checks.push({ id, title: p.checks[id].title, status, message })

  const canonical = /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1]
  if (!canonical) add('canonical', 'fail', p.checks.canonical.missing)
  else if (decode(canonical) !== url)
    add('canonical', 'fail', msg(p.checks.canonical.differs, { found: decode(canonical) }))
  else add('canonical', 'ok', p.checks.canonical.ok)

  const og = Object.fromEntries(
    ['og:title', 'og:description', 'og:image', 'og:url', 'og:type'].map((k) => [
      k,
      metaContent(html, 'property', k),
    ]),
  )
  const missingOg = Object.entries(og)
    .filter(([k, v]) => !v || (k === 'og:type' && v !== 'article'))
    .map(([k]) => k)
  if (missingOg.length > 0)
    add('openGraph', 'fail', msg(p.checks.openGraph.missing, { tags: missingOg.join(', ') }))
  else add('openGraph', 'ok', p.checks.openGraph.ok)

  const imageUrl = og['og:image']
  if (imageUrl) {
    const size = imageUrl.startsWith(publicUrl)
      ? await imageSize(input.fetch, imageUrl.slice(publicUrl.length))
      : null
    if (!size) add('image', 'warn', msg(p.checks.image.unreadable, { url: imageUrl }))
    else if (size.width < 1200) add('image', 'fail', msg(p.checks.image.small, size))
    else add('image', 'ok', msg(p.checks.image.ok, size))
  }

  const article = newsArticle(html)
  if (!article) add('jsonLd', 'fail', p.checks.jsonLd.none)
  else {
    const missing = [
      ['headline', !!article.headline],
      ['image', Array.isArray(article.image) ? article.image.length > 0 : !!article.image],
      ['datePublished', !!article.datePublished],
      ['dateModified', !!article.dateModified],
      [
        'author',
        Array.isArray(article.author) ? article.author.some((a) => a?.name) : !!article.author?.name,
      ],
      ['publisher.name', !!article.publisher?.name],
      ['publisher.logo', !!article.publisher?.logo],
    ]
      .filter(([, present]) => !present)
      .map(([field]) => field)
    if (missing.length > 0)
      add('jsonLd', 'fail', msg(p.checks.jsonLd.missing, { fields: missing.join(', ') }))
    else add('jsonLd', 'ok', p.checks.jsonLd.ok)
  }

  const headline = String(article?.headline ?? og['og:title'] ?? '')
  const length = [...headline].length
  if (length > 110) add('headline', 'fail', msg(p.checks.headline.tooLong, { length }))
  else if (length > 40) add('headline', 'warn', msg(p.checks.headline.long, { length }))
  else add('headline', 'ok', msg(p.checks.headline.ok, { length }))

  const description = metaContent(html, 'name', 'description')
  if (!description) add('description', 'fail', p.checks.description.missing)
  else add('description', 'ok', msg(p.checks.description.ok, { length: [...description].length }))

  const fresh = input.now.getTime() - new Date(input.publishedAt).getTime() < NEWS_WINDOW_MS
  if (!fresh) add('newsSitemap', 'ok', p.checks.newsSitemap.old)
  else {
    const sitemap = (await input.fetch('/sitemaps/news.xml')).body.toString('utf8')
    if (sitemap.includes(`<loc>${url}</loc>`)) add('newsSitemap', 'ok', p.checks.newsSitemap.ok)
    else add('newsSitemap', 'fail', p.checks.newsSitemap.missing)
  }
  return checks
}

interface NewsArticleLd {
  headline?: string
  image?: string | string[]
  datePublished?: string
  dateModified?: string
  author?: { name?: string } | { name?: string }[]
  publisher?: { name?: string; logo?: unknown }
}

function newsArticle(html: string): NewsArticleLd | null {
  for (const [, json] of html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)) {
    try {
      const data = JSON.parse(json ?? '')
      for (const item of [data].flat()) if (item?.['@type'] === 'NewsArticle') return item
    } catch {}
  }
  return null
}

async function imageSize(fetch: FetchPublic, path: string) {
  try {
    const image = await fetch(path)
    if (image.status !== 200) return null
    // Loaded on first use, like the media module's photo work: most processes never check.
    const { default: sharp } = await import('sharp')
    const { width, height } = await sharp(image.body).metadata()
    return width && height ? { width, height } : null
  } catch {
    return null
  }
}
