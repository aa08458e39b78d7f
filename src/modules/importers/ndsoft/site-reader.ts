// How the importer reads the old site: over HTTP as a browser would, one request at a time
// with a pause between them and robots.txt respected, or from a saved copy on disk.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, normalize, relative } from 'node:path'
import { parseRobots, type RobotsRules } from './robots.js'

export interface Fetched {
  status: number
  body: Buffer
  contentType: string
}

export interface SiteReader {
  /** The site's own origin, as its links name it. */
  readonly origin: string
  /** A root-relative path (or an absolute URL of another host, e.g. a photo CDN). */
  get(pathOrUrl: string): Promise<Fetched>
  /** Text of an HTML or XML answer, in the page's own encoding (old skins serve EUC-KR). */
  text(fetched: Fetched): string
}

export const USER_AGENT = 'SinmunImporter/1.0 (moving an archive to Sinmun; one request at a time)'

function decodeText(fetched: Fetched): string {
  const declared =
    fetched.contentType.match(/charset=([\w-]+)/i)?.[1] ??
    fetched.body
      .subarray(0, 2048)
      .toString('latin1')
      .match(/<meta[^>]+charset=["']?([\w-]+)/i)?.[1] ??
    fetched.body
      .subarray(0, 200)
      .toString('latin1')
      .match(/encoding=["']([\w-]+)/i)?.[1] ??
    'utf-8'
  const label = /^(euc-kr|ks_c_5601-1987|cp949|x-windows-949)$/i.test(declared) ? 'euc-kr' : declared
  try {
    return new TextDecoder(label).decode(fetched.body)
  } catch {
    return new TextDecoder('utf-8').decode(fetched.body)
  }
}

export interface HttpReaderOptions {
  /** Pause between two requests (ms); robots.txt's Crawl-delay wins when it asks more. */
  delayMs: number
  timeoutMs?: number
  /** Waits; tests and the bench pass one that does not. */
  sleep?: (ms: number) => Promise<void>
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Reads a live site. Requests are queued: never two at once, and `delayMs` between them. */
export async function httpSiteReader(base: string, options: HttpReaderOptions): Promise<SiteReader> {
  const origin = new URL(base).origin
  const sleep = options.sleep ?? realSleep
  let queue: Promise<unknown> = Promise.resolve()
  let last = 0
  let robots: RobotsRules = parseRobots(null, USER_AGENT)
  let delay = options.delayMs

  async function fetchOnce(url: string): Promise<Fetched> {
    const wait = last + delay - Date.now()
    if (wait > 0) await sleep(wait)
    try {
      const response = await fetch(url, {
        headers: {
          'user-agent': USER_AGENT,
          accept: 'text/html,application/xhtml+xml,application/xml,image/*;q=0.9',
        },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
        redirect: 'follow',
      })
      const body = Buffer.from(await response.arrayBuffer())
      return { status: response.status, body, contentType: response.headers.get('content-type') ?? '' }
    } finally {
      last = Date.now()
    }
  }

  /** Retries what may pass (network errors, 429, 5xx) twice, waiting longer each time. */
  async function fetchPolitely(url: string): Promise<Fetched> {
    for (let attempt = 0; ; attempt++) {
      try {
        const fetched = await fetchOnce(url)
        if ((fetched.status === 429 || fetched.status >= 500) && attempt < 2) {
          await sleep(Math.max(delay, 1000) * 2 ** (attempt + 1))
          continue
        }
        return fetched
      } catch (error) {
        if (attempt >= 2) throw error
        await sleep(Math.max(delay, 1000) * 2 ** (attempt + 1))
      }
    }
  }

  const reader: SiteReader = {
    origin,
    text: decodeText,
    get(pathOrUrl) {
      const url = /^https?:\/\//i.test(pathOrUrl) ? pathOrUrl : `${origin}${pathOrUrl}`
      const path = /^https?:\/\//i.test(pathOrUrl) ? new URL(pathOrUrl).pathname : pathOrUrl
      if (!robots.allows(path)) {
        return Promise.resolve({
          status: 403,
          body: Buffer.from('disallowed by robots.txt'),
          contentType: 'text/plain',
        })
      }
      const next = queue.then(() => fetchPolitely(url))
      queue = next.catch(() => {})
      return next
    },
  }
  const robotsFile = await reader.get('/robots.txt').catch(() => null)
  robots = parseRobots(
    robotsFile && robotsFile.status === 200 ? robotsFile.body.toString('utf8') : null,
    USER_AGENT,
  )
  if (robots.crawlDelay) delay = Math.max(delay, robots.crawlDelay * 1000)
  return reader
}

/**
 * The file a saved copy keeps an address in: `PATH` as it is, `PATH@QUERY.html` for an address
 * with a query (the query as the site's links write it), `index.html` for a folder; an article
 * address is filed under its `idxno` alone.
 */
export function savedFileFor(path: string): string | null {
  const [rawPath = '', query = ''] = path.split('#')[0]?.split(/\?(.*)/s) ?? []
  let p: string
  try {
    p = decodeURIComponent(rawPath)
  } catch {
    return null
  }
  if (p.endsWith('/')) p += 'index.html'
  p = p.replace(/^\/+/, '')
  if (p === 'news/articleView.html') {
    const id = new URLSearchParams(query).get('idxno')
    return id && /^\d+$/.test(id) ? `news/articleView.html@idxno=${id}.html` : null
  }
  return query ? `${p}@${query}.html` : p
}

/** Reads a saved copy of the site from a folder (`--from-dir`). */
export function directorySiteReader(dir: string, origin: string): SiteReader {
  return {
    origin,
    text: decodeText,
    async get(pathOrUrl) {
      const path = /^https?:\/\//i.test(pathOrUrl)
        ? `${new URL(pathOrUrl).pathname}${new URL(pathOrUrl).search}`
        : pathOrUrl
      const file = savedFileFor(path)
      const full = file ? normalize(join(dir, file)) : null
      // Addresses come from the pages: never let one climb out of the folder.
      if (!full || relative(dir, full).startsWith('..') || !existsSync(full)) {
        return { status: 404, body: Buffer.alloc(0), contentType: '' }
      }
      const type = full.endsWith('.xml') ? 'application/xml' : full.endsWith('.html') ? 'text/html' : ''
      return { status: 200, body: await readFile(full), contentType: type }
    },
  }
}
