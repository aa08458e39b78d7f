// Where a login may send someone back: paths of this site only, however they are dressed up.
import { describe, expect, it } from 'vitest'
import { sameSitePath } from './return-path.js'

describe('sameSitePath', () => {
  it.each([
    ['a tab before a second slash', '/\t/evil.example'],
    ['an encoded tab', '/%09/evil.example'],
    ['a doubly encoded tab', '/%2509/evil.example'],
    ['a newline', '/\n/evil.example'],
    ['an encoded newline', '/news/1%0d%0aSet-Cookie:x=1'],
    ['a protocol-relative address', '//evil.example'],
    ['an encoded slash', '/%2F/evil.example'],
    ['a backslash', '/\\evil.example'],
    ['an encoded backslash', '/%5Cevil.example'],
    ['a full address', 'https://evil.example/'],
    ['a scheme', 'javascript:alert(1)'],
    ['a relative path', 'news/1'],
    ['nothing', ''],
    ['not text', 42],
  ])('refuses %s', (_what, value) => {
    expect(sameSitePath(value)).toBe('/')
  })

  it('keeps same-site paths with their query and fragment', () => {
    expect(sameSitePath('/news/12#comments')).toBe('/news/12#comments')
    expect(sameSitePath('/section/politics?page=2')).toBe('/section/politics?page=2')
  })

  it('sends Korean paths back percent-encoded, so the Location header is plain ASCII', () => {
    const path = sameSitePath('/search?q=한국 경제#결과')
    expect(path).toBe('/search?q=%ED%95%9C%EA%B5%AD%20%EA%B2%BD%EC%A0%9C#%EA%B2%B0%EA%B3%BC')
    expect(decodeURIComponent(path)).toBe('/search?q=한국 경제#결과')
    expect(sameSitePath('/태그/반도체')).toBe('/%ED%83%9C%EA%B7%B8/%EB%B0%98%EB%8F%84%EC%B2%B4')
  })

  it("uses the caller's fallback", () => {
    expect(sameSitePath('//evil.example', '/newsroom')).toBe('/newsroom')
  })
})
