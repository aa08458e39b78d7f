// Turns HTML written in another system (WordPress posts, RSS items) into our ArticleDocument.
// What the schema cannot hold (tables, code, unknown tags) is reduced to its text: formatting
// may be lost, words never are. Images come out as placeholders the caller resolves to photos.
import { type HTMLElement, type Node, NodeType, parse, type TextNode } from 'node-html-parser'
import type {
  ArticleDocument,
  DocumentBlock,
  InlineNode,
  ParagraphNode,
  TableNode,
} from '../articles/index.js'

export interface ImageRef {
  src: string
  alt: string
  caption: string
  /** WordPress attachment id, from `wp-image-N` or a gallery's ids. */
  attachmentId: number | null
}

export type DraftBlock = DocumentBlock | { type: 'image'; ref: ImageRef }

type Mark = NonNullable<Extract<InlineNode, { type: 'text' }>['marks']>[number]

const YOUTUBE =
  /(?:youtube(?:-nocookie)?\.com\/(?:watch\?(?:[^#]*&)?v=|embed\/|shorts\/|live\/)|youtu\.be\/)([\w-]{6,20})/

export const youtubeId = (url: string): string | null => url.match(YOUTUBE)?.[1] ?? null

const SAFE_HREF = /^(https?:\/\/|mailto:)/i
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'svg', 'object', 'form'])
const CONTAINERS = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'aside',
  'nav',
  'figcaption',
  'center',
  'dl',
  'dt',
  'dd',
  'details',
  'summary',
  'address',
  'body',
  'html',
])

/** Collects the inline content of one paragraph, merging text that carries the same marks. */
class InlineBuffer {
  private nodes: InlineNode[] = []

  text(raw: string, marks: readonly Mark[], preformatted: boolean) {
    let text = preformatted ? raw : raw.replace(/[ \t\n\r\f]+/g, ' ')
    const last = this.nodes[this.nodes.length - 1]
    const endsInSpace = !last || last.type === 'hardBreak' || /\s$/.test(last.text)
    if (!preformatted && endsInSpace) text = text.replace(/^ /, '')
    if (text.length === 0) return
    if (preformatted && text.includes('\n')) {
      text.split('\n').forEach((line, i) => {
        if (i > 0) this.hardBreak()
        if (line) this.text(line, marks, true)
      })
      return
    }
    const key = JSON.stringify(marks)
    if (last?.type === 'text' && JSON.stringify(last.marks ?? []) === key) last.text += text
    else
      this.nodes.push(marks.length > 0 ? { type: 'text', text, marks: [...marks] } : { type: 'text', text })
  }

  hardBreak() {
    const last = this.nodes[this.nodes.length - 1]
    if (last?.type === 'text') last.text = last.text.replace(/ +$/, '')
    this.nodes.push({ type: 'hardBreak' })
  }

  /** The collected nodes, trimmed; undefined when they hold no visible text. */
  take(): InlineNode[] | undefined {
    const nodes = this.nodes
    this.nodes = []
    while (nodes[0]?.type === 'hardBreak') nodes.shift()
    while (nodes[nodes.length - 1]?.type === 'hardBreak') nodes.pop()
    const first = nodes[0]
    if (first?.type === 'text') first.text = first.text.replace(/^\s+/, '')
    const last = nodes[nodes.length - 1]
    if (last?.type === 'text') last.text = last.text.replace(/\s+$/, '')
    const kept = nodes
      .filter((n) => n.type === 'hardBreak' || n.text.length > 0)
      .map((n) => (n.type === 'text' ? { ...n, text: n.text.normalize('NFC') } : n))
    return kept.some((n) => n.type === 'text') ? kept : undefined
  }
}

/** Writes blocks in order; loose inline content between blocks becomes a paragraph. */
class BlockWriter {
  readonly blocks: DraftBlock[] = []
  readonly inline = new InlineBuffer()

  flush() {
    const content = this.inline.take()
    if (content) this.blocks.push({ type: 'paragraph', content })
  }

