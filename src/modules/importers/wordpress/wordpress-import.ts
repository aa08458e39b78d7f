// `sinmun import wordpress`: brings a WordPress site's archive in. Categories become sections,
// authors reporters (without passwords: an admin invites them later), attachments photos (through
// the real media path, so every served size is made), posts articles, pages static pages and
// comments comments, each through its module's service. Every item is looked up in import_sources
// first: a second run adds nothing. At the end every old address (permalinks, ?p=N, categories,
// tags, authors, feeds) is filed in the redirect table, and the report lists what was left out.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, normalize, relative } from 'node:path'
import { htmlToDocument, type ImageRef, splitCredit } from '../html-to-document.js'
import { emptyReport, type ImportReport, MAX_HEADLINE } from '../import-report.js'
import type { ImportServices } from '../import-services.js'
import { createImportSources, type ImportSources } from '../import-sources.js'
import { noProgress, type Progress } from '../progress.js'
import { wordpressContentToHtml } from './wordpress-content.js'
import { wordpressRedirects } from './wordpress-redirects.js'
import { decodeSlug, parseWxr, type WxrComment, type WxrExport, type WxrItem } from './wxr.js'

export interface WordpressImportOptions {
  /** The site's wp-content/uploads folder; without it images are left out (captions kept). */
  uploadsDir?: string | null
  progress?: Progress
}

const KINDS = ['section', 'reporter', 'photo', 'article', 'scheduled', 'draft', 'page', 'comment'] as const
type Kind = (typeof KINDS)[number]

export type ImportSummary = ImportReport<Kind>

export async function importWordpress(
  app: ImportServices,
  xml: string,
  options: WordpressImportOptions = {},
): Promise<ImportSummary> {
  const wxr = parseWxr(xml)
  const sources = createImportSources(app.db, app.clock, `wordpress:${wxr.siteUrl}`)
  await sources.load()
  const run = new WordpressImport(app, wxr, sources, options)
  return run.execute()
}

class WordpressImport {
  readonly summary: ImportSummary = emptyReport(KINDS)
  private readonly sectionBySlug = new Map<string, number>()
  private readonly sectionByTerm = new Map<number, { id: number; slug: string }>()
  /** Posts that are public articles here, whose old addresses get redirects. */
  private readonly published = new Set<number>()
  private readonly reporterByLogin = new Map<string, number>()
  private readonly attachments: Map<number, WxrItem>
  private readonly progress: Progress

  constructor(
    private readonly app: ImportServices,
    private readonly wxr: WxrExport,
    private readonly sources: ImportSources,
    private readonly options: WordpressImportOptions,
  ) {
    this.attachments = new Map(wxr.items.filter((i) => i.type === 'attachment').map((i) => [i.id, i]))
    this.progress = options.progress ?? noProgress
  }

  private count(kind: Kind, created: boolean) {
    const counts = this.summary[created ? 'created' : 'skipped']
    counts[kind] = (counts[kind] ?? 0) + 1
  }

  async execute(): Promise<ImportSummary> {
    const posts = this.wxr.items.filter((i) => i.type === 'post' && this.keepsPost(i))
    const pages = this.wxr.items.filter((i) => i.type === 'page' && this.keepsPage(i))
    const total =
      this.wxr.categories.length +
      this.wxr.authors.length +
      this.attachments.size +
      posts.length +
      pages.length
    this.progress.start(total)
    for (const category of this.wxr.categories) {
      await this.importCategory(category)
      this.progress.tick(category.name)
    }
    for (const author of this.wxr.authors) {
      await this.importAuthor(author)
      this.progress.tick(author.displayName)
    }
    for (const attachment of this.attachments.values()) {
      const known = this.sources.find('attachment', attachment.id) !== undefined
      const photo = await this.photoFor(attachment.id)
      if (photo !== null) this.count('photo', !known)
      this.progress.tick(attachment.title)
    }
    for (const post of posts) {
      await this.importPost(post)
      this.progress.tick(post.title)
    }
    for (const page of pages) {
      await this.importPage(page)
      this.progress.tick(page.title)
    }
    await this.fileRedirects()
    this.progress.done()
    return this.summary
  }

  private leaveOut(item: WxrItem, reason: string) {
    this.summary.leftOut.push({ item: `${item.type} ${item.id} "${item.title.slice(0, 60)}"`, reason })
  }

