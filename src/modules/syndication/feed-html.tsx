// The full article as feed readers get it: the same renderer as the article page, with every
// site-relative address made absolute, because a feed is read away from the site.
import { renderToString } from 'preact-render-to-string'
import type { FullArticle } from '../articles/index.js'
import { DocumentBody } from '../articles/index.js'
import { Figure } from '../media/index.js'

export function articleFeedHtml(article: FullArticle, publicUrl: string): string {
  const html = renderToString(
    <>
      {article.leadPhoto && <Figure photo={article.leadPhoto} />}
      <DocumentBody doc={article.body} photos={article.bodyPhotos} />
    </>,
  )
  return absolutize(html, publicUrl)
}

const absolute = (url: string, publicUrl: string) =>
  url.startsWith('/') && !url.startsWith('//') ? publicUrl + url : url

/**
 * Rewrites src, href and srcset attributes that start with one slash. Preact escapes `"` in
 * text and attributes, so `attr="` only ever occurs as a real attribute.
 */
export function absolutize(html: string, publicUrl: string): string {
  return html.replace(/ (src|href|srcset)="([^"]*)"/g, (_all, name: string, value: string) => {
    const rewritten =
      name === 'srcset'
        ? value
            .split(',')
            .map((candidate) => {
              const [url = '', ...descriptor] = candidate.trim().split(/\s+/)
              return [absolute(url, publicUrl), ...descriptor].join(' ')
            })
            .join(', ')
        : absolute(value, publicUrl)
    return ` ${name}="${rewritten}"`
  })
}