  block(block: DraftBlock) {
    this.flush()
    this.blocks.push(block)
  }
}

interface Context {
  marks: readonly Mark[]
  preformatted: boolean
}

const isElement = (node: Node): node is HTMLElement => node.nodeType === NodeType.ELEMENT_NODE
const isText = (node: Node): node is TextNode => node.nodeType === NodeType.TEXT_NODE
const plainText = (el: HTMLElement) => el.text.replace(/\s+/g, ' ').trim().normalize('NFC')

function imageRef(img: HTMLElement, caption: string): ImageRef {
  const wpId =
    (img.getAttribute('class') ?? '').match(/wp-image-(\d+)/)?.[1] ?? img.getAttribute('data-wp-id')
  return {
    src: img.getAttribute('src') ?? '',
    alt: (img.getAttribute('alt') ?? '').trim().normalize('NFC'),
    caption,
    attachmentId: wpId ? Number(wpId) : null,
  }
}

/** A sub-document's blocks as paragraphs only (for list items and quotes); the rest comes after. */
function asParagraphs(blocks: DraftBlock[]): { paragraphs: ParagraphNode[]; rest: DraftBlock[] } {
  const paragraphs: ParagraphNode[] = []
  const rest: DraftBlock[] = []
  for (const b of blocks) {
    if (b.type === 'paragraph') paragraphs.push(b)
    else if (b.type === 'heading') paragraphs.push({ type: 'paragraph', content: b.content })
    else if (b.type === 'blockquote') paragraphs.push(...b.content)
    else if (b.type === 'bulletList' || b.type === 'orderedList')
      for (const li of b.content) paragraphs.push(...li.content)
    else rest.push(b)
  }
  return { paragraphs, rest }
}

function walkChildren(el: HTMLElement, out: BlockWriter, ctx: Context) {
  for (const child of el.childNodes) walk(child, out, ctx)
}

function subBlocks(el: HTMLElement, ctx: Context): DraftBlock[] {
  const writer = new BlockWriter()
  walkChildren(el, writer, ctx)
  writer.flush()
  return writer.blocks
}

function walkList(el: HTMLElement, out: BlockWriter, ctx: Context) {
  const items: ParagraphNode[][] = []
  const after: DraftBlock[] = []
  for (const child of el.childNodes) {
    if (isElement(child) && child.tagName === 'LI') {
      const { paragraphs, rest } = asParagraphs(subBlocks(child, ctx))
      if (paragraphs.length > 0) items.push(paragraphs)
      after.push(...rest)
    } else if (isElement(child) || (isText(child) && child.text.trim())) {
      const { paragraphs, rest } = asParagraphs(
        isElement(child) ? subBlocks(child, ctx) : textBlocks(child.text),
      )
      for (const p of paragraphs) items.push([p])
      after.push(...rest)
    }
  }
  if (items.length > 0) {
    const type = el.tagName === 'OL' ? 'orderedList' : 'bulletList'
    out.block({ type, content: items.map((content) => ({ type: 'listItem', content })) })
  }
  for (const b of after) out.block(b)
}

const textBlocks = (text: string): DraftBlock[] => {
  const t = text.replace(/\s+/g, ' ').trim()
  return t ? [{ type: 'paragraph', content: [{ type: 'text', text: t.normalize('NFC') }] }] : []
}

/** Rows of cells, each cell's text as paragraphs; images or lists inside a cell follow the table. */
function walkTable(el: HTMLElement, out: BlockWriter, ctx: Context) {
  const after: DraftBlock[] = []
  const rows: TableNode['content'] = []
  for (const row of el.querySelectorAll('tr')) {
    const cells: TableNode['content'][number]['content'] = []
    for (const cell of row.childNodes.filter(isElement)) {
      if (cell.tagName !== 'TD' && cell.tagName !== 'TH') continue
      const { paragraphs, rest } = asParagraphs(subBlocks(cell, ctx))
      after.push(...rest)
      cells.push({
        type: cell.tagName === 'TH' ? 'tableHeader' : 'tableCell',
        content: paragraphs.length > 0 ? paragraphs : [{ type: 'paragraph' }],
      })
    }
    if (cells.length > 0) rows.push({ type: 'tableRow', content: cells })
  }
  if (rows.length > 0) out.block({ type: 'table', content: rows })
  const caption = el.querySelector('caption')
  if (caption) for (const b of textBlocks(caption.text)) out.block(b)
  for (const b of after) out.block(b)
}