  /** Trash and WordPress's unsaved auto-drafts stay behind, said so in the report. */
  private keepsPost(item: WxrItem): boolean {
    if (item.status === 'trash' || item.status === 'auto-draft') {
      this.leaveOut(item, `status ${item.status}: not content`)
      return false
    }
    return true
  }

  private keepsPage(item: WxrItem): boolean {
    if (item.status === 'publish') return true
    this.leaveOut(item, `page with status ${item.status}: only published pages are imported`)
    return false
  }

  private async fileRedirects() {
    const sources = this.sources
    const pairs = wordpressRedirects(
      this.wxr,
      {
        post: (id) => num(sources.find('post', id)),
        page: (id) => sources.find('page', id),
        section: (termId) => this.sectionByTerm.get(termId),
        reporter: (login) => this.reporterByLogin.get(login),
      },
      this.published,
    )
    for (const [old, target] of pairs) {
      if (await this.app.redirects.save(old, target, `wordpress:${this.wxr.siteUrl}`))
        this.summary.redirects += 1
    }
  }

  private async importCategory(term: WxrExport['categories'][number]) {
    const slug = sectionSlug(term.slug, term.id)
    const known = this.sources.find('term', term.id)
    this.sectionByTerm.set(term.id, { id: Number(known ?? 0), slug })
    if (known) {
      this.sectionBySlug.set(term.slug, Number(known))
      return this.count('section', false)
    }
    // A section with the same address already here (the outlet made it by hand) is reused.
    const { id, created } = await this.app.sections.findOrCreateSection(slug, term.name)
    await this.sources.remember('term', term.id, id)
    this.sectionBySlug.set(term.slug, id)
    this.sectionByTerm.set(term.id, { id, slug })
    this.count('section', created)
  }

  private async importAuthor(author: WxrExport['authors'][number]) {
    const known = this.sources.find('author', author.login)
    if (known) {
      this.reporterByLogin.set(author.login, Number(known))
      return this.count('reporter', false)
    }
    const email = author.email || `${author.login}@imported.invalid`
    const existing = await this.app.staff.findIdByEmail(email)
    const id =
      existing ?? (await this.app.staff.createAccount({ email, name: author.displayName, role: 'reporter' }))
    await this.sources.remember('author', author.login, id)
    this.reporterByLogin.set(author.login, id)
    this.count('reporter', existing === undefined)
  }

  /** The photo made from an attachment, stored once however many posts use it. */
  private async photoFor(attachmentId: number): Promise<number | null> {
    const known = this.sources.find('attachment', attachmentId)
    if (known) return Number(known)
    const attachment = this.attachments.get(attachmentId)
    if (!attachment) return null
    const file = attachment.meta.get('_wp_attached_file') || pathAfterUploads(attachment.attachmentUrl)
    const data = file ? await this.readUpload(file) : null
    if (!data) return null
    const caption = attachment.excerpt
    const photo = await this.storePhoto(data, `wp-${attachmentId}-${hashOf(this.wxr.siteUrl)}`, {
      ...splitCredit(caption),
      alt: attachment.meta.get('_wp_attachment_image_alt') ?? '',
    })
    if (photo === null) return null
    await this.sources.remember('attachment', attachmentId, photo)
    return photo
  }

  private async storePhoto(
    data: Buffer,
    key: string,
    meta: { caption: string | null; credit: string | null; alt: string },
  ): Promise<number | null> {
    // A run that stopped between storing a photo and recording it left the row: reuse it.
    const leftover = await this.app.media.findIdByKey(key)
    if (leftover !== undefined) return leftover
    try {
      const photo = await this.app.media.storePhoto(data, {
        key,
        caption: meta.caption ?? '',
        credit: meta.credit ?? '',
        alt: meta.alt.slice(0, 500),
      })
      return photo.id
    } catch (error) {
      this.summary.warnings.push(`${key}: not an image we can read (${(error as Error).message})`)
      return null
    }
  }

  private async readUpload(file: string): Promise<Buffer | null> {
    const dir = this.options.uploadsDir
    if (!dir) return null
    const path = normalize(join(dir, file))
    // The path comes from the export file: never let it climb out of the uploads folder.
    if (relative(dir, path).startsWith('..') || !existsSync(path)) {
      this.summary.warnings.push(`missing upload: ${file}`)
      return null
    }
    return readFile(path)
  }

