// What staff do to keep the comment section clean: hide, restore or delete comments,
// suspend readers, keep the banned-word list and the comment rules. Every action is
// written to moderation_log with who did it and when. The newsroom's moderation page is
// built on this service; keep the signatures stable.
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { commentsErrors as errors } from './comments.errors.js'
import type { CommentAuthors, CommentedArticles } from './comments.ports.js'
import * as repo from './comments.repository.js'
import type { CommentSettings, CommentSettingsStore } from './comments.settings.js'
import type { CommentStatus, CommentsTables } from './comments.table.js'

export interface ModerationDeps {
  db: Kysely<CommentsTables>
  clock: Clock
  bus: InvalidationBus
  settings: CommentSettingsStore
  articles: Pick<CommentedArticles, 'headlines'>
  authors: CommentAuthors
  /** Suspends (or reinstates) a reader and ends their sessions; from the accounts module. */
  setReaderSuspended: (readerId: number, suspended: boolean) => Promise<void>
  /** Called after the banned-word list changed (drops cached copies). */
  bannedWordsChanged: () => void
}

/** The queues a moderator works through. */
export type ModerationQueue = 'held' | 'reported' | 'hidden'

export interface ModerationItem {
  id: number
  articleId: number
  articleHeadline: string
  parentId: number | null
  /** Display name of the reader, or the guest's name. */
  author: string
  readerId: number | null
  readerSuspended: boolean
  guest: boolean
  body: string
  status: CommentStatus
  reports: number
  /** Distinct report reasons given by readers. */
  reportReasons: string[]
  createdAt: string
}

export interface ModerationLogEntry {
  id: number
  staffId: number
  action: string
  target: string
  detail: string
  createdAt: string
}

