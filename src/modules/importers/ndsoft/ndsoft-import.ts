// `sinmun import ndsoft`: brings in a site hosted on ndsoft's news CMS by reading its pages as
// a browser would. It finds articles in the feed and every list page, then reads each article
// page and writes it through the other modules' services: its section, reporters, photos (the
// media pipeline), tags, times and 관련기사. Each article is recorded in import_sources as soon
// as it is written, so an interrupted run resumes where it stopped and a second run adds nothing.
import { createHash } from 'node:crypto'
import type { DocumentBlock } from '../../articles/index.js'
import { htmlToDocument, type ImageRef, splitCredit } from '../html-to-document.js'
import { emptyReport, type ImportReport, MAX_HEADLINE } from '../import-report.js'
import type { ImportServices } from '../import-services.js'
import { createImportSources, type ImportSources } from '../import-sources.js'
import { noProgress, type Progress } from '../progress.js'
import { type NdsoftArticle, parseArticlePage } from './ndsoft-article.js'
import { NdsoftPageError } from './ndsoft-errors.js'
import { listIdentity, parseFeed, parseListPage, sectionListsOn, sitePath } from './ndsoft-lists.js'
import { ndsoftRedirects } from './ndsoft-redirects.js'
import { ALL_ARTICLES_LIST, ARTICLE_PATH, FEED_PATH } from './ndsoft-selectors.js'
import { sectionSlugFor } from './section-slugs.js'
import type { SiteReader } from './site-reader.js'

const KINDS = ['article', 'section', 'reporter', 'photo'] as const
type Kind = (typeof KINDS)[number]

export interface NdsoftSummary extends ImportReport<Kind> {
  /** Pages that could not be imported; `--only` retries them alone. */
  failed: { idxno: number; path: string; reason: string }[]
  /** True when the run was stopped before the end; running it again continues. */
  interrupted: boolean
}

export interface NdsoftImportOptions {
  progress?: Progress
  /** Import only these articles (a retry of failed pages), without looking for others. */
  only?: readonly number[]
  /** Stops after the article being written, leaving the import resumable. */
  signal?: AbortSignal
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10)

export async function importNdsoft(
  app: ImportServices,
  site: SiteReader,
  options: NdsoftImportOptions = {},
): Promise<NdsoftSummary> {
  const feed = await readFeed(site)
  // The site's real address (from its feed) names the source, so a run against a saved copy or
  // a test server continues what a run against the live site began.
  const siteUrl = feed.siteUrl ? new URL(feed.siteUrl).origin : site.origin
  const sources = createImportSources(app.db, app.clock, `ndsoft:${siteUrl}`)
  await sources.load()
  const run = new NdsoftImport(app, site, sources, siteUrl, options)
  return run.execute(feed.idxnos)
}

async function readFeed(site: SiteReader) {
  const fetched = await site.get(FEED_PATH)
  if (fetched.status !== 200) return { siteUrl: null, idxnos: [] }
  return parseFeed(site.text(fetched))
}

class NdsoftImport {
  readonly summary: NdsoftSummary = { ...emptyReport(KINDS), failed: [], interrupted: false }
  private readonly progress: Progress
  private readonly origins: string[]
  private readonly sectionSlugs = new Map<string, string>()
  private readonly reporterLists = new Map<string, number>()
  private readonly tags = new Set<string>()
  private readonly related = new Map<number, number[]>()

  constructor(
    private readonly app: ImportServices,
    private readonly site: SiteReader,
    private readonly sources: ImportSources,
    private readonly siteUrl: string,
    private readonly options: NdsoftImportOptions,
  ) {
    this.progress = options.progress ?? noProgress
    this.origins = [...new Set([site.origin, siteUrl, siteUrl.replace('://www.', '://')])]
  }

  private count(kind: Kind, created: boolean) {
    this.summary[created ? 'created' : 'skipped'][kind] += 1
  }

