// The sitemap formats: the index (sitemaps.org 0.9), URL sets with Google's image extension,
// and the Google News sitemap. Every address passed in is already absolute.
import { element, w3cDateTime, XML_DECLARATION } from './xml.js'

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1'
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9'

/** sitemaps.org: a sitemap file lists at most 50,000 URLs. */
export const MAX_URLS_PER_SITEMAP = 50_000
/** Google News: at most 1,000 articles per news sitemap. */
export const MAX_NEWS_URLS = 1_000

export interface SitemapUrl {
  loc: string
  lastmod?: string | null
  image?: string | null
}

export interface NewsUrl {
  loc: string
  title: string
  publishedAt: string
}

export function renderSitemapIndex(sitemaps: readonly { loc: string; lastmod?: string | null }[]): string {
  const entries = sitemaps.map(
    (s) =>
      `<sitemap>${element('loc', s.loc)}${s.lastmod ? element('lastmod', w3cDateTime(s.lastmod)) : ''}</sitemap>`,
  )
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${entries.join('\n')}\n</sitemapindex>\n`
}

export function renderUrlset(urls: readonly SitemapUrl[]): string {
  const entries = urls.map((u) => {
    const lastmod = u.lastmod ? element('lastmod', w3cDateTime(u.lastmod)) : ''
    const image = u.image ? `<image:image>${element('image:loc', u.image)}</image:image>` : ''
    return `<url>${element('loc', u.loc)}${lastmod}${image}</url>`
  })
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:image="${IMAGE_NS}">\n${entries.join('\n')}\n</urlset>\n`
}

export function renderNewsSitemap(urls: readonly NewsUrl[], publication: { name: string; language: string }) {
  const pub = `<news:publication>${element('news:name', publication.name)}${element('news:language', publication.language)}</news:publication>`
  const entries = urls.map(
    (u) =>
      `<url>${element('loc', u.loc)}<news:news>${pub}${element('news:publication_date', w3cDateTime(u.publishedAt))}${element('news:title', u.title)}</news:news></url>`,
  )
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${entries.join('\n')}\n</urlset>\n`
}
