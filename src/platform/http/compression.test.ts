// Compressed pages as a browser gets them: brotli or gzip when accepted, the same page after
// decoding, its own validator per encoding, and plain bytes for a client that asks for none.
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { precompress } from './assets.js'

describe('compressed answers', () => {
  let app: TestApp
  let path: string
  beforeAll(async () => {
    app = await createTestApp({ seed: true })
    path = `/news/${(await app.services.articles.latest(1))[0]!.id}`
  })
  afterAll(() => app.cleanup())

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.http.inject({ method: 'GET', url, headers })

  it('serves a cached article as brotli or gzip, the same page once decoded', async () => {
    const plain = await get(path)
    expect(plain.headers['content-encoding']).toBeUndefined()
    const br = await get(path, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('Accept-Encoding')
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
    expect(br.rawPayload.length).toBeLessThan(6 * 1024)
    console.log(`article page: ${plain.rawPayload.length} bytes plain, ${br.rawPayload.length} brotli`)

    const gzip = await get(path, { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body)

    const refused = await get(path, { 'accept-encoding': 'br;q=0, gzip;q=0' })
    expect(refused.headers['content-encoding']).toBeUndefined()
  })

  it('readers arriving together after a change all get the page, compressed once off the event loop', async () => {
    const plain = (await get(path)).body
    app.pageCache.clear()
    const answers = await Promise.all(Array.from({ length: 6 }, () => get(path, { 'accept-encoding': 'br' })))
    for (const answer of answers) {
      expect(answer.statusCode).toBe(200)
      expect(answer.headers['content-encoding']).toBe('br')
      expect(brotliDecompressSync(answer.rawPayload).toString()).toBe(plain)
      expect(answer.headers.etag).toBe(answers[0]!.headers.etag)
    }
  })

  it('revalidates each encoding with its own ETag', async () => {
    const br = await get(path, { 'accept-encoding': 'br' })
    const etag = String(br.headers.etag)
    expect(etag).not.toBe(String((await get(path)).headers.etag))
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect((await get(path, { 'if-none-match': etag })).statusCode).toBe(200)
  })

  it('compresses big answers that are not cached, and leaves small ones alone', async () => {
    const search = await get('/search?q=%EA%B2%BD%EC%A0%9C', { 'accept-encoding': 'br' })
    expect(search.statusCode).toBe(200)
    expect(search.headers['content-encoding']).toBe('br')
    expect(brotliDecompressSync(search.rawPayload).toString()).toContain('<html')
    const small = await get('/healthz', { 'accept-encoding': 'br' })
    expect(small.headers['content-encoding']).toBeUndefined()
  })
  it('serves the site CSS and scripts precompressed, the same bytes every time', async () => {
    const page = await get(path)
    const urls = [...page.body.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!)
    expect(urls.length).toBeGreaterThan(0)
    for (const url of urls) {
      const plain = await get(url)
      const br = await get(url, { 'accept-encoding': 'gzip, br' })
      expect(br.headers['content-encoding']).toBe('br')
      expect(br.headers['cache-control']).toContain('immutable')
      expect(br.headers.vary).toContain('Accept-Encoding')
      expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body)
      expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2)
      expect((await get(url, { 'accept-encoding': 'br' })).rawPayload.equals(br.rawPayload)).toBe(true)
      const gzip = await get(url, { 'accept-encoding': 'gzip' })
      expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body)
    }
  })

  it('a build stores each asset with its brotli and gzip bodies', () => {
    const asset = precompress({ url: '/assets/x.css', type: 'text/css', body: 'body{margin:0}'.repeat(200) })
    expect(brotliDecompressSync(Buffer.from(asset.br!, 'base64')).toString()).toBe(asset.body)
    expect(gunzipSync(Buffer.from(asset.gzip!, 'base64')).toString()).toBe(asset.body)
  })
})
