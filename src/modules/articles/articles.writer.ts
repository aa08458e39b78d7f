// Writing articles: drafts, the desk workflow (출고 요청, 반려, 승인, 예약), publication and
// corrections. Every write announces exactly which cached pages it changes; every publishing
// action is logged, and every published text is kept as a version.
import type { Kysely, Transaction } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import type { Database } from '../../platform/db/database.js'
import { AppError, notFound } from '../../platform/errors.js'
import type { ArticleAction, VersionReason } from '../newsroom/newsroom.table.js'
import { sectionNeighbours } from './articles.repository.js'
import { ArticleInput } from './articles.schema.js'
import type { ArticleGrade, ArticleStatus } from './articles.table.js'
import { documentText, summarize } from './document/document.text.js'

export interface ArticlesWriterDeps {
  db: Kysely<Database>
  clock: Clock
  bus: InvalidationBus
}

type Db = Kysely<Database> | Transaction<Database>

export const invalidTransition = (from: ArticleStatus, action: string) =>
  new AppError('ARTICLE_INVALID_TRANSITION', 409, `Cannot ${action} an article that is ${from}`, {
    from,
    action,
  })

export function createArticlesWriter(deps: ArticlesWriterDeps) {
  const { db } = deps
  const nowIso = () => deps.clock.now().toISOString()

  async function writeRelations(
    trx: Transaction<Database>,
    articleId: number,
    input: ReturnType<typeof ArticleInput.parse>,
  ) {
    await trx.deleteFrom('articleReporters').where('articleId', '=', articleId).execute()
    await trx
      .insertInto('articleReporters')
      .values(input.reporterIds.map((staffId, position) => ({ articleId, staffId, position })))
      .execute()
    await trx.deleteFrom('articleTags').where('articleId', '=', articleId).execute()
    const names = [...new Set(input.tags.map((t) => t.normalize('NFC')))]
    if (names.length > 0) {
      await trx
        .insertInto('tags')
        .values(names.map((name) => ({ name })))
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
      const tagRows = await trx.selectFrom('tags').select('id').where('name', 'in', names).execute()
      await trx
        .insertInto('articleTags')
        .values(tagRows.map((t) => ({ articleId, tagId: t.id })))
        .execute()
    }
    await trx.deleteFrom('relatedArticles').where('articleId', '=', articleId).execute()
    const related = [...new Set(input.relatedIds)].filter((id) => id !== articleId)
    if (related.length > 0) {
      await trx
        .insertInto('relatedArticles')
        .values(related.map((relatedId, position) => ({ articleId, relatedId, position })))
        .execute()
    }
  }

  const logEvent = (
    q: Db,
    articleId: number,
    action: ArticleAction,
    by: number | null,
    note?: string | null,
  ) =>
    q
      .insertInto('articleEvents')
      .values({ articleId, staffId: by, action, note: note ?? null, createdAt: nowIso() })
      .execute()

  /** Keeps the text as it is now, so corrections can be compared later. */
  async function keepVersion(q: Db, articleId: number, reason: VersionReason, by: number | null) {
    const a = await q
      .selectFrom('articles')
      .select(['headline', 'subheadline', 'body', 'correctionNote'])
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow()
    await q
      .insertInto('articleVersions')
      .values({
        articleId,
        headline: a.headline,
        subheadline: a.subheadline,
        body: a.body,
        reason,
        correctionNote: reason === 'corrected' ? a.correctionNote : null,
        savedBy: by,
        savedAt: nowIso(),
      })
      .execute()
  }

  async function statusOf(q: Db, id: number): Promise<ArticleStatus> {
    const row = await q.selectFrom('articles').select('status').where('id', '=', id).executeTakeFirst()
    if (!row) throw notFound('article')
    return row.status
  }

  /** The cache tags a change of this article touches: its page, its lists, its neighbours. */
  async function affectedTags(articleId: number): Promise<string[]> {
    const article = await db
      .selectFrom('articles')
      .select(['id', 'sectionId', 'publishedAt', 'status'])
      .where('id', '=', articleId)
      .executeTakeFirst()
    if (!article) return [tags.article(articleId), tags.articleText(articleId)]
    const [reporters, tagRows, neighbours] = await Promise.all([
      db.selectFrom('articleReporters').select('staffId').where('articleId', '=', articleId).execute(),
      db.selectFrom('articleTags').select('tagId').where('articleId', '=', articleId).execute(),
      article.publishedAt
        ? sectionNeighbours(db, {
            id: article.id,
            sectionId: article.sectionId,
            publishedAt: article.publishedAt,
          })
        : Promise.resolve({ previous: undefined, next: undefined }),
    ])
    return [
      tags.article(articleId),
      tags.articleText(articleId),
      tags.section(article.sectionId),
      tags.home,
      tags.latest,
      ...reporters.map((r) => tags.reporter(r.staffId)),
      ...tagRows.map((t) => tags.tag(t.tagId)),
      ...[neighbours.previous?.id, neighbours.next?.id].flatMap((id) => (id ? [tags.article(id)] : [])),
    ]
  }

  /**
   * Moves a published-to-be article live. The status condition in the UPDATE makes it safe
   * when two nodes' schedulers pick the same article: only one of them changes a row.
   */
  async function goLive(id: number, at: string, by: number | null, from: ArticleStatus[]): Promise<boolean> {
    const published = await db.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('articles')
        .set({ status: 'published', publishedAt: at, scheduledAt: null, updatedAt: nowIso() })
        .where('id', '=', id)
        .where('status', 'in', from)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) return false
      await keepVersion(trx, id, 'published', by)
      await logEvent(trx, id, 'published', by)
      return true
    })
    if (published) deps.bus.publish(await affectedTags(id))
    return published
  }

  return {
    affectedTags,

    /** Creates a draft and returns its id. */
    async createDraft(raw: ArticleInput, createdBy: number | null): Promise<number> {
      const input = ArticleInput.parse(raw)
      const now = nowIso()
      const id = await db.transaction().execute(async (trx) => {
        const row = await trx
          .insertInto('articles')
          .values({
            sectionId: input.sectionId,
            headline: input.headline,
            subheadline: input.subheadline,
            body: JSON.stringify(input.body),
            summary: summarize(documentText(input.body)),
            leadPhotoId: input.leadPhotoId,
            status: 'draft',
            grade: input.grade,
            createdBy,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
        await writeRelations(trx, row.id, input)
        if (createdBy !== null) await logEvent(trx, row.id, 'created', createdBy)
        return row.id
      })
      // No reader page shows a draft; the search index (newsroom search) listens for it.
      deps.bus.publish([tags.article(id), tags.articleText(id)])
      return id
    },

    /**
     * Saves new content. For a published article this is a correction: 수정 time is set, the
     * optional note is printed on the page, and the corrected text is kept as a version.
     */
    async updateArticle(
      id: number,
      raw: ArticleInput,
      correctionNote?: string | null,
      by: number | null = null,
    ): Promise<void> {
      const input = ArticleInput.parse(raw)
      const now = nowIso()
      const before = await affectedTags(id)
      await db.transaction().execute(async (trx) => {
        const status = await statusOf(trx, id)
        if (status === 'withdrawn') throw invalidTransition(status, 'edit')
        const published = status === 'published'
        await trx
          .updateTable('articles')
          .set({
            sectionId: input.sectionId,
            headline: input.headline,
            subheadline: input.subheadline,
            body: JSON.stringify(input.body),
            summary: summarize(documentText(input.body)),
            leadPhotoId: input.leadPhotoId,
            grade: input.grade,
            updatedAt: now,
            ...(published ? { modifiedAt: now } : {}),
            ...(published && correctionNote !== undefined ? { correctionNote } : {}),
          })
          .where('id', '=', id)
          .execute()
        await writeRelations(trx, id, input)
        if (published) {
          await keepVersion(trx, id, 'corrected', by)
          await logEvent(trx, id, 'corrected', by, correctionNote)
        }
      })
      deps.bus.publish([...new Set([...before, ...(await affectedTags(id))])])
    },

    /** Publishes now (or at the given time, used by the seeder and imports). */
    async publishArticle(id: number, at?: string, by: number | null = null): Promise<void> {
      const when = at ? new Date(at).toISOString() : nowIso()
      const status = await statusOf(db, id)
      if (status === 'published' || status === 'withdrawn') throw invalidTransition(status, 'publish')
      await goLive(id, when, by, [status])
    },

    async withdrawArticle(id: number, reason: string, by: number | null = null): Promise<void> {
      const before = await affectedTags(id)
      await db.transaction().execute(async (trx) => {
        await statusOf(trx, id)
        await trx
          .updateTable('articles')
          .set({ status: 'withdrawn', withdrawnReason: reason, scheduledAt: null, updatedAt: nowIso() })
          .where('id', '=', id)
          .execute()
        await logEvent(trx, id, 'withdrawn', by, reason)
      })
      deps.bus.publish(before)
    },

    /** 출고 요청: the reporter sends the article to the desk. */
    async submitArticle(id: number, by: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const status = await statusOf(trx, id)
        if (status !== 'draft' && status !== 'returned') throw invalidTransition(status, 'submit')
        await trx
          .updateTable('articles')
          .set({ status: 'submitted', submittedAt: nowIso(), updatedAt: nowIso() })
          .where('id', '=', id)
          .execute()
        await logEvent(trx, id, 'submitted', by)
      })
      // The newsroom's search filters by status.
      deps.bus.publish([tags.articleText(id)])
    },

    /** 반려: the desk sends the article back with a note. */
    async returnArticle(id: number, note: string, by: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const status = await statusOf(trx, id)
        if (status !== 'submitted') throw invalidTransition(status, 'return')
        await trx
          .updateTable('articles')
          .set({ status: 'returned', deskNote: note, updatedAt: nowIso() })
          .where('id', '=', id)
          .execute()
        await logEvent(trx, id, 'returned', by, note)
      })
      deps.bus.publish([tags.articleText(id)])
    },

    /**
     * 승인: the desk grades the article and publishes it now or schedules it for `at`.
     * A draft or returned article can be approved too: the desk may write and publish itself.
     */
    async approveArticle(id: number, opts: { grade: ArticleGrade; at?: string | null; by: number }) {
      const status = await statusOf(db, id)
      if (!['draft', 'submitted', 'returned', 'scheduled'].includes(status)) {
        throw invalidTransition(status, 'approve')
      }
      const now = deps.clock.now()
      const at = opts.at ? new Date(opts.at) : null
      await db.transaction().execute(async (trx) => {
        await trx
          .updateTable('articles')
          .set({ grade: opts.grade, deskNote: null, updatedAt: now.toISOString() })
          .where('id', '=', id)
          .execute()
        await logEvent(trx, id, 'approved', opts.by, opts.grade)
      })
      if (at && at.getTime() > now.getTime()) {
        await db.transaction().execute(async (trx) => {
          await trx
            .updateTable('articles')
            .set({ status: 'scheduled', scheduledAt: at.toISOString() })
            .where('id', '=', id)
            .execute()
          await logEvent(trx, id, 'scheduled', opts.by, at.toISOString())
        })
        deps.bus.publish([tags.articleText(id)])
        return 'scheduled' as const
      }
      await goLive(id, now.toISOString(), opts.by, [status])
      return 'published' as const
    },

    /** Publishes every scheduled article whose time has come, at its scheduled time. */
    async publishDue(): Promise<number[]> {
      const due = await db
        .selectFrom('articles')
        .select(['id', 'scheduledAt'])
        .where('status', '=', 'scheduled')
        .where('scheduledAt', '<=', nowIso())
        .orderBy('scheduledAt')
        .execute()
      const published: number[] = []
      for (const row of due) {
        if (await goLive(row.id, row.scheduledAt ?? nowIso(), null, ['scheduled'])) published.push(row.id)
      }
      return published
    },
  }
}

export type ArticlesWriter = ReturnType<typeof createArticlesWriter>
