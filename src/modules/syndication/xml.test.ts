import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, test } from 'vitest'
import { cdata, element, escapeXml, rfc822, w3cDateTime } from './xml.js'

const parse = (xml: string) => {
  expect(XMLValidator.validate(xml)).toBe(true)
  return new XMLParser({ parseTagValue: false, trimValues: false }).parse(xml)
}

describe('XML primitives of feeds and sitemaps', () => {
  test('escaped text reads back exactly, with characters XML forbids dropped', () => {
    const text = '삼성·OpenAI "스타게이트" <회동> & \'AI\' 투자'
    expect(parse(`<t>${escapeXml(text)}</t>`).t).toBe(text)
    expect(escapeXml('줄\u0001바꿈\u0008\t탭\uFFFE')).toBe('줄바꿈\t탭')
    expect(escapeXml('깨진 \uD800 서로게이트 😀')).toBe('깨진  서로게이트 😀')
    expect(escapeXml('http://localhost:3000/news/12')).toBe('http://localhost:3000/news/12')
    expect(parse(element('title', 'a < b')).title).toBe('a < b')
  })

  test('HTML in CDATA survives a "]]>" inside it', () => {
    const html = '<p>배열 a[b[0]]>1 은 참</p>'
    const wrapped = cdata(html)
    expect(wrapped.match(/<!\[CDATA\[/g)).toHaveLength(2)
    expect(parse(`<c>${wrapped}</c>`).c).toBe(html)
  })

  test('dates: RFC 822 for RSS and W3C datetime for sitemaps, same instant', () => {
    expect(rfc822('2025-02-04T09:30:00.000Z')).toBe('Tue, 04 Feb 2025 09:30:00 GMT')
    expect(w3cDateTime('2025-02-04T09:30:00.000Z')).toBe('2025-02-04T09:30:00+00:00')
    expect(w3cDateTime('2025-02-04T18:30:00+09:00')).toBe('2025-02-04T09:30:00+00:00')
    expect(Date.parse(w3cDateTime('2025-02-04T09:30:59.999Z'))).toBe(Date.parse('2025-02-04T09:30:59Z'))
  })
})
