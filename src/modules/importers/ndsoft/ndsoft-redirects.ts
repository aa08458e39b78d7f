// The old addresses of an ndsoft site and where each now lives: articles, 전체기사, section,
// reporter and keyword (tag) lists, and the feeds.
import { articleUrl, reporterUrl, sectionUrl, tagUrl } from '../../articles/index.js'
import { ARTICLE_PATH, FEED_PATH, LIST_PATH } from './ndsoft-selectors.js'

export interface NdsoftImported {
  articles: Map<number, number>
  sections: Map<string, string>
  reporters: Map<string, number>
  tags: Set<string>
}

export function ndsoftRedirects(imported: NdsoftImported): [old: string, target: string][] {
  const out: [string, string][] = []
  for (const [idxno, id] of imported.articles) out.push([`${ARTICLE_PATH}?idxno=${idxno}`, articleUrl(id)])
  // 전체기사: our home page is the list of everything newest first.
  out.push([LIST_PATH, '/'])
  for (const [code, slug] of imported.sections) {
    out.push([`${LIST_PATH}?sc_section_code=${code}`, sectionUrl(slug)])
    out.push([`${LIST_PATH}?sc_sub_section_code=${code}`, sectionUrl(slug)])
    out.push([`/rss/${code}.xml`, `/rss/${slug}.xml`])
  }
  for (const [listId, id] of imported.reporters) {
    out.push([`${LIST_PATH}?sc_area=I&sc_word=${encodeURIComponent(listId)}`, reporterUrl(id)])
  }
  for (const tag of imported.tags) {
    out.push([`${LIST_PATH}?sc_area=A&sc_word=${encodeURIComponent(tag)}`, tagUrl(tag)])
  }
  out.push([FEED_PATH, '/rss/all.xml'])
  out.push(['/rss/clickTop.xml', '/rss/all.xml'])
  return out
}
