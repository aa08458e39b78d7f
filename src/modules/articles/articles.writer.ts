// Writing articles: drafts, publication and corrections. Every write announces exactly
// which cached pages it changes.
import type { Kysely, Transaction } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import type { Database } from '../../platform/db/database.js'
import { notFound } from '../../platform/errors.js'
import { sectionNeighbours } from './articles.repository.js'
import { ArticleInput } from './articles.schema.js'
import { documentText, summarize } from './document/document.text.js'

export interface ArticlesWriterDeps {
  db: Kysely<Database>
  clock: Clock
  bus: InvalidationBus
}

export function createArticlesWriter(deps: ArticlesWriterDeps) {
  const { db } = deps

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
    const related = input.relatedIds.filter((id) => id !== articleId)
    if (related.length > 0) {
      await trx
        .insertInto('relatedArticles')
        .values(related.map((relatedId, position) => ({ articleId, relatedId, position })))
        .execute()
    }
  }

  /** The cache tags a change of this article touches: its page, its lists, its neighbours. */
  async function affectedTags(articleId: number): Promise<string[]> {
    const article = await db
      .selectFrom('articles')
      .select(['id', 'sectionId', 'publishedAt', 'status'])
      .where('id', '=', articleId)
      .executeTakeFirst()
    if (!article) return [tags.article(articleId)]
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
      tags.section(article.sectionId),
      tags.home,
      tags.latest,
      ...reporters.map((r) => tags.reporter(r.staffId)),
      ...tagRows.map((t) => tags.tag(t.tagId)),
      ...[neighbours.previous?.id, neighbours.next?.id].flatMap((id) => (id ? [tags.article(id)] : [])),
    ]
  }

  return {
    affectedTags,

    /** Creates a draft and returns its id. */
    async createDraft(raw: ArticleInput, createdBy: number | null): Promise<number> {
      const input = ArticleInput.parse(raw)
      const now = deps.clock.now().toISOString()
      return db.transaction().execute(async (trx) => {
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
        return row.id
      })
    },

    /**
     * Saves new content. For a published article this is a correction: 수정 time is set
     * and the optional note is printed on the page.
     */
    async updateArticle(id: number, raw: ArticleInput, correctionNote?: string | null): Promise<void> {
      const input = ArticleInput.parse(raw)
      const now = deps.clock.now().toISOString()
      const before = await affectedTags(id)
      await db.transaction().execute(async (trx) => {
        const current = await trx
          .selectFrom('articles')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirst()
        if (!current) throw notFound('article')
        const published = current.status === 'published'
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
      })
      deps.bus.publish([...new Set([...before, ...(await affectedTags(id))])])
    },

    /** Publishes now (or at the given time, used by the seeder and imports). */
    async publishArticle(id: number, at?: string): Promise<void> {
      const now = at ? new Date(at).toISOString() : deps.clock.now().toISOString()
      const result = await db
        .updateTable('articles')
        .set({ status: 'published', publishedAt: now, scheduledAt: null })
        .where('id', '=', id)
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) === 0) throw notFound('article')
      deps.bus.publish(await affectedTags(id))
    },

    async withdrawArticle(id: number, reason: string): Promise<void> {
      const before = await affectedTags(id)
      await db
        .updateTable('articles')
        .set({ status: 'withdrawn', withdrawnReason: reason, updatedAt: deps.clock.now().toISOString() })
        .where('id', '=', id)
        .execute()
      deps.bus.publish(before)
    },
  }
}

export type ArticlesWriter = ReturnType<typeof createArticlesWriter>