export function createModerationService(deps: ModerationDeps) {
  const { db, clock, bus } = deps
  const now = () => clock.now().toISOString()

  async function log(staffId: number, action: string, target: string, detail = '') {
    await db
      .insertInto('moderationLog')
      .values({ staffId, action, target, detail, createdAt: now() })
      .execute()
  }

  async function requireComment(id: number) {
    const comment = await repo.findComment(db, id)
    if (!comment) throw errors.notFound()
    return comment
  }

  return {
    /** Comments waiting in a queue, newest first. 'reported' = published with reports. */
    async listForModeration(options: { status: ModerationQueue; limit?: number; offset?: number }) {
      let query = db
        .selectFrom('comments')
        .select([
          'comments.id',
          'comments.articleId',
          'comments.parentId',
          'comments.readerId',
          'comments.guestName',
          'comments.body',
          'comments.status',
          'comments.reports',
          'comments.createdAt',
        ])
      query =
        options.status === 'reported'
          ? query.where('comments.status', '=', 'published').where('comments.reports', '>', 0)
          : query.where('comments.status', '=', options.status)
      const rows = await query
        .orderBy('comments.createdAt', 'desc')
        .orderBy('comments.id', 'desc')
        .limit(options.limit ?? 50)
        .offset(options.offset ?? 0)
        .execute()
      const ids = rows.map((r) => r.id)
      const [headlines, authors] = await Promise.all([
        deps.articles.headlines([...new Set(rows.map((r) => r.articleId))]),
        deps.authors.profiles([...new Set(rows.flatMap((r) => (r.readerId === null ? [] : [r.readerId])))]),
      ])
      const reasons = ids.length
        ? await db
            .selectFrom('commentReports')
            .select(['commentId', 'reason'])
            .where('commentId', 'in', ids)
            .execute()
        : []
      // A comment on an article that no longer exists is left out, as the join used to.
      return rows.flatMap((r): ModerationItem[] => {
        const articleHeadline = headlines.get(r.articleId)
        if (articleHeadline === undefined) return []
        const author = r.readerId === null ? undefined : authors.get(r.readerId)
        return [
          {
            id: r.id,
            articleId: r.articleId,
            articleHeadline,
            parentId: r.parentId,
            author: author?.displayName ?? r.guestName ?? '',
            readerId: r.readerId,
            readerSuspended: author?.suspended ?? false,
            guest: r.readerId === null,
            body: r.body,
            status: r.status,
            reports: r.reports,
            reportReasons: [...new Set(reasons.filter((x) => x.commentId === r.id).map((x) => x.reason))],
            createdAt: r.createdAt,
          },
        ]
      })
    },

    /** Takes a comment off the page (kept for review; restorable). */
    async hideComment(staffId: number, commentId: number, reason = '') {
      const comment = await requireComment(commentId)
      if (comment.status === 'deleted') throw errors.notFound()
      await repo.setStatus(db, commentId, 'hidden', now())
      await log(staffId, 'hide', `comment:${commentId}`, reason)
      bus.publish([tags.article(comment.articleId)])
    },

    /** Publishes a held or hidden comment. */
    async restoreComment(staffId: number, commentId: number) {
      const comment = await requireComment(commentId)
      if (comment.status === 'deleted') throw errors.notFound()
      await repo.setStatus(db, commentId, 'published', now())
      await log(staffId, 'restore', `comment:${commentId}`)
      bus.publish([tags.article(comment.articleId)])
    },

    /** Deletes for good: the text is overwritten, as when a reader deletes their own. */
    async deleteComment(staffId: number, commentId: number, reason = '') {
      const comment = await requireComment(commentId)
      await repo.eraseComment(db, commentId, now())
      await log(staffId, 'delete', `comment:${commentId}`, reason)
      bus.publish([tags.article(comment.articleId)])
    },

    /** A suspended reader cannot post and is logged out everywhere; `false` reinstates. */
    async suspendReader(staffId: number, readerId: number, suspended = true, reason = '') {
      if (!(await deps.authors.profiles([readerId])).has(readerId)) throw errors.notFound()
      await deps.setReaderSuspended(readerId, suspended)
      await log(staffId, suspended ? 'suspend' : 'reinstate', `reader:${readerId}`, reason)
    },

    getBannedWords: () => repo.bannedWordList(db),

    /** Replaces the banned-word list (trimmed, deduplicated, empty lines dropped). */
    async setBannedWords(staffId: number, words: readonly string[]) {
      const clean = [...new Set(words.map((w) => w.trim().normalize('NFC')).filter((w) => w.length > 0))]
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('bannedWords').execute()
        if (clean.length > 0)
          await trx
            .insertInto('bannedWords')
            .values(clean.map((word) => ({ word, createdAt: now() })))
            .execute()
      })
      await log(staffId, 'banned-words', 'banned-words', `${clean.length} words`)
      deps.bannedWordsChanged()
      return clean
    },

    getSettings: () => deps.settings.get(),

    async saveSettings(staffId: number, input: Partial<CommentSettings>) {
      const saved = await deps.settings.save({ ...(await deps.settings.get()), ...input })
      await log(staffId, 'settings', 'comment-settings', JSON.stringify(saved))
      // The window and the form's limit are on every article page.
      bus.publish([tags.outlet])
      return saved
    },

    /** Sets an article's own comment window in hours (0 closes it, null keeps it open); `outlet` drops the override. */
    async setArticleWindow(staffId: number, articleId: number, windowHours: number | null | 'outlet') {
      if (windowHours === 'outlet') {
        await db.deleteFrom('articleCommentSettings').where('articleId', '=', articleId).execute()
      } else {
        await db
          .insertInto('articleCommentSettings')
          .values({ articleId, windowHours })
          .onConflict((oc) => oc.column('articleId').doUpdateSet({ windowHours }))
          .execute()
      }
      await log(staffId, 'window', `article:${articleId}`, String(windowHours))
      bus.publish([tags.article(articleId)])
    },

    /** The latest moderation actions, newest first. */
    async moderationLog(limit = 100): Promise<ModerationLogEntry[]> {
      return db.selectFrom('moderationLog').selectAll().orderBy('id', 'desc').limit(limit).execute()
    },
  }
}

export type ModerationService = ReturnType<typeof createModerationService>