function walkFigure(el: HTMLElement, out: BlockWriter, ctx: Context) {
  // A gallery (Gutenberg's figure of figures, or several images in one figure): every image
  // with its own caption, and the gallery's caption after them.
  const inner = el.querySelectorAll('figure')
  const images = el.querySelectorAll('img')
  if (inner.length > 0 || images.length > 1) {
    out.flush()
    for (const child of el.childNodes) {
      if (isElement(child) && child.tagName === 'FIGCAPTION') continue
      walk(child, out, ctx)
    }
    const own = el.childNodes.find((c) => isElement(c) && c.tagName === 'FIGCAPTION')
    if (own) for (const b of textBlocks(own.text)) out.block(b)
    return
  }
  const img = el.querySelector('img')
  const figcaption = el.querySelector('figcaption')
  const caption = figcaption ? plainText(figcaption) : ''
  if (img) {
    out.block({ type: 'image', ref: imageRef(img, caption) })
    return
  }
  const iframe = el.querySelector('iframe')
  const video = youtubeId(iframe?.getAttribute('src') ?? '') ?? youtubeId(el.text)
  if (video) {
    out.block({ type: 'youtube', attrs: { videoId: video } })
    if (caption) out.block(textBlocks(caption)[0] as DraftBlock)
    return
  }
  out.flush()
  walkChildren(el, out, ctx)
  out.flush()
}

function walk(node: Node, out: BlockWriter, ctx: Context) {
  if (isText(node)) {
    out.inline.text(node.text, ctx.marks, ctx.preformatted)
    return
  }
  if (!isElement(node)) return
  const tag = node.tagName?.toLowerCase()
  if (!tag) return walkChildren(node, out, ctx)
  if (SKIPPED.has(tag)) return
  switch (tag) {
    case 'br':
      return out.inline.hardBreak()
    case 'strong':
    case 'b':
      return walkChildren(node, out, { ...ctx, marks: withMark(ctx.marks, { type: 'bold' }) })
    case 'em':
    case 'i':
      return walkChildren(node, out, { ...ctx, marks: withMark(ctx.marks, { type: 'italic' }) })
    case 'a': {
      const href = (node.getAttribute('href') ?? '').trim()
      const marks = SAFE_HREF.test(href) && href.length <= 2000 ? withLink(ctx.marks, href) : ctx.marks
      return walkChildren(node, out, { ...ctx, marks })
    }
    case 'img':
      return out.block({ type: 'image', ref: imageRef(node, '') })
    case 'iframe':
    case 'embed':
    case 'video': {
      const src = node.getAttribute('src') ?? ''
      const video = youtubeId(src)
      if (video) return out.block({ type: 'youtube', attrs: { videoId: video } })
      if (SAFE_HREF.test(src)) out.inline.text(src, withLink([], src), false)
      return
    }
    case 'p':
      out.flush()
      walkChildren(node, out, ctx)
      return out.flush()
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6': {
      const { paragraphs, rest } = asParagraphs(subBlocks(node, ctx))
      const content = paragraphs.flatMap((p, i) => [
        ...(i > 0 ? [{ type: 'hardBreak' } as const] : []),
        ...(p.content ?? []),
      ])
      if (content.length > 0) {
        out.block({ type: 'heading', attrs: { level: tag === 'h1' || tag === 'h2' ? 2 : 3 }, content })
      }
      for (const b of rest) out.block(b)
      return
    }
    case 'ul':
    case 'ol':
      return walkList(node, out, ctx)
    case 'blockquote': {
      const citeEl = node.querySelector('cite')
      const cite = citeEl ? plainText(citeEl) : ''
      citeEl?.remove()
      const { paragraphs, rest } = asParagraphs(subBlocks(node, ctx))
      if (cite.length > 200) paragraphs.push(...(textBlocks(cite) as ParagraphNode[]))
      if (paragraphs.length > 0) {
        out.block({
          type: 'blockquote',
          attrs: { cite: cite && cite.length <= 200 ? cite : null },
          content: paragraphs,
        })
      }
      for (const b of rest) out.block(b)
      return
    }
    case 'figure':
      return walkFigure(node, out, ctx)
    case 'hr':
      return out.block({ type: 'horizontalRule' })
    case 'pre':
      out.flush()
      walkChildren(node, out, { ...ctx, preformatted: true })
      return out.flush()
    case 'table':
      return walkTable(node, out, ctx)
    default:
      if (CONTAINERS.has(tag)) {
        out.flush()
        walkChildren(node, out, ctx)
        return out.flush()
      }
      return walkChildren(node, out, ctx)
  }
}

