// Pasting a press release from Word, Hangul (HWP) or a web page. The clipboard's HTML is
// reshaped here into what the article schema knows, then ProseMirror's parser keeps only the
// schema's nodes and marks: no style, class, script or unknown element survives. Shift+paste
// (Ctrl+Shift+V) still pastes plain text.

const SAFE_HREF = /^(https?:\/\/|mailto:)/i

/** Word marks list paragraphs with mso-list styles instead of <ul>/<ol>; Hangul with classes. */
function isWordListParagraph(el: Element): boolean {
  const style = el.getAttribute('style') ?? ''
  return /mso-list:/i.test(style) || /MsoListParagraph/i.test(el.getAttribute('class') ?? '')
}

/** Word prints the bullet or number itself as text inside the paragraph; it says which list. */
function wordListKind(el: Element): 'ol' | 'ul' {
  const marker = el.textContent?.trim().slice(0, 4) ?? ''
  return /^(\d+|[a-zA-Z가-힣]|[ivx]+)[.)]/i.test(marker) ? 'ol' : 'ul'
}

function stripWordMarker(el: Element) {
  // <![if !supportLists]> blocks hold the bullet; in the clipboard they arrive as spans with
  // mso-list:Ignore.
  for (const ignored of el.querySelectorAll('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]'))
    ignored.remove()
  const first = el.firstChild
  if (first?.nodeType === Node.TEXT_NODE)
    first.textContent = (first.textContent ?? '').replace(
      /^\s*([·•▪■□◦○●\-–]|\d+[.)]|[a-z가-힣][.)])\s+/i,
      '',
    )
}

function groupWordLists(doc: Document) {
  const paragraphs = [...doc.body.querySelectorAll('p')].filter(isWordListParagraph)
  let list: HTMLElement | null = null
  for (const p of paragraphs) {
    const kind = wordListKind(p)
    const previous = p.previousElementSibling
    if (!list || previous !== list || list.tagName.toLowerCase() !== kind) {
      list = doc.createElement(kind)
      p.before(list)
    }
    stripWordMarker(p)
    const li = doc.createElement('li')
    const para = doc.createElement('p')
    para.append(...p.childNodes)
    li.append(para)
    list.append(li)
    p.remove()
  }
}

/** Headings beyond the schema's two levels become the nearest it has. */
function mapHeadings(doc: Document) {
  for (const h of doc.body.querySelectorAll('h1, h4, h5, h6')) {
    const level = h.tagName === 'H1' ? 'h2' : 'h3'
    const replacement = doc.createElement(level)
    replacement.append(...h.childNodes)
    h.replaceWith(replacement)
  }
}

/** Links the schema would refuse on save (Word's #_ftn anchors, javascript:) keep their text. */
function unwrapUnsafeLinks(doc: Document) {
  for (const a of doc.body.querySelectorAll('a')) {
    const href = a.getAttribute('href')?.trim() ?? ''
    if (SAFE_HREF.test(href)) continue
    a.replaceWith(...a.childNodes)
  }
}

/**
 * Simple tables stay tables (the schema has rows of cells holding paragraphs). A table inside a
 * cell does not fit the schema: each of its rows becomes one paragraph, its cells joined by
 * " | ", so the figures keep their reading order instead of one cell per line.
 */
function flattenNestedTables(doc: Document) {
  for (const table of [...doc.body.querySelectorAll('table table')].reverse()) {
    const rows = [...table.querySelectorAll('tr')].map((tr) =>
      [...tr.querySelectorAll('th, td')].map((c) => c.textContent?.replace(/\s+/g, ' ').trim() ?? ''),
    )
    const out = doc.createDocumentFragment()
    for (const cells of rows) {
      if (cells.every((c) => c === '')) continue
      const p = doc.createElement('p')
      p.textContent = cells.join(' | ')
      out.append(p)
    }
    table.replaceWith(out)
  }
}

/** Reshapes pasted HTML; everything else is left to the schema's parser. */
export function normalisePastedHtml(html: string): string {
  const doc = new DOMParser().parseFromString(html, 'text/html')
  for (const el of doc.querySelectorAll('script, style, meta, link, title, xml, o\\:p, iframe, object'))
    el.remove()
  groupWordLists(doc)
  mapHeadings(doc)
  unwrapUnsafeLinks(doc)
  flattenNestedTables(doc)
  return doc.body.innerHTML
}

/** Plain text as paragraphs, for Shift+paste and clipboards without HTML. */
export function plainParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n+/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
}
