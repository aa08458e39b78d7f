// The plain-text form the page editor shows: a blank line between paragraphs, `## ` and
// `### ` for headings, `- ` for list items. Pages are stored as the same document tree as
// articles, so they render (and escape) through the same renderer.
import type { ArticleDocument, DocumentBlock, InlineNode, ParagraphNode } from '../articles/index.js'

const inline = (line: string): InlineNode[] => (line ? [{ type: 'text', text: line }] : [])

const paragraph = (lines: string[]): ParagraphNode => ({
  type: 'paragraph',
  content: lines.flatMap((l, i): InlineNode[] =>
    i === 0 ? inline(l) : [{ type: 'hardBreak' }, ...inline(l)],
  ),
})

export function textToDocument(text: string): ArticleDocument {
  const blocks: DocumentBlock[] = []
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
    const lines = chunk.split('\n').map((l) => l.trimEnd())
    if (lines.every((l) => !l.trim())) continue
    const first = lines[0] ?? ''
    const heading = first.match(/^(#{2,3})\s+(.+)$/)
    if (heading && lines.length === 1) {
      blocks.push({
        type: 'heading',
        attrs: { level: heading[1] === '##' ? 2 : 3 },
        content: inline(heading[2]!.trim()),
      })
    } else if (lines.every((l) => /^[-\u2022]\s+/.test(l))) {
      blocks.push({
        type: 'bulletList',
        content: lines.map((l) => ({
          type: 'listItem',
          content: [paragraph([l.replace(/^[-\u2022]\s+/, '')])],
        })),
      })
    } else {
      blocks.push(paragraph(lines))
    }
  }
  return { type: 'doc', content: blocks.length > 0 ? blocks : [{ type: 'paragraph' }] } as ArticleDocument
}

const inlineText = (nodes: readonly InlineNode[] | undefined) =>
  (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('')

export function documentToText(doc: ArticleDocument): string {
  const out: string[] = []
  for (const block of doc.content as DocumentBlock[]) {
    if (block.type === 'heading')
      out.push(`${block.attrs.level === 2 ? '##' : '###'} ${inlineText(block.content)}`)
    else if (block.type === 'paragraph') out.push(inlineText(block.content))
    else if (block.type === 'bulletList' || block.type === 'orderedList')
      out.push(
        block.content
          .map((item) => `- ${item.content.map((p) => inlineText(p.content)).join(' ')}`)
          .join('\n'),
      )
    else if (block.type === 'blockquote') out.push(block.content.map((p) => inlineText(p.content)).join('\n'))
  }
  return out.join('\n\n')
}
