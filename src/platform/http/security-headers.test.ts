import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

describe('security headers', () => {
  let plain: TestApp
  let https: TestApp
  beforeAll(async () => {
    plain = await createTestApp({ seed: true })
    https = await createTestApp({ env: { PUBLIC_URL: 'https://news.example.kr', KAKAO_JS_KEY: 'k1' } })
  })
  afterAll(async () => {
    await plain.cleanup()
    await https.cleanup()
  })

  it('are on pages, errors and feeds alike', async () => {
    for (const url of ['/', '/no-such-page', '/rss.xml']) {
      const response = await plain.http.inject({ method: 'GET', url })
      const csp = String(response.headers['content-security-policy'])
      expect(csp).toContain("script-src 'self'")
      expect(csp).toContain("frame-ancestors 'self'")
      expect(csp).toContain("object-src 'none'")
      expect(csp).not.toContain('kakaocdn')
      expect(response.headers['x-frame-options']).toBe('SAMEORIGIN')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('no-referrer')
      expect(response.headers['strict-transport-security']).toBeUndefined()
    }
  })

  it('allow Kakao’s SDK when an app key is set, and pin HTTPS behind an https address', async () => {
    const response = await https.http.inject({ method: 'GET', url: '/robots.txt' })
    expect(String(response.headers['content-security-policy'])).toContain('https://t1.kakaocdn.net')
    expect(String(response.headers['content-security-policy'])).toContain('upgrade-insecure-requests')
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/)
  })
})
