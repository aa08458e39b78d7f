// HWPX, Hangul's open format (OWPML, KS X 6101): a zip whose Contents/section*.xml hold the
// paragraphs (hp:p > hp:run > hp:t), tables (hp:tbl > hp:tr > hp:tc) and pictures (hp:pic,
// naming an item of Contents/content.hpf that points into BinData/). Turned into plain HTML so
// the one HTML-to-document conversion decides what survives.
import { XMLParser } from 'fast-xml-parser'

type XmlNode = Record<string, unknown>
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '' })

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
/** The element's name without its namespace prefix (hp:p → p). */
const local = (name: string) => name.slice(name.indexOf(':') + 1)

function children(node: XmlNode): XmlNode[] {
  const key = Object.keys(node).find((k) => k !== ':@')
  const value = key ? node[key] : undefined
  // A text node's value is its string, not children.
  return Array.isArray(value) ? (value as XmlNode[]) : []
}
const nameOf = (node: XmlNode) => local(Object.keys(node).find((k) => k !== ':@') ?? '')
const attrs = (node: XmlNode) => (node[':@'] ?? {}) as Record<string, string>

function textOf(node: XmlNode): string {
  if ('#text' in node) return String(node['#text'])
  const name = nameOf(node)
  if (name === 'lineBreak') return '\n'
  if (name === 'tab') return ' '
  // A table or picture inside a paragraph is rendered on its own, not as the paragraph's text.
  if (name === 'tbl' || name === 'pic') return ''
  return children(node).map(textOf).join('')
}

function find(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  for (const child of children(node)) {
    if (nameOf(child) === name) out.push(child)
    else find(child, name, out)
  }
  return out
}

function tableHtml(tbl: XmlNode): string {
  const rows = find(tbl, 'tr').map(
    (tr) =>
      `<tr>${find(tr, 'tc')
        .map((tc) => `<td>${escapeHtml(find(tc, 'p').map(textOf).join(' ').trim())}</td>`)
        .join('')}</tr>`,
  )
  return `<table>${rows.join('')}</table>`
}

function paragraphHtml(p: XmlNode): string {
  const parts: string[] = []
  const text = textOf(p).trim()
  if (text) parts.push(`<p>${escapeHtml(text)}</p>`)
  for (const tbl of find(p, 'tbl')) parts.push(tableHtml(tbl))
  for (const pic of find(p, 'pic')) {
    const img = find(pic, 'img')[0]
    const ref = img ? attrs(img).binaryItemIDRef : undefined
    if (ref) parts.push(`<img src="hwpx:${escapeHtml(ref)}" alt="">`)
  }
  return parts.join('')
}

export interface HwpxContent {
  html: string
  /** Picture bytes by the id the HTML names as `hwpx:<id>`. */
  images: Map<string, { data: Buffer; name: string }>
}

/** Reads an .hwpx file; throws when it is not a zip with OWPML sections. */
export async function readHwpx(data: Buffer): Promise<HwpxContent> {
  // Loaded on the first drop, like mammoth for .docx.
  const { default: JSZip } = await import('jszip')
  const zip = await JSZip.loadAsync(data)
  const sections = Object.keys(zip.files)
    .filter((n) => /^Contents\/section\d+\.xml$/i.test(n))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))
  if (sections.length === 0) throw new Error('no OWPML section')
  const html: string[] = []
  for (const name of sections) {
    const root = parser.parse(await zip.file(name)!.async('string')) as XmlNode[]
    const sec = root.find((n) => nameOf(n) === 'sec')
    if (!sec) continue
    // Top-level paragraphs only: those inside table cells come out with their table.
    for (const p of children(sec).filter((n) => nameOf(n) === 'p')) html.push(paragraphHtml(p))
  }
  const images = new Map<string, { data: Buffer; name: string }>()
  const manifest = zip.file(/content\.hpf$/i)[0]
  if (manifest) {
    for (const item of find({ root: parser.parse(await manifest.async('string')) } as XmlNode, 'item')) {
      const { id, href } = attrs(item)
      const file = href ? zip.file(href) : null
      if (id && file) images.set(id, { data: await file.async('nodebuffer'), name: href! })
    }
  }
  return { html: html.join('\n'), images }
}