function withMark(marks: readonly Mark[], mark: Mark): Mark[] {
  return marks.some((m) => m.type === mark.type) ? [...marks] : [...marks, mark]
}

function withLink(marks: readonly Mark[], href: string): Mark[] {
  return [...marks.filter((m) => m.type !== 'link'), { type: 'link', attrs: { href } }]
}

/** A paragraph holding nothing but a YouTube address is the way WordPress embeds a video. */
function promoteVideoLinks(blocks: DraftBlock[]): DraftBlock[] {
  return blocks.map((b) => {
    if (b.type !== 'paragraph' || b.content?.length !== 1) return b
    const only = b.content[0]
    if (only?.type !== 'text' || !/^https?:\/\/\S+$/.test(only.text)) return b
    const video = youtubeId(only.text)
    return video ? { type: 'youtube', attrs: { videoId: video } } : b
  })
}

/** Parses HTML into blocks, images still unresolved. */
export function htmlToBlocks(html: string): DraftBlock[] {
  const root = parse(html, { comment: false, blockTextElements: { script: true, style: true } })
  const writer = new BlockWriter()
  walk(root, writer, { marks: [], preformatted: false })
  writer.flush()
  return promoteVideoLinks(writer.blocks)
}

/** Splits a Korean caption's trailing credit (`… 사진=홍길동 기자`) from the caption. */
export function splitCredit(caption: string): { caption: string | null; credit: string | null } {
  // 사진|그래픽|영상|자료, escaped: the server bundle stays one byte per character (build.mjs).
  // The credit may stand in brackets, `(사진=다온시 제공)`, or after a slash, `/사진=…`.
  const match = caption.match(
    /^(.*?)\s*[(/]?\s*((?:\uc0ac\uc9c4|\uadf8\ub798\ud53d|\uc601\uc0c1|\uc790\ub8cc)\s*[=:]\s*[^=()]+?)\s*\)?$/s,
  )
  const text = (match ? match[1] : caption)?.trim() ?? ''
  return { caption: text ? text.slice(0, 1000) : null, credit: match?.[2]?.trim().slice(0, 200) ?? null }
}

/**
 * The full conversion. `resolveImage` turns an image into a stored photo id, or null when the
 * file is not there; the image's caption (or alt text) is then kept as a paragraph.
 */
export async function htmlToDocument(
  html: string,
  resolveImage: (ref: ImageRef) => Promise<number | null>,
): Promise<ArticleDocument> {
  const content: DocumentBlock[] = []
  for (const block of htmlToBlocks(html)) {
    if (block.type !== 'image') {
      content.push(block)
      continue
    }
    const photoId = await resolveImage(block.ref)
    if (photoId !== null) {
      content.push({
        type: 'photo',
        attrs: { photoId, ...splitCredit(block.ref.caption), alt: block.ref.alt.slice(0, 500) || null },
      })
    } else {
      const text = block.ref.caption || block.ref.alt
      if (text) content.push({ type: 'paragraph', content: [{ type: 'text', text }] })
    }
  }
  return { type: 'doc', content }
}
