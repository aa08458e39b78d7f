import { describe, expect, test } from 'vitest'
import { createPageCache } from './page-cache.js'

describe('page cache', () => {
  test('drops exactly the pages filed under a changed tag', () => {
    const cache = createPageCache({ maxEntries: 100, ttlMs: 60_000 })
    cache.set('/news/1', 'article 1', ['article:1'])
    cache.set('/news/2', 'article 2', ['article:2'])
    cache.set('/section/economy', 'economy', ['section:2', 'article:1', 'article:2'])
    cache.set('/', 'home', ['home', 'article:2'])

    expect(cache.invalidate(['article:1'])).toBe(2)
    expect(cache.get('/news/1')).toBeUndefined()
    expect(cache.get('/section/economy')).toBeUndefined()
    expect(cache.get('/news/2')?.body.toString()).toBe('article 2')
    expect(cache.get('/')?.body.toString()).toBe('home')
  })

  test('a page evicted for space leaves no stale tag behind', () => {
    const cache = createPageCache({ maxEntries: 1, ttlMs: 60_000 })
    cache.set('/a', 'a', ['t'])
    cache.set('/b', 'b', ['u'])
    expect(cache.get('/a')).toBeUndefined()
    expect(cache.invalidate(['t'])).toBe(0)
    expect(cache.get('/b')?.body.toString()).toBe('b')
  })

  test('the same body always gets the same ETag, a different body another', () => {
    const cache = createPageCache({ maxEntries: 10, ttlMs: 60_000 })
    const a = cache.set('/x', 'same', [])
    const b = cache.set('/y', 'same', [])
    const c = cache.set('/z', 'other', [])
    expect(a.etag).toBe(b.etag)
    expect(a.etag).not.toBe(c.etag)
  })
})
