// Cache tags: the names a page is filed under, and the bus that announces what changed.
// On one node the bus calls its listeners directly; several nodes relay it through Redis.

export const tags = {
  home: 'home',
  /** Every list of latest articles (home, feeds, sitemaps) changes when any article does. */
  latest: 'latest',
  article: (id: number) => `article:${id}`,
  /** The article's own text or status changed (not just its comments): the search index listens. */
  articleText: (id: number) => `article-text:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  reporter: (id: number) => `reporter:${id}`,
  page: (slug: string) => `page:${slug}`,
  outlet: 'outlet',
  mostRead: 'most-read',
  todayPhoto: 'today-photo',
} as const

/**
 * `origin.remote` is true for changes made on another node or worker: caches drop them all
 * the same, while work that must happen once per write (search indexing) can skip them.
 */
export type InvalidationListener = (tags: readonly string[], origin?: { remote: boolean }) => void

export interface InvalidationBus {
  publish(tags: readonly string[]): void
  subscribe(listener: InvalidationListener): () => void
}

export function createLocalInvalidationBus(): InvalidationBus {
  const listeners = new Set<InvalidationListener>()
  return {
    publish(changed) {
      for (const listener of listeners) listener(changed)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
