// Where to send someone back after a login: only a path on this site. Browsers forgive a lot
// in a Location header (they drop tabs and newlines, read `\` as `/`, follow `//host`), so the
// value is refused when it, or any percent-decoding of it, could be read as another site; what
// passes is re-serialised by the URL parser, which percent-encodes Korean text and spaces so
// the header is plain ASCII.
const BASE = 'http://return.invalid'
const MAX_LENGTH = 2000
/** Control characters (tab, newline, NUL, DEL …) or a backslash, which browsers read as `/`. */
function hasForbidden(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true
  }
  return false
}

function looksForeign(text: string): boolean {
  return !text.startsWith('/') || text.startsWith('//') || hasForbidden(text)
}

/** Each percent-decoding of the value, until it stops changing (a few rounds at most). */
function decodings(value: string): string[] {
  const found = [value]
  let current = value
  for (let round = 0; round < 3; round++) {
    let next: string
    try {
      next = decodeURIComponent(current)
    } catch {
      break
    }
    if (next === current) break
    found.push(next)
    current = next
  }
  return found
}

/** The value as a same-site path (with query and fragment), or `fallback`. */
export function sameSitePath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback
  if (decodings(value).some(looksForeign)) return fallback
  let url: URL
  try {
    url = new URL(value, BASE)
  } catch {
    return fallback
  }
  if (url.origin !== BASE) return fallback
  const path = `${url.pathname}${url.search}${url.hash}`
  return looksForeign(path) ? fallback : path
}