  /** An inline image: by attachment id when the HTML names one, else by its file's address. */
  private async resolveImage(ref: ImageRef): Promise<number | null> {
    if (ref.attachmentId && this.attachments.has(ref.attachmentId)) return this.photoFor(ref.attachmentId)
    const original = pathAfterUploads(ref.src)?.replace(/-\d+x\d+(\.\w+)$/, '$1')
    if (!original) return null
    for (const attachment of this.attachments.values()) {
      if (attachment.meta.get('_wp_attached_file') === original) return this.photoFor(attachment.id)
    }
    const known = this.sources.find('upload', original)
    if (known) return Number(known)
    const data = await this.readUpload(original)
    const photo = data
      ? await this.storePhoto(data, `wp-file-${hashOf(this.wxr.siteUrl + original)}`, {
          caption: null,
          credit: null,
          alt: ref.alt,
        })
      : null
    if (photo !== null) await this.sources.remember('upload', original, photo)
    return photo
  }

  private async importPost(post: WxrItem) {
    const kind = this.kindOf(post)
    const known = this.sources.find('post', post.id)
    if (known) {
      this.count(kind, false)
      if (kind === 'article') this.published.add(post.id)
      // Comments written since the last run still come in.
      return this.importComments(post, Number(known))
    }
    // A headline is never cut: the post is left out, with the reason, until it is shortened.
    if (post.title.length > MAX_HEADLINE) {
      return this.leaveOut(
        post,
        `the title has ${post.title.length} characters, more than the ${MAX_HEADLINE} a headline may have; shorten it in WordPress and run the import again`,
      )
    }
    const reporterId = await this.reporterFor(post.creator)
    const categories = post.categories.filter((c) => c.domain === 'category')
    const sectionIds = categories.flatMap((c) => {
      const id = this.sectionBySlug.get(c.slug)
      return id === undefined ? [] : [id]
    })
    // The first category is the article's section; the others show it too.
    const sectionId = sectionIds[0] ?? (await this.fallbackSection())
    const tagNames = post.categories.filter((c) => c.domain === 'post_tag').map((c) => c.name)
    const uniqueTags = [...new Set(tagNames.map((t) => t.trim().slice(0, 40)).filter(Boolean))]
    if (uniqueTags.length > 20) this.summary.warnings.push(`post ${post.id}: only the first 20 tags kept`)
    const body = await htmlToDocument(wordpressContentToHtml(post.content), (ref) => this.resolveImage(ref))
    const thumbnail = Number(post.meta.get('_thumbnail_id') ?? 0)
    const leadPhotoId = thumbnail ? await this.photoFor(thumbnail) : null
    const headline = post.title || post.excerpt.slice(0, 60) || `WordPress #${post.id}`
    const id = await this.app.desk.createDraft(
      {
        sectionId,
        otherSectionIds: sectionIds.slice(1),
        headline,
        subheadline: post.excerpt.slice(0, 400),
        body,
        leadPhotoId,
        reporterIds: [reporterId],
        tags: uniqueTags.slice(0, 20),
      },
      null,
    )
    await this.sources.remember('post', post.id, id)
    if (post.commentStatus === 'closed') await this.app.comments.closeCommentsOn(id)
    await this.goLive(post, id, kind)
    this.count(kind, true)
    await this.importComments(post, id)
  }

  /** What a post becomes: a public article, a scheduled one, or a draft the desk can see. */
  private kindOf(post: WxrItem): Kind {
    if (post.status === 'future') return post.dateGmt ? 'scheduled' : 'draft'
    return post.status === 'publish' && !post.password ? 'article' : 'draft'
  }

  private async goLive(post: WxrItem, id: number, kind: Kind) {
    if (kind === 'scheduled' && post.dateGmt) {
      // Its time may have come while the export waited; the scheduler then publishes it at once.
      await this.app.desk.scheduleArticle(id, post.dateGmt)
      return
    }
    if (kind !== 'article') {
      // A private, pending or password-protected post was not public: the desk decides.
      const why = post.password ? 'password-protected' : post.status
      if (why !== 'draft') this.summary.warnings.push(`post ${post.id} is ${why}: imported as a draft`)
      return
    }
    await this.app.desk.publishArticle(id, post.dateGmt ?? this.app.clock.now().toISOString())
    this.published.add(post.id)
    if (post.sticky && !(await this.app.home.pinHeadline(id))) {
      this.summary.warnings.push(`post ${post.id} is sticky but every home headline slot is pinned already`)
    }
  }

