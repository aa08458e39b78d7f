// The few XML primitives feeds and sitemaps need. Text goes through escapeXml, HTML through
// cdata; characters XML 1.0 forbids are dropped, since one of them makes a whole feed unreadable.

// Control characters other than tab, newline and carriage return, lone surrogates (\p{Cs} in
// unicode mode), and U+FFFE/FFFF.
const NOT_XML = /(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

// Most text (addresses, dates, plain headlines) needs no change; one test is cheaper than two replaces.
const NEEDS_WORK = /[&<>"']|(?![\t\n\r])[\p{Cc}\p{Cs}\uFFFE\uFFFF]/u

export const escapeXml = (text: string) =>
  NEEDS_WORK.test(text) ? text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!) : text

/** A CDATA section; a `]]>` inside is split across two sections so it cannot end the first early. */
export const cdata = (text: string) =>
  `<![CDATA[${text.replace(NOT_XML, '').replaceAll(']]>', ']]]]><![CDATA[>')}]]>`

/** `<name>text</name>` with the text escaped. */
export const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`

/** RFC 822 date-time as RSS 2.0 wants it, in GMT: `Wed, 05 Feb 2025 03:00:00 GMT`. */
export const rfc822 = (iso: string) => new Date(iso).toUTCString()

/** Times are stored as `toISOString()` output, which already is UTC to the millisecond. */
const STORED_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/

/** W3C datetime (the ISO 8601 profile sitemaps use), to the second, in UTC. */
export const w3cDateTime = (iso: string) =>
  `${(STORED_UTC.test(iso) ? iso : new Date(iso).toISOString()).slice(0, 19)}+00:00`

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
