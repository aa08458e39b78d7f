// Compressed answers. A cached page is compressed once per entry and encoding (brotli, gzip),
// on the first request that accepts it, and kept beside the plain body: every later reader
// gets the stored bytes. Other answers (personal pages, JSON) are compressed on the way out
// when they are big enough for it to pay: under about one TCP packet it only costs time.
import { promisify } from 'node:util'
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from 'node:zlib'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export type Encoding = 'br' | 'gzip'

/** Below this many bytes an answer is sent as it is. */
export const COMPRESS_MIN_BYTES = 1400
const COMPRESSIBLE = /^(text\/|application\/(json|xml|rss\+xml|atom\+xml|javascript))/

// Browsers send a handful of distinct Accept-Encoding values: each is parsed once.
const chosen = new Map<string, Encoding | null>()

/** The encoding to answer with: brotli when accepted, else gzip, else none. */
export function preferredEncoding(request: FastifyRequest): Encoding | null {
  const header = request.headers['accept-encoding']
  if (typeof header !== 'string') return null
  let encoding = chosen.get(header)
  if (encoding === undefined) {
    encoding = parseAcceptEncoding(header)
    if (chosen.size < 256) chosen.set(header, encoding)
  }
  return encoding
}

function parseAcceptEncoding(header: string): Encoding | null {
  const accepted = new Set(
    header
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  )
  if (accepted.has('br')) return 'br'
  if (accepted.has('gzip') || accepted.has('*')) return 'gzip'
  return null
}

/**
 * Cached pages are compressed harder than answers made per request: the cost is paid once.
 * Brotli 11 takes a few milliseconds on a 20 KB page, once per entry.
 */
export function compress(body: Buffer, encoding: Encoding, once: boolean): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: once ? 11 : 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipSync(body, { level: once ? 9 : 6 })
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/**
 * As `compress`, on libuv's thread pool: brotli at quality 11 takes 15-90 ms for a 24 KB
 * article page on a busy 2-core machine, and done on the event loop it held every request in
 * flight that long after each cache invalidation (a stall that showed in the p99).
 */
export function compressAsync(body: Buffer, encoding: Encoding, once: boolean): Promise<Buffer> {
  return encoding === 'br'
    ? brotliAsync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: once ? 11 : 4,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipAsync(body, { level: once ? 9 : 6 })
}

/** Compresses big text answers that nothing compressed before (cached pages are). */
export function compressOnTheFly(app: FastifyInstance) {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (reply.hasHeader('content-encoding') || request.method === 'HEAD') return payload
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload
    const type = String(reply.getHeader('content-type') ?? '')
    if (!COMPRESSIBLE.test(type)) return payload
    const body = typeof payload === 'string' ? Buffer.from(payload) : payload
    if (body.length < COMPRESS_MIN_BYTES) return payload
    reply.header('vary', varyWith(reply.getHeader('vary'), 'Accept-Encoding'))
    const encoding = preferredEncoding(request)
    if (!encoding) return payload
    reply.header('content-encoding', encoding)
    reply.removeHeader('content-length')
    return compressAsync(body, encoding, false)
  })
}

export function varyWith(current: unknown, name: string): string {
  const names = String(current ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  return names.some((n) => n.toLowerCase() === name.toLowerCase())
    ? names.join(', ')
    : [...names, name].join(', ')
}
