// Highlighted text for search results: plain data (text pieces, marked or not), so views turn
// it into <mark> elements and nothing from the database is ever treated as HTML.

export interface TextPiece {
  text: string
  marked: boolean
}

// Text may write a query word with a space or a middle dot inside (데이터 센터, 한·미·일).
const GAP = '[\\s·ㆍ・･‧∙]?'
const SNIPPET_LENGTH = 160
const LEAD = 40

const escapeRegex = (ch: string) => ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** One regex finding any of the terms, longest first, or null when there is nothing to mark. */
export function termPattern(terms: readonly string[]): RegExp | null {
  const usable = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length)
  if (usable.length === 0) return null
  const alternatives = usable.map((t) => [...t].map(escapeRegex).join(GAP))
  return new RegExp(alternatives.join('|'), 'giu')
}

/** The whole text cut into marked and unmarked pieces. */
export function highlight(text: string, pattern: RegExp | null): TextPiece[] {
  if (!pattern || text.length === 0) return text ? [{ text, marked: false }] : []
  const pieces: TextPiece[] = []
  let last = 0
  for (const match of text.matchAll(pattern)) {
    if (match[0].length === 0) continue
    const previous = pieces.at(-1)
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), marked: false })
    // 데이터 and 센터 found side by side read as one marked word.
    else if (previous?.marked) {
      previous.text += match[0]
      last = match.index + match[0].length
      continue
    }
    pieces.push({ text: match[0], marked: true })
    last = match.index + match[0].length
  }
  if (last < text.length) pieces.push({ text: text.slice(last), marked: false })
  return pieces
}

/** About SNIPPET_LENGTH characters of the text around its first match, with ellipses where cut. */
export function snippet(text: string, pattern: RegExp | null): TextPiece[] {
  const flat = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  if (flat.length <= SNIPPET_LENGTH) return highlight(flat, pattern)
  const first = pattern ? flat.search(pattern) : -1
  let start = first > LEAD ? first - LEAD : 0
  if (start > 0) {
    // Start at a word boundary so the snippet does not open mid-word.
    const space = flat.indexOf(' ', start)
    if (space >= 0 && space < first) start = space + 1
  }
  const end = Math.min(flat.length, start + SNIPPET_LENGTH)
  const pieces = highlight(flat.slice(start, end), pattern)
  if (start > 0) pieces.unshift({ text: '… ', marked: false })
  if (end < flat.length) pieces.push({ text: ' …', marked: false })
  return pieces
}
