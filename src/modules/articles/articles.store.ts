// Writing the articles tables: content, bylines, tags, related articles and the status column.
// The rules of the desk workflow (who may move an article from which state to which) live in
// the newsroom module, which calls these inside its own transaction (a UnitOfWork).
import type { Kysely, Updateable } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { executorFor, type UnitOfWork } from '../../platform/db/unit-of-work.js'
import { notFound } from '../../platform/errors.js'
import { sectionNeighbours } from './articles.repository.js'
import { ArticleInput } from './articles.schema.js'
import type { ArticleGrade, ArticleStatus, ArticlesTable, ArticlesTables } from './articles.table.js'
import { documentText, summarize } from './document/document.text.js'

export interface ArticlesStoreDeps {
  db: Kysely<ArticlesTables>
  clock: Clock
  bus: InvalidationBus
}

/** The text of an article as it stands, for the newsroom's kept versions. */
export interface ArticleText {
  headline: string
  subheadline: string
  body: string
  correctionNote: string | null
}

type Input = ReturnType<typeof ArticleInput.parse>

/** The columns an editor's save sets, drafts and corrections alike. */
const contentColumns = (input: Input) => ({
  sectionId: input.sectionId,
  headline: input.headline,
  subheadline: input.subheadline,
  body: JSON.stringify(input.body),
  summary: summarize(documentText(input.body, { captions: false })),
  leadPhotoId: input.leadPhotoId,
  grade: input.grade,
})

