// Serves anonymous GETs of cacheable routes straight from the page cache, with ETag/304,
// before any route code runs; routes fill it through reply.sendPage().
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { CachedPage, PageCache } from '../cache/page-cache.js'
import { COMPRESS_MIN_BYTES, compressAsync, preferredEncoding } from './compression.js'
import { hasSessionCookie } from './cookies.js'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Query parameters that select a different page; others are ignored by the cache. */
    pageCache?: {
      query?: readonly string[]
      onServe?: (request: FastifyRequest) => void
      /** Content type of what the route sends (feeds, sitemaps, robots.txt); HTML by default. */
      contentType?: string
    }
  }
  interface FastifyReply {
    /** Sends a rendered page and, for anonymous readers, keeps it under the given tags. */
    sendPage(html: string, tags: readonly string[], status?: number): FastifyReply
  }
  interface FastifyRequest {
    pageCacheKey: string | null
  }
}

const HTML = 'text/html; charset=utf-8'
// Browsers revalidate every time (cheap 304s) so a correction shows at once.
const PUBLIC = 'public, max-age=0, must-revalidate'
const PRIVATE = 'private, no-store'

function cacheKey(request: FastifyRequest, query: readonly string[] = []): string {
  const url = request.url
  const q = url.indexOf('?')
  if (q < 0) return url
  const params = new URLSearchParams(url.slice(q + 1))
  const kept = query.flatMap((name) => {
    const value = params.get(name)
    return value === null ? [] : [`${name}=${encodeURIComponent(value)}`]
  })
  return kept.length > 0 ? `${url.slice(0, q)}?${kept.join('&')}` : url.slice(0, q)
}

/** With CDN_MAX_AGE a CDN or nginx keeps anonymous pages that long, purgeable by their tags. */
function cdnHeaders(reply: FastifyReply, maxAge: number, tags: readonly string[]) {
  reply
    .header('cache-control', `public, max-age=0, s-maxage=${maxAge}, stale-while-revalidate=${maxAge}`)
    .header('surrogate-key', tags.join(' '))
    .header('cache-tag', tags.join(','))
}

interface Encoded {
  encoding: 'br' | 'gzip' | null
  body: Buffer
  etag: string
}

/**
 * The body in the encoding the reader accepts, compressed once per cache entry off the event
 * loop; readers asking while it is made share the same work. Once made, it is answered
 * without waiting: a hit costs no more than an uncompressed one.
 */
function encodedBody(request: FastifyRequest, page: CachedPage): Encoded | Promise<Encoded> {
  const encoding = page.body.length >= COMPRESS_MIN_BYTES ? preferredEncoding(request) : null
  if (!encoding) return { encoding: null, body: page.body, etag: page.etag }
  page.encoded ??= {}
  const encoded = page.encoded
  let body = encoded[encoding]
  if (!body) {
    const made = compressAsync(page.body, encoding, !page.transient)
    encoded[encoding] = made
    made.then(
      (buffer) => {
        if (encoded[encoding] === made) encoded[encoding] = buffer
      },
      () => {
        if (encoded[encoding] === made) delete encoded[encoding]
      },
    )
    body = made
  }
  // Each encoding is a different representation, so a different validator.
  const etag = `${page.etag.slice(0, -1)}-${encoding}"`
  return Buffer.isBuffer(body)
    ? { encoding, body, etag }
    : body.then((ready) => ({ encoding, body: ready, etag }))
}

function send(request: FastifyRequest, reply: FastifyReply, page: CachedPage, cdnMaxAge: number | null) {
  const encoded = encodedBody(request, page)
  if (!(encoded instanceof Promise)) return answer(request, reply, page, cdnMaxAge, encoded)
  return encoded.then((ready) => answer(request, reply, page, cdnMaxAge, ready))
}

function answer(
  request: FastifyRequest,
  reply: FastifyReply,
  page: CachedPage,
  cdnMaxAge: number | null,
  { encoding, body, etag }: Encoded,
) {
  reply.header('etag', etag).header('cache-control', PUBLIC).header('vary', 'Cookie, Accept-Encoding')
  // The nonce in the body and the one in the policy were made together (ADR 033).
  if (page.csp) reply.header('content-security-policy', page.csp)
  if (cdnMaxAge) cdnHeaders(reply, cdnMaxAge, page.tags)
  if (page.status === 200 && request.headers['if-none-match'] === etag) return reply.code(304).send()
  if (encoding) reply.header('content-encoding', encoding)
  return reply.code(page.status).type(contentTypeOf(request)).send(body)
}

const contentTypeOf = (request: FastifyRequest) => request.routeOptions.config.pageCache?.contentType ?? HTML

const plugin: FastifyPluginAsync<{ cache: PageCache; cdnMaxAge?: number | null }> = async (
  app,
  { cache, cdnMaxAge = null },
) => {
  app.decorateRequest('pageCacheKey', null)
  app.addHook('onRequest', async (request, reply) => {
    const options = request.routeOptions.config.pageCache
    if (!options || request.method !== 'GET' || hasSessionCookie(request.headers.cookie)) return
    const key = cacheKey(request, options.query)
    request.pageCacheKey = key
    const hit = cache.get(key)
    if (!hit) return
    options.onServe?.(request)
    reply.header('x-cache', 'hit')
    return send(request, reply, hit, cdnMaxAge)
  })

  app.decorateReply(
    'sendPage',
    function (this: FastifyReply, html: string, tags: readonly string[], status = 200) {
      const request = this.request
      request.routeOptions.config.pageCache?.onServe?.(request)
      if (request.pageCacheKey === null) {
        return this.code(status).header('cache-control', PRIVATE).type(contentTypeOf(request)).send(html)
      }
      // Sealed here, before the page is kept, so every answer from it carries the same nonce
      // in its header as in its body; pages that are not kept are sealed as they go out.
      const sealed = app.hasDecorator('sealPage') ? app.sealPage(html) : { html, csp: null }
      const page = cache.set(request.pageCacheKey, sealed.html, tags, status, sealed.csp)
      this.header('x-cache', 'miss')
      // Sent once the compressed body is ready; returning the reply tells Fastify so.
      const sent = send(request, this, page, cdnMaxAge)
      if (sent instanceof Promise) sent.catch((error: unknown) => this.send(error))
      return this
    },
  )
}

export const pageCachePlugin = fp(plugin, { name: 'page-cache' })
