// WordPress stores post content half-rendered: Classic-editor posts have no <p> tags (added
// at display time by wpautop) and use shortcodes for captions, galleries and embeds; block
// posts are plain HTML between <!-- wp:… --> comments. This turns both into plain HTML.

const BLOCK_START =
  /^<\/?(?:p|h[1-6]|ul|ol|li|dl|dt|dd|blockquote|figure|figcaption|div|table|thead|tbody|tr|td|th|pre|hr|iframe|section|article|aside|header|footer|address|!--)[\s>/]/i

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

/** `[caption]<img …> text[/caption]` → `<figure><img …><figcaption>text</figcaption></figure>`. */
function captions(html: string): string {
  return html.replace(/\[(?:wp_)?caption[^\]]*\]([\s\S]*?)\[\/(?:wp_)?caption\]/gi, (_all, inner: string) => {
    const match = inner.match(/^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i)
    if (!match) return inner
    return `\n\n<figure>${match[1]}<figcaption>${(match[2] ?? '').trim()}</figcaption></figure>\n\n`
  })
}

/** `[gallery ids="1,2"]` → one image per attachment; the importer finds each by its id. */
function galleries(html: string): string {
  return html.replace(/\[gallery\b([^\]]*)\]/gi, (_all, attrs: string) => {
    const ids = attrs.match(/ids="([\d,\s]+)"/)?.[1]?.split(',') ?? []
    const images = ids.map((id) => `<figure><img data-wp-id="${Number(id)}" src=""></figure>`)
    return `\n\n${images.join('\n\n')}\n\n`
  })
}

/** `[embed]URL[/embed]`, `[video src=URL]`, `[audio src=URL]`: the address on a line of its own. */
function media(html: string): string {
  return html
    .replace(/\[embed[^\]]*\]([\s\S]*?)\[\/embed\]/gi, (_all, url: string) => `\n\n${url.trim()}\n\n`)
    .replace(/\[(?:video|audio)\b([^\]]*)\](?:[\s\S]*?\[\/(?:video|audio)\])?/gi, (_all, attrs: string) => {
      const src = attrs.match(/(?:src|mp4|m4v|webm|mp3|ogg)="([^"]+)"/)?.[1]
      return src ? `\n\n<a href="${escapeAttr(src)}">${escapeAttr(src)}</a>\n\n` : ''
    })
}

/** A small wpautop: blank lines separate paragraphs, a single newline is a line break. */
function paragraphs(html: string): string {
  return html
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter((chunk) => chunk.length > 0)
    .map((chunk) => (BLOCK_START.test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n')
}

export const isBlockEditorContent = (content: string) => content.includes('<!-- wp:')

/** Plain HTML for a post's `content:encoded`, whichever editor wrote it. */
export function wordpressContentToHtml(content: string): string {
  const normalized = content.replace(/\r\n?/g, '\n')
  const expanded = media(galleries(captions(normalized)))
  return isBlockEditorContent(normalized) ? expanded : paragraphs(expanded)
}