  private async reporterFor(login: string): Promise<number> {
    const known = this.reporterByLogin.get(login)
    if (known !== undefined) return known
    // A post by someone missing from <wp:author> (a deleted user): make them a reporter too.
    await this.importAuthor({ id: 0, login, email: '', displayName: login })
    return this.reporterByLogin.get(login) as number
  }

  private async fallbackSection(): Promise<number> {
    const first = await this.app.sections.firstSectionId()
    if (first !== undefined) return first
    await this.importCategory({ id: 0, slug: 'news', name: '뉴스', parentSlug: null, description: '' })
    return this.sectionBySlug.get('news') as number
  }

  private async importComments(post: WxrItem, articleId: number) {
    const byId = new Map(post.comments.map((c) => [c.id, c]))
    // Replies to replies hang under the thread's first comment: we keep one level of replies.
    const rootOf = (id: number): number => {
      let current = byId.get(id)
      const seen = new Set<number>()
      while (current?.parentId && byId.has(current.parentId) && !seen.has(current.id)) {
        seen.add(current.id)
        current = byId.get(current.parentId)
      }
      return current?.id ?? id
    }
    const ordered = [...post.comments].sort((a, b) => (a.parentId === 0 ? 0 : 1) - (b.parentId === 0 ? 0 : 1))
    for (const comment of ordered) {
      if (comment.type !== 'comment' || !comment.text) continue
      const status = comment.approved === '1' ? 'published' : comment.approved === '0' ? 'held' : null
      if (!status) continue
      if (this.sources.find('comment', comment.id)) {
        this.count('comment', false)
        continue
      }
      const root = comment.parentId ? rootOf(comment.id) : comment.id
      const parentId = root !== comment.id ? Number(this.sources.find('comment', root) ?? 0) || null : null
      const at = comment.dateGmt ?? this.app.clock.now().toISOString()
      const staff = this.staffAuthorOf(comment)
      const id = await this.app.comments.importComment({
        articleId,
        parentId,
        readerId: null,
        guestName: staff?.name ?? (comment.author || '익명'),
        staffId: staff?.id ?? null,
        body: comment.text,
        status,
        createdAt: at,
      })
      await this.sources.remember('comment', comment.id, id)
      this.count('comment', true)
    }
  }

  /** The reporter behind a comment a WordPress user of the site wrote (an author's reply). */
  private staffAuthorOf(comment: WxrComment): { id: number; name: string } | undefined {
    if (!comment.userId) return undefined
    const author = this.wxr.authors.find((a) => a.id === comment.userId)
    const id = author && this.reporterByLogin.get(author.login)
    return author && id !== undefined ? { id, name: author.displayName } : undefined
  }

  private async importPage(page: WxrItem) {
    if (this.sources.find('page', page.id)) return this.count('page', false)
    let slug = sectionSlug(page.slug, page.id)
    // Never overwrite a page the outlet already has (its legal pages, say).
    if (await this.app.pages.findPage(slug)) {
      slug = `${slug}-wp${page.id}`
      this.summary.warnings.push(`page ${page.title}: the address is taken, imported as /page/${slug}`)
    }
    const body = await htmlToDocument(wordpressContentToHtml(page.content), (ref) => this.resolveImage(ref))
    await this.app.pages.savePage(slug, page.title.slice(0, 200) || slug, body)
    await this.sources.remember('page', page.id, slug)
    this.count('page', true)
  }
}

/** The readable form of a WordPress slug, safe in our URLs. */
function sectionSlug(wpSlug: string, id: number): string {
  const decoded = decodeSlug(wpSlug)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
  return decoded.slice(0, 80) || `wp-${id}`
}

function pathAfterUploads(url: string): string | null {
  const at = url.indexOf('/wp-content/uploads/')
  if (at < 0) return null
  return decodeSlug(url.slice(at + '/wp-content/uploads/'.length).split(/[?#]/)[0] ?? '')
}

const num = (text: string | undefined) => (text === undefined ? undefined : Number(text))

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 10)
