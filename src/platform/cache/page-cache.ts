// Rendered pages for anonymous readers, each remembered with the names of what it shows
// (`article:12`, `section:3`, `home` …). A write names what it changed and exactly the pages
// carrying one of those names are dropped.
import { createHash } from 'node:crypto'
import { LRUCache } from 'lru-cache'

export interface CachedPage {
  /** UTF-8, encoded once: hashed for the ETag and written to every reader as it is. */
  body: Buffer
  etag: string
  tags: readonly string[]
  status: number
  /**
   * The body compressed, made once per encoding when a reader first accepts it: a promise,
   * so readers arriving while it is being made wait for the same one.
   */
  encoded?: Partial<Record<'br' | 'gzip', Buffer | Promise<Buffer>>>
  /** Not kept (PAGE_CACHE=false): compressing it hard would be paid on every request. */
  transient?: boolean
  /** The page's own Content-Security-Policy (its nonce, its third parties); null for the site's. */
  csp?: string | null
}

export interface PageCache {
  get(key: string): CachedPage | undefined
  set(key: string, html: string, tags: readonly string[], status?: number, csp?: string | null): CachedPage
  /** Drops every page carrying one of the tags; returns how many were dropped. */
  invalidate(tags: readonly string[]): number
  clear(): void
  readonly size: number
}

function encodePage(
  html: string,
  tags: readonly string[],
  status: number,
  csp: string | null = null,
): CachedPage {
  const body = Buffer.from(html)
  return { body, etag: etagOf(body), tags, status, csp }
}

export const etagOf = (body: Buffer) => `"${createHash('sha1').update(body).digest('base64url')}"`

export function createPageCache(options: { maxEntries: number; ttlMs: number }): PageCache {
  const byTag = new Map<string, Set<string>>()
  const forget = (key: string, page: CachedPage) => {
    for (const tag of page.tags) {
      const keys = byTag.get(tag)
      keys?.delete(key)
      if (keys?.size === 0) byTag.delete(tag)
    }
  }
  const lru = new LRUCache<string, CachedPage>({
    max: Math.max(1, options.maxEntries),
    ttl: options.ttlMs,
    dispose: (page, key) => forget(key, page),
  })
  return {
    get: (key) => lru.get(key),
    set(key, html, tags, status = 200, csp = null) {
      const page = encodePage(html, tags, status, csp)
      lru.set(key, page)
      for (const tag of tags) {
        const keys = byTag.get(tag) ?? new Set<string>()
        keys.add(key)
        byTag.set(tag, keys)
      }
      return page
    },
    invalidate(tags) {
      const keys = new Set<string>()
      for (const tag of tags) for (const key of byTag.get(tag) ?? []) keys.add(key)
      for (const key of keys) lru.delete(key)
      return keys.size
    },
    clear: () => lru.clear(),
    get size() {
      return lru.size
    },
  }
}

/** A page cache that keeps nothing (PAGE_CACHE=false): every request renders. */
export const disabledPageCache: PageCache = {
  get: () => undefined,
  set: (_key, html, tags, status = 200, csp = null) => ({
    ...encodePage(html, tags, status, csp),
    transient: true,
  }),
  invalidate: () => 0,
  clear: () => {},
  size: 0,
}