  async execute(feedIdxnos: number[]): Promise<NdsoftSummary> {
    const idxnos = this.options.only ? [...this.options.only] : await this.discover(feedIdxnos)
    // Oldest first: the archive grows in the order it was written.
    idxnos.sort((a, b) => a - b)
    this.progress.start(idxnos.length)
    for (const idxno of idxnos) {
      if (this.options.signal?.aborted) {
        this.summary.interrupted = true
        break
      }
      await this.importArticle(idxno)
      this.progress.tick(`idxno ${idxno}`)
    }
    this.progress.done()
    await this.linkRelated()
    await this.fileRedirects()
    return this.summary
  }

  /** Every idxno the feed, 전체기사 and the section lists show, each list followed page by page. */
  private async discover(feedIdxnos: number[]): Promise<number[]> {
    const found = new Set(feedIdxnos)
    const lists = [ALL_ARTICLES_LIST]
    const home = await this.site.get('/')
    if (home.status === 200) lists.push(...sectionListsOn(this.site.text(home), this.origins).values())
    const seen = new Set<string>()
    const queue = [...lists]
    while (queue.length > 0) {
      const path = queue.shift() as string
      if (seen.has(path)) continue
      seen.add(path)
      const fetched = await this.site.get(path)
      if (fetched.status !== 200) {
        this.summary.warnings.push(`list ${path} answered ${fetched.status}`)
        continue
      }
      try {
        const page = parseListPage(this.site.text(fetched), path, this.origins)
        for (const id of page.idxnos) found.add(id)
        // Follow the paging of this list only (a link to another list is not this list's page).
        for (const next of page.pages) if (listIdentity(next) === listIdentity(path)) queue.push(next)
      } catch (error) {
        this.summary.warnings.push((error as Error).message)
      }
    }
    return [...found]
  }

  private async importArticle(idxno: number) {
    const known = this.sources.find('article', idxno)
    if (known && this.sources.find('published', idxno)) {
      this.count('article', false)
      return this.rememberRelatedOf(idxno, Number(known))
    }
    const path = `${ARTICLE_PATH}?idxno=${idxno}`
    try {
      const fetched = await this.site.get(path)
      if (fetched.status !== 200) throw new NdsoftPageError(path, `answered ${fetched.status}`)
      const article = parseArticlePage(this.site.text(fetched), path, idxno)
      if (article.headline.length > MAX_HEADLINE) {
        throw new NdsoftPageError(
          path,
          `the headline has ${article.headline.length} characters, more than the ${MAX_HEADLINE} allowed; it was not cut`,
        )
      }
      const id = known ? Number(known) : await this.write(article)
      // Recorded first as written, then as published: a run stopped in between publishes it next time.
      await this.app.desk.publishArticle(id, article.publishedAt)
      if (article.modifiedAt) await this.app.articles.stampModified(id, article.modifiedAt)
      await this.sources.remember('published', idxno, id)
      this.related.set(id, article.relatedIdxnos)
      await this.sources.remember('related', idxno, article.relatedIdxnos.join(','))
      for (const tag of article.tags) this.tags.add(tag)
      this.count('article', !known)
    } catch (error) {
      const reason = error instanceof NdsoftPageError ? error.message.replace(`${path}: `, '') : String(error)
      this.summary.failed.push({ idxno, path, reason })
    }
  }

  private async write(article: NdsoftArticle): Promise<number> {
    const sectionId = await this.sectionFor(article)
    const reporterIds: number[] = []
    for (const r of article.reporters) reporterIds.push(await this.reporterFor(r.name, r.email, r.listId))
    if (reporterIds.length === 0) reporterIds.push(await this.reporterFor('편집국', null, null))
    const path = `${ARTICLE_PATH}?idxno=${article.idxno}`
    const doc = await htmlToDocument(article.bodyHtml, (ref) => this.photoFor(ref, path))
    // A photo opening the body is the article's lead photo, as lists and shares show it.
    const [opening, ...rest] = doc.content
    const lead = opening?.type === 'photo' ? opening.attrs.photoId : null
    const body: DocumentBlock[] = lead ? rest : doc.content
    const tags = article.tags.map((t) => t.slice(0, 40)).slice(0, 20)
    const id = await this.app.desk.createDraft(
      {
        sectionId,
        headline: article.headline,
        subheadline: article.subheadline.slice(0, 400),
        body: { type: 'doc', content: body },
        leadPhotoId: lead,
        reporterIds: [...new Set(reporterIds)],
        tags,
      },
      null,
    )
    await this.sources.remember('article', article.idxno, id)
    return id
  }

