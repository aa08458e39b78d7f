// The articles as the search index reads them: the text and filters of each article, in
// batches for a rebuild, and the rows a result list shows. The search module is given these;
// the index is a projection of the articles tables, rebuilt from them.
import type { Kysely } from 'kysely'
import type { MediaService } from '../media/index.js'
import type { StaffService } from '../staff/index.js'
import { cardColumns } from './articles.repository.js'
import type { ArticlesTables } from './articles.table.js'
import type { ArticleDocument } from './document/document.schema.js'
import { documentText } from './document/document.text.js'

/** Who the names and photo lines come from: the staff directory and the photo library. */
export interface SearchSourceDeps {
  media: Pick<MediaService, 'findPhotos'>
  staff: Pick<StaffService, 'profiles'>
}

/** One article as the index keeps it: raw text (the index tokenizes it) and its filters. */
export interface ArticleForIndex {
  articleId: number
  status: string
  sectionId: number
  /** The desk's grade (headline, important, normal), for the newsroom's list filter. */
  grade: string
  reporterIds: number[]
  /** Publication time (UTC ISO), or the last update for an unpublished article. */
  datedAt: string
  headline: string
  /** The reporters' names in byline order. */
  byline: string
  /** Captions and credits of the lead photo and the photos in the body. */
  photos: string
  /** Subheadline, tags and body text (photo captions are in `photos`). */
  body: string
}

/** Withdrawn articles leave the index; every other status stays in it (drafts for the newsroom). */
export const isIndexable = (status: string) => status !== 'withdrawn'

type Loaded = { documents: ArticleForIndex[]; gone: number[] }

async function toDocuments(
  db: Kysely<ArticlesTables>,
  deps: SearchSourceDeps,
  rows: ArticleRow[],
): Promise<ArticleForIndex[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [reporters, tagRows, lines] = await Promise.all([
    db
      .selectFrom('articleReporters')
      .select(['articleId', 'staffId'])
      .where('articleId', 'in', ids)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('articleTags')
      .innerJoin('tags', 'tags.id', 'articleTags.tagId')
      .select(['articleTags.articleId', 'tags.name'])
      .where('articleTags.articleId', 'in', ids)
      .execute(),
    namesAndPhotos(db, deps, rows),
  ])
  const bylines = groupBy(
    reporters,
    (p) => p.articleId,
    (p) => p.staffId,
  )
  const tagNames = groupBy(
    tagRows,
    (t) => t.articleId,
    (t) => t.name,
  )
  return rows.map((r) => ({
    articleId: r.id,
    status: r.status,
    sectionId: r.sectionId,
    grade: r.grade,
    reporterIds: bylines.get(r.id) ?? [],
    datedAt: r.publishedAt ?? r.updatedAt,
    headline: r.headline,
    byline: lines.get(r.id)?.byline ?? '',
    photos: lines.get(r.id)?.photos ?? '',
    body: [r.subheadline, (tagNames.get(r.id) ?? []).join(' '), bodyText(r.body, false)].join('\n'),
  }))
}

function parseBody(json: string): ArticleDocument | null {
  try {
    return JSON.parse(json) as ArticleDocument
  } catch {
    // A body the renderer cannot read is still findable by its headline.
    return null
  }
}

/** The body as plain text; without photos when their captions are indexed as a field of their own. */
function bodyText(json: string, withCaptions: boolean): string {
  const doc = parseBody(json)
  if (!doc) return ''
  return documentText(withCaptions ? doc : { ...doc, content: doc.content.filter((b) => b.type !== 'photo') })
}

type Lines = { byline: string; photos: string }

/**
 * Each article's byline (reporter names) and photo lines (caption and credit of the lead
 * photo and of every photo in the body, the body's own caption first), as readers see them.
 */
