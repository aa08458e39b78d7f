// What search engines and link previews read: description, Open Graph image, article times
// and the JSON-LD NewsArticle that Google, Naver and Daum parse.
import { h } from 'preact'
import type { PageMeta } from '../../../platform/views/layout.js'
import { defaultShareImage, type SiteContext } from '../../../platform/views/site-context.js'
import { photoUrl, scaledHeight, widthFor } from '../../media/index.js'
import { type ArticlePage, reporterUrl } from '../article-views.js'

const SHARE_WIDTH = 1280

export function articleMeta(site: SiteContext, a: ArticlePage): PageMeta {
  const photo = a.leadPhoto
  const width = photo ? widthFor(photo, SHARE_WIDTH) : 0
  return {
    title: a.headline,
    description: a.subheadline || a.summary,
    path: a.url,
    ogType: 'article',
    image: photo
      ? { url: photoUrl(photo, width, 'jpg'), width, height: scaledHeight(photo, width), alt: photo.alt }
      : null,
    head: [
      h('meta', { property: 'article:published_time', content: a.publishedAt }),
      h('meta', { property: 'article:modified_time', content: a.modifiedAt ?? a.publishedAt }),
      h('meta', { property: 'article:section', content: a.section.name }),
      ...a.tags.map((t) => h('meta', { property: 'article:tag', content: t.name })),
    ],
    jsonLd: [articleJsonLd(site, a)],
  }
}

export function articleJsonLd(site: SiteContext, a: ArticlePage) {
  const publisher = {
    '@type': 'NewsMediaOrganization',
    name: site.outlet.name,
    url: site.publicUrl,
    ...(site.outlet.logoUrl
      ? { logo: { '@type': 'ImageObject', url: site.publicUrl + site.outlet.logoUrl } }
      : {}),
  }
  // Never empty: Google's Top Stories wants an image, so a piece without a photo carries the
  // outlet's share image.
  const images = [
    site.publicUrl +
      (a.leadPhoto
        ? photoUrl(a.leadPhoto, widthFor(a.leadPhoto, SHARE_WIDTH), 'jpg')
        : defaultShareImage(site.outlet).url),
  ]
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': site.publicUrl + a.url },
    headline: a.headline,
    description: a.subheadline || a.summary,
    image: images,
    datePublished: a.publishedAt,
    dateModified: a.modifiedAt ?? a.publishedAt,
    articleSection: a.section.name,
    keywords: a.tags.map((t) => t.name),
    inLanguage: 'ko-KR',
    // An unsigned piece (사설) is the outlet's own voice: the outlet is its author.
    author:
      a.reporters.length > 0
        ? a.reporters.map((r) => ({
            '@type': 'Person',
            name: r.name,
            url: site.publicUrl + reporterUrl(r.id),
          }))
        : [publisher],
    publisher,
  }
}
