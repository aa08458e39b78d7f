// The desk workflow: drafts, 출고 요청, 반려, 승인 with a grade, 예약, publication, corrections and
// withdrawal. Each action is one transaction: the status is read, checked and changed together
// with the publishing log and the kept version, so two desk members acting at once cannot both
// succeed. The article rows are the articles module's; this module owns the log and versions.
// Every write then announces exactly which cached pages it changed.
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { inTransaction, type UnitOfWork } from '../../platform/db/unit-of-work.js'
import {
  type ArticleGrade,
  type ArticleInput,
  type ArticleStatus,
  type ArticlesStore,
  articlesErrors,
} from '../articles/index.js'
import type { StaffService } from '../staff/index.js'
import {
  eventsOf,
  lastSubmittedAt,
  logEvent,
  type NewArticleEvent,
  saveVersion,
  versionsOf,
} from './newsroom.repository.js'
import type { NewsroomTables, VersionReason } from './newsroom.table.js'

export interface DeskDeps {
  db: Kysely<NewsroomTables>
  clock: Clock
  bus: InvalidationBus
  articles: ArticlesStore
  staff: Pick<StaffService, 'profiles'>
}

const APPROVABLE = ['draft', 'submitted', 'returned', 'scheduled'] as const

export function createDeskService(deps: DeskDeps) {
  const { db, articles } = deps
  const nowIso = () => deps.clock.now().toISOString()
  const transaction = <R>(work: (uow: UnitOfWork) => Promise<R>) => inTransaction(db, work)
  const log = (uow: UnitOfWork, event: Omit<NewArticleEvent, 'createdAt'>) =>
    logEvent(uow, db, { ...event, createdAt: nowIso() })

  /** Keeps the text as it is now, so corrections can be compared later. */
  async function keepVersion(uow: UnitOfWork, articleId: number, reason: VersionReason, by: number | null) {
    const text = await articles.textOf(articleId, uow)
    await saveVersion(uow, db, {
      articleId,
      ...text,
      reason,
      correctionNote: reason === 'corrected' ? text.correctionNote : null,
      savedBy: by,
      savedAt: nowIso(),
    })
  }

  /** Inside a transaction: makes the article live at `at` if its status is still one of `from`. */
  async function goLive(uow: UnitOfWork, id: number, at: string, by: number | null, from: ArticleStatus[]) {
    if (!(await articles.markPublished(id, at, from, uow))) return false
    await keepVersion(uow, id, 'published', by)
    await log(uow, { articleId: id, staffId: by, action: 'published' })
    return true
  }

  const announce = async (id: number, before: readonly string[] = []) =>
    deps.bus.publish([...new Set([...before, ...(await articles.affectedTags(id))])])

  return {
    /** The kept versions and the publishing log of an article, with who acted. */
    async history(articleId: number) {
      const [versions, events] = await Promise.all([versionsOf(db, articleId), eventsOf(db, articleId)])
      const staff = await deps.staff.profiles([
        ...new Set(events.flatMap((e) => (e.staffId ? [e.staffId] : []))),
      ])
      return {
        versions,
        events: events.map(({ staffId, ...e }) => ({
          ...e,
          staffName: staffId === null ? null : (staff.get(staffId)?.name ?? null),
        })),
      }
    },

    /** When each of these articles was last sent to the desk (출고 요청). */
    async requestedAt(articleIds: readonly number[]): Promise<Map<number, string>> {
      const rows = await lastSubmittedAt(db, articleIds)
      return new Map(rows.map((r) => [r.articleId, String(r.at)]))
    },

    /** Creates a draft and returns its id. */
    async createDraft(input: ArticleInput, createdBy: number | null): Promise<number> {
      const id = await transaction(async (uow) => {
        const created = await articles.insertDraft(input, createdBy, uow)
        if (createdBy !== null) await log(uow, { articleId: created, staffId: createdBy, action: 'created' })
        return created
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
      input: ArticleInput,
      correctionNote?: string | null,
      by: number | null = null,
    ): Promise<void> {
      const before = await articles.affectedTags(id)
      await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (status === 'withdrawn') throw articlesErrors.invalidTransition(status, 'edit')
        const published = status === 'published'
        await articles.updateContent(id, input, published ? { note: correctionNote } : null, uow)
        if (published) {
          await keepVersion(uow, id, 'corrected', by)
          await log(uow, { articleId: id, staffId: by, action: 'corrected', note: correctionNote ?? null })
        }
      })
      await announce(id, before)
    },

    /** Publishes now (or at the given time, used by the seeder and imports). */
    async publishArticle(id: number, at?: string, by: number | null = null): Promise<void> {
      const when = at ? new Date(at).toISOString() : nowIso()
      const published = await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (status === 'published' || status === 'withdrawn')
          throw articlesErrors.invalidTransition(status, 'publish')
        return goLive(uow, id, when, by, [status])
      })
      if (published) await announce(id)
    },

    /** 철회: readers get a notice instead of the article (410); the desk can undo it. */
    async withdrawArticle(id: number, reason: string, by: number | null = null): Promise<void> {
      const before = await articles.affectedTags(id)
      await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (status === 'withdrawn') throw articlesErrors.invalidTransition(status, 'withdraw')
        await articles.markWithdrawn(id, reason, uow)
        await log(uow, { articleId: id, staffId: by, action: 'withdrawn', note: reason })
      })
      deps.bus.publish(before)
    },

    /** Deletes a reporter's draft that never went out; anything else is withdrawn instead. */
    async deleteDraft(id: number): Promise<void> {
      await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (!(await articles.deleteDraft(id, uow))) throw articlesErrors.invalidTransition(status, 'delete')
      })
      // The index drops it (the article is gone).
      deps.bus.publish([tags.articleText(id)])
    },

    /** Undoes 철회: back to readers if it had been published, otherwise a draft again. */
    async restoreArticle(id: number, by: number): Promise<'published' | 'draft'> {
      const restored = await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (status !== 'withdrawn') throw articlesErrors.invalidTransition(status, 'restore')
        const now = await articles.markRestored(id, uow)
        await log(uow, { articleId: id, staffId: by, action: 'restored', note: null })
        return now
      })
      await announce(id)
      return restored
    },

    /** 출고 요청: the reporter sends the article to the desk. */
    async submitArticle(id: number, by: number): Promise<void> {
      await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (status !== 'draft' && status !== 'returned')
          throw articlesErrors.invalidTransition(status, 'submit')
        await articles.markSubmitted(id, uow)
        await log(uow, { articleId: id, staffId: by, action: 'submitted' })
      })
      // The newsroom's search filters by status.
      deps.bus.publish([tags.articleText(id)])
    },

    /** 반려: the desk sends the article back with a note. */
    async returnArticle(id: number, note: string, by: number): Promise<void> {
      await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (status !== 'submitted') throw articlesErrors.invalidTransition(status, 'return')
        await articles.markReturned(id, note, uow)
        await log(uow, { articleId: id, staffId: by, action: 'returned', note })
      })
      deps.bus.publish([tags.articleText(id)])
    },

    /**
     * Schedules an imported draft for its time (a WordPress scheduled post); the scheduler
     * publishes it then, as it does the desk's own 예약 출고.
     */
    async scheduleArticle(id: number, at: string, by: number | null = null): Promise<void> {
      const when = new Date(at).toISOString()
      await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (status !== 'draft') throw articlesErrors.invalidTransition(status, 'schedule')
        await articles.markScheduled(id, when, uow)
        await log(uow, { articleId: id, staffId: by, action: 'scheduled', note: when })
      })
      deps.bus.publish([tags.articleText(id)])
    },

    /**
     * 승인: the desk grades the article and publishes it now or schedules it for `at`.
     * A draft or returned article can be approved too: the desk may write and publish itself.
     */
    async approveArticle(id: number, opts: { grade: ArticleGrade; at?: string | null; by: number }) {
      const now = deps.clock.now()
      const at = opts.at ? new Date(opts.at) : null
      const outcome = await transaction(async (uow) => {
        const status = await articles.statusOf(id, uow)
        if (!(APPROVABLE as readonly string[]).includes(status)) {
          throw articlesErrors.invalidTransition(status, 'approve')
        }
        await articles.setGrade(id, opts.grade, uow)
        await log(uow, { articleId: id, staffId: opts.by, action: 'approved', note: opts.grade })
        if (at && at.getTime() > now.getTime()) {
          await articles.markScheduled(id, at.toISOString(), uow)
          await log(uow, { articleId: id, staffId: opts.by, action: 'scheduled', note: at.toISOString() })
          return 'scheduled' as const
        }
        await goLive(uow, id, now.toISOString(), opts.by, [status])
        return 'published' as const
      })
      if (outcome === 'scheduled') deps.bus.publish([tags.articleText(id)])
      else await announce(id)
      return outcome
    },

    /** Publishes every scheduled article whose time has come, at its scheduled time. */
    async publishDue(): Promise<number[]> {
      const published: number[] = []
      for (const row of await articles.dueScheduled()) {
        const live = await transaction((uow) =>
          goLive(uow, row.id, row.scheduledAt ?? nowIso(), null, ['scheduled']),
        )
        if (live) {
          published.push(row.id)
          await announce(row.id)
        }
      }
      return published
    },
  }
}

export type DeskService = ReturnType<typeof createDeskService>
