// `sinmun import rss`: for outlets on systems without a WordPress-style export. Each feed item
// becomes a published article (by its guid, so a feed read every hour adds only new items);
// images in the item and its enclosure are fetched and stored as photos.
import { createHash } from 'node:crypto'
import { XMLParser } from 'fast-xml-parser'
import { htmlToDocument, type ImageRef } from '../html-to-document.js'
import type { ImportServices } from '../import-services.js'
import { createImportSources } from '../import-sources.js'
import { noProgress, type Progress } from '../progress.js'
import { decodeText } from '../wordpress/wxr.js'

export interface RssImportOptions {
  /** Section slug for the articles; the first section when absent. */
  section?: string | null
  progress?: Progress
  /** Fetches images; tests and the CLI use the global fetch. */
  fetchImage?: (url: string) => Promise<Buffer | null>
}

export interface RssImportSummary {
  created: number
  skipped: number
  photos: number
  warnings: string[]
}

interface FeedItem {
  guid: string
  title: string
  link: string
  html: string
  author: string
  publishedAt: string | null
  categories: string[]
  enclosure: string | null
}

type Raw = Record<string, unknown>
const str = (v: unknown): string =>
  v === undefined || v === null ? '' : typeof v === 'object' ? str((v as Raw)['#text']) : String(v)
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v])

const MAX_IMAGE_BYTES = 20 * 1024 * 1024

/** Reads RSS 2.0 or Atom into items; throws with a clear message on anything else. */
export function parseFeed(xml: string): { link: string; title: string; items: FeedItem[] } {
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
  }).parse(xml) as Raw
  const channel = (doc.rss as Raw | undefined)?.channel as Raw | undefined
  if (channel) {
    return {
      link: str(channel.link),
      title: decodeText(str(channel.title)),
      items: arr(channel.item).map((i) => {
        const item = i as Raw
        const html = str(item['content:encoded']) || str(item.description)
        const enclosure = item.enclosure as Raw | undefined
        return {
          guid: str(item.guid) || str(item.link) || hash(str(item.title) + html),
          title: decodeText(str(item.title)),
          link: str(item.link),
          html,
          author: decodeText(str(item['dc:creator']) || str(item.author)),
          publishedAt: isoDate(str(item.pubDate) || str(item['dc:date'])),
          categories: arr(item.category)
            .map((c) => decodeText(str(c)))
            .filter(Boolean),
          enclosure: str(enclosure?.['@type']).startsWith('image/') ? str(enclosure?.['@url']) : null,
        }
      }),
    }
  }
  const feed = doc.feed as Raw | undefined
  if (feed) {
    const linkOf = (v: unknown) =>
      str((arr(v).find((l) => !(l as Raw)['@rel'] || (l as Raw)['@rel'] === 'alternate') as Raw)?.['@href'])
    return {
      link: linkOf(feed.link),
      title: decodeText(str(feed.title)),
      items: arr(feed.entry).map((e) => {
        const entry = e as Raw
        return {
          guid: str(entry.id) || linkOf(entry.link),
          title: decodeText(str(entry.title)),
          link: linkOf(entry.link),
          html: str(entry.content) || str(entry.summary),
          author: decodeText(str((entry.author as Raw | undefined)?.name)),
          publishedAt: isoDate(str(entry.published) || str(entry.updated)),
          categories: arr(entry.category)
            .map((c) => str((c as Raw)['@term']))
            .filter(Boolean),
          enclosure: null,
        }
      }),
    }
  }
  throw new Error('This is neither an RSS 2.0 nor an Atom feed.')
}

function isoDate(value: string): string | null {
  if (!value) return null
  const time = Date.parse(value)
  return Number.isNaN(time) ? null : new Date(time).toISOString()
}

const hash = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 16)

async function fetchImageOverHttp(url: string): Promise<Buffer | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(15_000) })
    if (!response.ok) return null
    const length = Number(response.headers.get('content-length') ?? 0)
    if (length > MAX_IMAGE_BYTES) return null
    const data = Buffer.from(await response.arrayBuffer())
    return data.length > MAX_IMAGE_BYTES ? null : data
  } catch {
    return null
  }
}

export async function importRss(
  app: ImportServices,
  xml: string,
  options: RssImportOptions = {},
): Promise<RssImportSummary> {
  const feed = parseFeed(xml)
  const sources = createImportSources(app.db, app.clock, `rss:${feed.link || feed.title}`)
  await sources.load()
  const summary: RssImportSummary = { created: 0, skipped: 0, photos: 0, warnings: [] }
  const sectionId = options.section
    ? await app.sections.sectionIdBySlug(options.section)
    : await app.sections.firstSectionId()
  if (sectionId === undefined) {
    throw new Error(
      options.section
        ? `No section with the address ${options.section}.`
        : 'Create a section before importing.',
    )
  }
  const fetchImage = options.fetchImage ?? fetchImageOverHttp
  const progress = options.progress ?? noProgress

  const photoFrom = async (url: string, ref?: ImageRef): Promise<number | null> => {
    const absolute = safeUrl(url, feed.link)
    if (!absolute) return null
    const known = sources.find('image', absolute)
    if (known) return Number(known)
    const data = await fetchImage(absolute)
    if (!data) {
      summary.warnings.push(`image not fetched: ${absolute}`)
      return null
    }
    try {
      const photo = await app.media.storePhoto(data, {
        alt: ref?.alt ?? '',
        caption: ref?.caption ?? '',
      })
      await sources.remember('image', absolute, photo.id)
      summary.photos++
      return photo.id
    } catch {
      summary.warnings.push(`not an image: ${absolute}`)
      return null
    }
  }

  progress.start(feed.items.length)
  // Oldest first, so ids follow publication order as they would have here.
  const items = [...feed.items].reverse()
  for (const item of items) {
    progress.tick(item.title)
    if (sources.find('item', item.guid)) {
      summary.skipped++
      continue
    }
    const reporterId = await reporterFor(app, item.author || feed.title || 'RSS')
    const body = await htmlToDocument(item.html, (ref) => photoFrom(ref.src, ref))
    const leadPhotoId = item.enclosure ? await photoFrom(item.enclosure) : null
    const id = await app.desk.createDraft(
      {
        sectionId,
        headline: (item.title || item.link || item.guid).slice(0, 200),
        body,
        leadPhotoId,
        reporterIds: [reporterId],
        tags: [...new Set(item.categories.map((c) => c.slice(0, 40)))].slice(0, 20),
      },
      null,
    )
    await sources.remember('item', item.guid, id)
    await app.desk.publishArticle(id, item.publishedAt ?? app.clock.now().toISOString())
    summary.created++
  }
  progress.done()
  return summary
}

function safeUrl(url: string, base: string): string | null {
  try {
    const absolute = new URL(url, base || undefined)
    return absolute.protocol === 'http:' || absolute.protocol === 'https:' ? absolute.href : null
  } catch {
    return null
  }
}

/** The reporter named in the feed, found by name or made without a password. */
async function reporterFor(app: ImportServices, name: string): Promise<number> {
  const clean = name.slice(0, 100)
  return (
    (await app.staff.findIdByName(clean)) ??
    (await app.staff.createAccount({
      email: `rss-${hash(clean)}@imported.invalid`,
      name: clean,
      role: 'reporter',
    }))
  )
}
