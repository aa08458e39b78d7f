// RSS 2.0 with the full article text (content:encoded), the reporters (dc:creator) and the lead
// photo as an enclosure, as Korean portals and feed readers take it in.

import type { FullArticle } from '../articles/index.js'
import { articleUrl } from '../articles/index.js'
import { scaledHeight } from '../media/index.js'
import type { Enclosure } from './enclosure.js'
import { articleFeedHtml } from './feed-html.js'
import { cdata, element, escapeXml, rfc822, XML_DECLARATION } from './xml.js'

export interface RssChannel {
  title: string
  /** Absolute URL of the page the feed mirrors. */
  link: string
  description: string
  copyright: string
  /** Absolute URL of the feed itself (atom:link rel="self"). */
  self: string
  /** Absolute URL of the outlet's logo, when it has one. */
  logo: string | null
}

export interface RssItem {
  article: FullArticle
  enclosure: Enclosure | null
}

const NAMESPACES = [
  'xmlns:content="http://purl.org/rss/1.0/modules/content/"',
  'xmlns:atom="http://www.w3.org/2005/Atom"',
  'xmlns:dc="http://purl.org/dc/elements/1.1/"',
  'xmlns:media="http://search.yahoo.com/mrss/"',
].join(' ')

const lastChangeOf = (a: FullArticle) => a.modifiedAt ?? a.publishedAt

export function renderRss(channel: RssChannel, items: readonly RssItem[], publicUrl: string): string {
  // The newest change among the items rather than "now", so an unchanged feed keeps its ETag.
  const lastBuild = items
    .map((i) => lastChangeOf(i.article))
    .sort()
    .at(-1)
  const head = [
    element('title', channel.title),
    element('link', channel.link),
    element('description', channel.description),
    element('language', 'ko'),
    element('copyright', channel.copyright),
    ...(lastBuild ? [element('lastBuildDate', rfc822(lastBuild))] : []),
    element('generator', 'Sinmun'),
    `<atom:link href="${escapeXml(channel.self)}" rel="self" type="application/rss+xml"/>`,
    ...(channel.logo
      ? [
          `<image>${element('url', channel.logo)}${element('title', channel.title)}${element('link', channel.link)}</image>`,
        ]
      : []),
  ]
  return `${XML_DECLARATION}
<rss version="2.0" ${NAMESPACES}>
<channel>
${head.join('\n')}
${items.map((item) => renderItem(item, publicUrl)).join('\n')}
</channel>
</rss>
`
}

function renderItem({ article: a, enclosure }: RssItem, publicUrl: string): string {
  const link = publicUrl + articleUrl(a.id)
  const parts = [
    element('title', a.headline),
    element('link', link),
    `<guid isPermaLink="true">${escapeXml(link)}</guid>`,
    element('pubDate', rfc822(a.publishedAt)),
    ...(a.reporters.length > 0 ? [element('dc:creator', a.reporters.map((r) => r.name).join(', '))] : []),
    ...(a.section.name ? [element('category', a.section.name)] : []),
    element('description', a.subheadline || a.summary),
    `<content:encoded>${cdata(articleFeedHtml(a, publicUrl))}</content:encoded>`,
  ]
  if (enclosure && a.leadPhoto) {
    const url = escapeXml(publicUrl + enclosure.path)
    const { width } = enclosure
    parts.push(`<enclosure url="${url}" length="${enclosure.length}" type="${enclosure.type}"/>`)
    parts.push(
      `<media:content url="${url}" medium="image" type="${enclosure.type}" width="${width}" height="${scaledHeight(a.leadPhoto, width)}">${
        a.leadPhoto.alt ? element('media:description', a.leadPhoto.alt) : ''
      }</media:content>`,
    )
  }
  return `<item>\n${parts.join('\n')}\n</item>`
}