export function createArticlesStore(deps: ArticlesStoreDeps) {
  const { db } = deps
  const nowIso = () => deps.clock.now().toISOString()
  const on = (uow?: UnitOfWork) => executorFor(db, uow)

  async function writeRelations(q: Kysely<ArticlesTables>, articleId: number, input: Input) {
    await q.deleteFrom('articleReporters').where('articleId', '=', articleId).execute()
    if (input.reporterIds.length > 0) {
      await q
        .insertInto('articleReporters')
        .values(input.reporterIds.map((staffId, position) => ({ articleId, staffId, position })))
        .execute()
    }
    await q.deleteFrom('articleTags').where('articleId', '=', articleId).execute()
    const names = [...new Set(input.tags.map((t) => t.normalize('NFC')))]
    if (names.length > 0) {
      await q
        .insertInto('tags')
        .values(names.map((name) => ({ name })))
        .onConflict((oc) => oc.column('name').doNothing())
        .execute()
      const tagRows = await q.selectFrom('tags').select('id').where('name', 'in', names).execute()
      await q
        .insertInto('articleTags')
        .values(tagRows.map((t) => ({ articleId, tagId: t.id })))
        .execute()
    }
    await q.deleteFrom('articleSections').where('articleId', '=', articleId).execute()
    const others = [...new Set(input.otherSectionIds)].filter((id) => id !== input.sectionId)
    if (others.length > 0) {
      await q
        .insertInto('articleSections')
        .values(others.map((sectionId) => ({ articleId, sectionId })))
        .execute()
    }
    await q.deleteFrom('relatedArticles').where('articleId', '=', articleId).execute()
    const related = [...new Set(input.relatedIds)].filter((id) => id !== articleId)
    if (related.length > 0) {
      await q
        .insertInto('relatedArticles')
        .values(related.map((relatedId, position) => ({ articleId, relatedId, position })))
        .execute()
    }
  }

  const setColumns = (id: number, columns: Updateable<ArticlesTable>, uow?: UnitOfWork) =>
    on(uow).updateTable('articles').set(columns).where('id', '=', id).executeTakeFirst()

  return {
    /**
     * The section at this address, made (last in the menu) when there is none. The menu is on
     * every page, so a new section drops every cached page.
     */
    async findOrCreateSection(slug: string, name: string): Promise<{ id: number; created: boolean }> {
      const existing = await db
        .selectFrom('sections')
        .select('id')
        .where('slug', '=', slug)
        .executeTakeFirst()
      if (existing) return { id: existing.id, created: false }
      const last = await db
        .selectFrom('sections')
        .select((eb) => eb.fn.max('position').as('position'))
        .executeTakeFirst()
      const row = await db
        .insertInto('sections')
        .values({
          slug,
          name: name.slice(0, 100),
          position: Number(last?.position ?? -1) + 1,
          parentId: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      deps.bus.publish([tags.section(row.id), tags.outlet])
      return { id: row.id, created: true }
    },

    /** The id of the section at this address, if any. */
    async sectionIdBySlug(slug: string): Promise<number | undefined> {
      const row = await db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst()
      return row?.id
    },

    /** The first section of the menu, if there is any. */
    async firstSectionId(): Promise<number | undefined> {
      const row = await db
        .selectFrom('sections')
        .select('id')
        .orderBy('position')
        .orderBy('id')
        .executeTakeFirst()
      return row?.id
    },

    /** Replaces an article's related articles (the desk's order). */
    async setRelated(articleId: number, relatedIds: readonly number[]): Promise<void> {
      const related = [...new Set(relatedIds)].filter((id) => id !== articleId)
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('relatedArticles').where('articleId', '=', articleId).execute()
        if (related.length > 0) {
          await trx
            .insertInto('relatedArticles')
            .values(related.map((relatedId, position) => ({ articleId, relatedId, position })))
            .execute()
        }
      })
      deps.bus.publish([tags.article(articleId)])
    },

    /**
     * Stamps the 수정 time an imported article showed on its old site. Imports only: an edit
     * made here goes through the desk, which stamps and versions it.
     */
    async stampModified(id: number, at: string): Promise<void> {
      await setColumns(id, { modifiedAt: new Date(at).toISOString() })
      deps.bus.publish([tags.article(id)])
    },

    /** Checks the input and stores a new draft; returns its id. */
    async insertDraft(raw: ArticleInput, createdBy: number | null, uow: UnitOfWork): Promise<number> {
      const input = ArticleInput.parse(raw)
      const now = nowIso()
      const q = on(uow)
      const row = await q
        .insertInto('articles')
        .values({
          ...contentColumns(input),
          status: 'draft',
          createdBy,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await writeRelations(q, row.id, input)
      return row.id
    },

    /**
     * Checks the input and stores new content. `correction` is set for a published article:
     * the 수정 time is stamped and, when a note is given, it is printed on the page.
     */
    async updateContent(
      id: number,
      raw: ArticleInput,
      correction: { note?: string | null } | null,
      uow: UnitOfWork,
    ): Promise<void> {
      const input = ArticleInput.parse(raw)
      const now = nowIso()
      const q = on(uow)
      await setColumns(
        id,
        {
          ...contentColumns(input),
          updatedAt: now,
          ...(correction ? { modifiedAt: now } : {}),
          ...(correction && correction.note !== undefined ? { correctionNote: correction.note } : {}),
        },
        uow,
      )
      await writeRelations(q, id, input)
    },

    /** The article's status; throws NOT_FOUND when there is no such article. */
    async statusOf(id: number, uow?: UnitOfWork): Promise<ArticleStatus> {
      const row = await on(uow)
        .selectFrom('articles')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirst()
      if (!row) throw notFound('article')
      return row.status
    },

    async textOf(id: number, uow?: UnitOfWork): Promise<ArticleText> {
      return on(uow)
        .selectFrom('articles')
        .select(['headline', 'subheadline', 'body', 'correctionNote'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    },

    markSubmitted: (id: number, uow: UnitOfWork) =>
      setColumns(id, { status: 'submitted', submittedAt: nowIso(), updatedAt: nowIso() }, uow),
    markReturned: (id: number, note: string, uow: UnitOfWork) =>
      setColumns(id, { status: 'returned', deskNote: note, updatedAt: nowIso() }, uow),
    setGrade: (id: number, grade: ArticleGrade, uow: UnitOfWork) =>
      setColumns(id, { grade, deskNote: null, updatedAt: nowIso() }, uow),
    markScheduled: (id: number, at: string, uow: UnitOfWork) =>
      setColumns(id, { status: 'scheduled', scheduledAt: at }, uow),
    /**
     * Deletes a draft that never went out (its bylines, tags and log go with it, by the
     * foreign keys); false when the article is not such a draft.
     */
    async deleteDraft(id: number, uow: UnitOfWork): Promise<boolean> {
      const result = await on(uow)
        .deleteFrom('articles')
        .where('id', '=', id)
        .where('status', '=', 'draft')
        .where('publishedAt', 'is', null)
        .executeTakeFirst()
      return Number(result.numDeletedRows) > 0
    },
    markWithdrawn: (id: number, reason: string, uow: UnitOfWork) =>
      setColumns(
        id,
        { status: 'withdrawn', withdrawnReason: reason, scheduledAt: null, updatedAt: nowIso() },
        uow,
      ),

    /**
     * Undoes a withdrawal: an article that had been published goes back to readers with its
     * original 입력 time; one withdrawn before publication becomes a draft again.
     */
    async markRestored(id: number, uow: UnitOfWork): Promise<'published' | 'draft'> {
      const row = await on(uow)
        .selectFrom('articles')
        .select('publishedAt')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      const status = row.publishedAt ? 'published' : 'draft'
      await setColumns(id, { status, withdrawnReason: null, updatedAt: nowIso() }, uow)
      return status
    },

    /**
     * Sets the article live at `at` if its status is still one of `from`; false when it is not.
     * The status condition makes it safe when two nodes' schedulers pick the same article.
     */
    async markPublished(id: number, at: string, from: readonly ArticleStatus[], uow: UnitOfWork) {
      const result = await on(uow)
        .updateTable('articles')
        .set({ status: 'published', publishedAt: at, scheduledAt: null, updatedAt: nowIso() })
        .where('id', '=', id)
        .where('status', 'in', [...from])
        .executeTakeFirst()
      return Number(result.numUpdatedRows) > 0
    },

    /** Scheduled articles whose time has come, oldest first. */
    dueScheduled: () =>
      db
        .selectFrom('articles')
        .select(['id', 'scheduledAt'])
        .where('status', '=', 'scheduled')
        .where('scheduledAt', '<=', nowIso())
        .orderBy('scheduledAt')
        .execute(),

    /** The cache tags a change of this article touches: its page, its lists, its neighbours. */
    async affectedTags(articleId: number): Promise<string[]> {
      const article = await db
        .selectFrom('articles')
        .select(['id', 'sectionId', 'publishedAt', 'status'])
        .where('id', '=', articleId)
        .executeTakeFirst()
      if (!article) return [tags.article(articleId), tags.articleText(articleId)]
      const [reporters, tagRows, neighbours, otherSections] = await Promise.all([
        db.selectFrom('articleReporters').select('staffId').where('articleId', '=', articleId).execute(),
        db.selectFrom('articleTags').select('tagId').where('articleId', '=', articleId).execute(),
        article.publishedAt
          ? sectionNeighbours(db, {
              id: article.id,
              sectionId: article.sectionId,
              publishedAt: article.publishedAt,
            })
          : Promise.resolve({ previous: undefined, next: undefined }),
        db.selectFrom('articleSections').select('sectionId').where('articleId', '=', articleId).execute(),
      ])
      return [
        tags.article(articleId),
        tags.articleText(articleId),
        tags.section(article.sectionId),
        ...otherSections.map((s) => tags.section(s.sectionId)),
        tags.home,
        tags.latest,
        ...reporters.map((r) => tags.reporter(r.staffId)),
        ...tagRows.map((t) => tags.tag(t.tagId)),
        ...[neighbours.previous?.id, neighbours.next?.id].flatMap((id) => (id ? [tags.article(id)] : [])),
      ]
    },
  }
}

export type ArticlesStore = ReturnType<typeof createArticlesStore>
