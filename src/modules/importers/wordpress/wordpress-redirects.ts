// The old WordPress addresses of what an import brought in, each with its new address: a
// post's permalink, `/?p=N` and `/archives/N`; a page's path (with its parents) and
// `/?page_id=N`; categories (`/category/parent/child/`, `/?cat=N`) and their feeds; tags;
// authors; the site feed.
import { articleUrl, reporterUrl, sectionUrl, tagUrl } from '../../articles/index.js'
import type { WxrExport, WxrItem } from './wxr.js'

export interface ImportedIds {
  post(id: number): number | undefined
  page(id: number): string | undefined
  section(termId: number): { id: number; slug: string } | undefined
  reporter(login: string): number | undefined
}

/** The path of an absolute permalink (`https://site/slug/` → `/slug/`), if it is one. */
function pathOf(link: string): string | null {
  try {
    const url = new URL(link)
    return `${url.pathname}${url.search}`
  } catch {
    return null
  }
}

export function wordpressRedirects(wxr: WxrExport, ids: ImportedIds, published: ReadonlySet<number>) {
  const out: [old: string, target: string][] = []
  const add = (old: string | null, target: string) => {
    if (old && old !== '/') out.push([old, target])
  }
  for (const item of wxr.items) {
    if (item.type === 'post' && published.has(item.id)) {
      const id = ids.post(item.id)
      if (id === undefined) continue
      const target = articleUrl(id)
      add(pathOf(item.link), target)
      add(`/?p=${item.id}`, target)
      add(`/archives/${item.id}`, target)
    }
    if (item.type === 'page') {
      const slug = ids.page(item.id)
      if (slug === undefined) continue
      add(pathOf(item.link) ?? pagePath(wxr, item), `/page/${slug}`)
      add(pagePath(wxr, item), `/page/${slug}`)
      add(`/?page_id=${item.id}`, `/page/${slug}`)
    }
  }
  const bySlug = new Map(wxr.categories.map((c) => [c.slug, c]))
  for (const term of wxr.categories) {
    const section = ids.section(term.id)
    if (!section) continue
    const chain: string[] = []
    for (let t: typeof term | undefined = term; t && chain.length < 10; t = bySlug.get(t.parentSlug ?? '')) {
      chain.unshift(t.slug)
    }
    add(`/category/${chain.join('/')}/`, sectionUrl(section.slug))
    add(`/category/${term.slug}/`, sectionUrl(section.slug))
    add(`/category/${chain.join('/')}/feed/`, `/rss/${section.slug}.xml`)
    add(`/?cat=${term.id}`, sectionUrl(section.slug))
  }
  for (const tag of wxr.tags) add(`/tag/${tag.slug}/`, tagUrl(tag.name))
  for (const author of wxr.authors) {
    const id = ids.reporter(author.login)
    if (id === undefined) continue
    add(`/author/${author.login}/`, reporterUrl(id))
    add(`/?author=${author.id}`, reporterUrl(id))
  }
  add('/feed/', '/rss/all.xml')
  add('/?feed=rss2', '/rss/all.xml')
  return out
}

/** `/parent/child/` for a nested page, from the pages' own slugs. */
function pagePath(wxr: WxrExport, page: WxrItem): string {
  const pages = new Map(wxr.items.filter((i) => i.type === 'page').map((i) => [i.id, i]))
  const slugs: string[] = []
  for (let p: WxrItem | undefined = page; p && slugs.length < 10; p = pages.get(p.parentId))
    slugs.unshift(p.slug)
  return `/${slugs.join('/')}/`
}