async function namesAndPhotos(
  db: Kysely<ArticlesTables>,
  deps: SearchSourceDeps,
  rows: readonly Pick<ArticleRow, 'id' | 'body' | 'leadPhotoId'>[],
): Promise<Map<number, Lines>> {
  if (rows.length === 0) return new Map()
  const reporterRows = await db
    .selectFrom('articleReporters')
    .select(['articleId', 'staffId'])
    .where(
      'articleId',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('position')
    .execute()
  const docs = new Map(rows.map((r) => [r.id, parseBody(r.body)]))
  const photoIds = rows.flatMap((r) => [
    ...(r.leadPhotoId ? [r.leadPhotoId] : []),
    ...(docs.get(r.id)?.content ?? []).flatMap((b) => (b.type === 'photo' ? [b.attrs.photoId] : [])),
  ])
  const [profiles, photos] = await Promise.all([
    deps.staff.profiles([...new Set(reporterRows.map((r) => r.staffId))]),
    deps.media.findPhotos(photoIds),
  ])
  const names = groupBy(
    reporterRows,
    (r) => r.articleId,
    (r) => profiles.get(r.staffId)?.name ?? '',
  )
  return new Map(
    rows.map((r) => {
      const lead = r.leadPhotoId ? photos.get(r.leadPhotoId) : undefined
      const inline = (docs.get(r.id)?.content ?? []).flatMap((b) => {
        if (b.type !== 'photo') return []
        const photo = photos.get(b.attrs.photoId)
        return [b.attrs.caption ?? photo?.caption ?? '', b.attrs.credit ?? photo?.credit ?? '']
      })
      const lines = [lead?.caption ?? '', lead?.credit ?? '', ...inline].filter((t) => t.length > 0)
      return [r.id, { byline: (names.get(r.id) ?? []).join(' '), photos: lines.join('\n') }]
    }),
  )
}

const articleQuery = (db: Kysely<ArticlesTables>) =>
  db
    .selectFrom('articles')
    .select([
      'id',
      'status',
      'sectionId',
      'grade',
      'headline',
      'subheadline',
      'body',
      'leadPhotoId',
      'publishedAt',
      'updatedAt',
    ])

type ArticleRow = Awaited<ReturnType<ReturnType<typeof articleQuery>['execute']>>[number]

function groupBy<T, V>(items: readonly T[], key: (item: T) => number, value: (item: T) => V) {
  const groups = new Map<number, V[]>()
  for (const item of items) {
    const list = groups.get(key(item))
    if (list) list.push(value(item))
    else groups.set(key(item), [value(item)])
  }
  return groups
}

/** Documents for the given ids; ids that are missing or withdrawn come back as `gone`. */
export async function loadDocuments(
  db: Kysely<ArticlesTables>,
  deps: SearchSourceDeps,
  ids: readonly number[],
): Promise<Loaded> {
  if (ids.length === 0) return { documents: [], gone: [] }
  const rows = await articleQuery(db)
    .where('id', 'in', [...ids])
    .execute()
  const kept = rows.filter((r) => isIndexable(r.status))
  const keptIds = new Set(kept.map((r) => r.id))
  return { documents: await toDocuments(db, deps, kept), gone: ids.filter((id) => !keptIds.has(id)) }
}

/** The next batch of indexable articles after `afterId`, in id order, for a rebuild. */
export async function loadBatch(
  db: Kysely<ArticlesTables>,
  deps: SearchSourceDeps,
  afterId: number,
  limit: number,
) {
  const rows = await articleQuery(db).where('id', '>', afterId).orderBy('id').limit(limit).execute()
  const lastId = rows.at(-1)?.id ?? null
  const documents = await toDocuments(
    db,
    deps,
    rows.filter((r) => isIndexable(r.status)),
  )
  return { documents, lastId, scanned: rows.length }
}

export async function countArticles(db: Kysely<ArticlesTables>): Promise<number> {
  const row = await db
    .selectFrom('articles')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst()
  return Number(row?.n ?? 0)
}

/** Staff named in at least one byline, for the reporter filter. */
export async function bylineStaffIds(db: Kysely<ArticlesTables>): Promise<number[]> {
  const rows = await db.selectFrom('articleReporters').select('staffId').distinct().execute()
  return rows.map((r) => r.staffId)
}

/**
 * The rows a result list shows, with the body as plain text (for snippets and reranking) and
 * the byline and photo lines the index holds (for reranking).
 */
export async function resultRows(db: Kysely<ArticlesTables>, deps: SearchSourceDeps, ids: readonly number[]) {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('articles')
    .select([...cardColumns, 'articles.status', 'articles.updatedAt', 'articles.body'])
    .where('articles.id', 'in', [...ids])
    .execute()
  const lines = await namesAndPhotos(db, deps, rows)
  return rows.map(({ body, ...row }) => ({
    ...row,
    text: bodyText(body, false),
    byline: lines.get(row.id)?.byline ?? '',
    photos: lines.get(row.id)?.photos ?? '',
  }))
}

/** The functions above, bound to the database: what the search module is given. */
export function createArticlesSearchSource(db: Kysely<ArticlesTables>, deps: SearchSourceDeps) {
  return {
    loadDocuments: (ids: readonly number[]) => loadDocuments(db, deps, ids),
    loadBatch: (afterId: number, limit: number) => loadBatch(db, deps, afterId, limit),
    countArticles: () => countArticles(db),
    bylineStaffIds: () => bylineStaffIds(db),
    resultRows: (ids: readonly number[]) => resultRows(db, deps, ids),
  }
}

export type ArticlesSearchSource = ReturnType<typeof createArticlesSearchSource>
