// Plain text of a document: for summaries, feeds and the search index.
import type { ArticleDocument, DocumentBlock, InlineNode } from './document.schema.js'

const inlineText = (nodes: InlineNode[] | undefined) =>
  (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('')

export function blockText(block: DocumentBlock, captions = true): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(block.content)
    case 'blockquote':
      return block.content.map((p) => inlineText(p.content)).join('\n')
    case 'bulletList':
    case 'orderedList':
      return block.content.map((li) => li.content.map((p) => inlineText(p.content)).join('\n')).join('\n')
    case 'photo':
      return captions ? (block.attrs.caption ?? '') : ''
    case 'table':
      return block.content
        .map((row) =>
          row.content.map((cell) => cell.content.map((p) => inlineText(p.content)).join(' ')).join(' | '),
        )
        .join('\n')
    default:
      return ''
  }
}

/**
 * The document's text. Captions are searchable, but a description or share preview must start
 * with the article's words, not a photo caption: pass `{ captions: false }` for those.
 */
export function documentText(doc: ArticleDocument, options: { captions?: boolean } = {}): string {
  const captions = options.captions ?? true
  return doc.content
    .map((b) => blockText(b, captions))
    .filter((t) => t.length > 0)
    .join('\n\n')
}

/** The first words of the text, cut at a word boundary, for lists and meta descriptions. */
export function summarize(text: string, maxLength = 150): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  if (flat.length <= maxLength) return flat
  const cut = flat.slice(0, maxLength)
  const lastSpace = cut.lastIndexOf(' ')
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`
}