  private async sectionFor(article: NdsoftArticle): Promise<number> {
    const code = article.section?.code ?? 'news'
    const name = article.section?.name ?? '뉴스'
    const known = this.sources.find('section', code)
    const slug = sectionSlugFor(name, code)
    this.sectionSlugs.set(code, slug)
    if (known) return Number(known)
    const { id, created } = await this.app.sections.findOrCreateSection(slug, name)
    await this.sources.remember('section', code, id)
    this.count('section', created)
    return id
  }

  private async reporterFor(name: string, email: string | null, listId: string | null): Promise<number> {
    const key = email ?? `name:${name}`
    const known = this.sources.find('reporter', key)
    let id = known ? Number(known) : undefined
    if (id === undefined) {
      const address = email ?? `${hashOf(`${this.siteUrl}${name}`)}@imported.invalid`
      const existing = await this.app.staff.findIdByEmail(address)
      id = existing ?? (await this.app.staff.createAccount({ email: address, name, role: 'reporter' }))
      await this.sources.remember('reporter', key, id)
      this.count('reporter', existing === undefined)
    }
    if (listId) this.reporterLists.set(listId, id)
    return id
  }

  /** A photo of the body, fetched and stored once; null (caption kept as text) when it fails. */
  private async photoFor(ref: ImageRef, articlePath: string): Promise<number | null> {
    const src = sitePath(ref.src, this.origins) ?? (/^https?:\/\//i.test(ref.src) ? ref.src : null)
    if (!src) return null
    const known = this.sources.find('photo', src)
    if (known) return Number(known)
    const key = `nd-${hashOf(this.siteUrl)}-${hashOf(src)}`
    const leftover = await this.app.media.findIdByKey(key)
    let id = leftover
    if (id === undefined) {
      const fetched = await this.site.get(src)
      if (fetched.status !== 200) {
        this.summary.warnings.push(
          `${articlePath}: photo ${src} answered ${fetched.status}; its caption is kept as text`,
        )
        return null
      }
      const { caption, credit } = splitCredit(ref.caption)
      try {
        const photo = await this.app.media.storePhoto(fetched.body, {
          key,
          caption: caption ?? '',
          credit: credit ?? '',
          alt: ref.alt.slice(0, 500),
        })
        id = photo.id
      } catch (error) {
        this.summary.warnings.push(
          `${articlePath}: photo ${src} is not an image we can read (${(error as Error).message})`,
        )
        return null
      }
    }
    await this.sources.remember('photo', src, id)
    this.count('photo', leftover === undefined)
    return id
  }

  private rememberRelatedOf(idxno: number, id: number) {
    const ids = this.sources.find('related', idxno)
    if (ids) this.related.set(id, ids.split(',').filter(Boolean).map(Number))
  }

  /** 관련기사 point at the new addresses once every article is in: they may link forward. */
  private async linkRelated() {
    for (const [id, idxnos] of this.related) {
      const ids = idxnos.flatMap((n) => {
        const target = this.sources.find('article', n)
        return target ? [Number(target)] : []
      })
      if (ids.length > 0) await this.app.articles.setRelated(id, ids.slice(0, 10))
    }
  }

  private async fileRedirects() {
    const articles = new Map<number, number>()
    // Every article this source ever imported, published ones only (a draft has no page).
    for (const idxno of this.knownPublished())
      articles.set(idxno, Number(this.sources.find('published', idxno)))
    const pairs = ndsoftRedirects({
      articles,
      sections: this.sectionSlugs,
      reporters: this.reporterLists,
      tags: this.tags,
    })
    for (const [old, target] of pairs) {
      if (await this.app.redirects.save(old, target, `ndsoft:${this.siteUrl}`)) this.summary.redirects += 1
    }
  }

  private knownPublished(): number[] {
    return this.sources.ids('published').map(Number)
  }
}
