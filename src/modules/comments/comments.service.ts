// The write side of comments for readers and guests: post, reply, delete, vote, report.
// Every action checks on the server who may do it; every change names the article page
// it alters so the page cache drops it at once.
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { hashPassword, verifyPassword } from '../../platform/passwords.js'
import { cleanName, type Reader } from '../accounts/index.js'
import { commentsErrors as errors } from './comments.errors.js'
import { articleForComments, type CommentedArticles } from './comments.ports.js'
import * as repo from './comments.repository.js'
import type { CommentSettingsStore } from './comments.settings.js'
import type { CommentsTables, VoteKind } from './comments.table.js'
import type { PasswordThrottle } from './guest-password-throttle.js'
import { defaultPhases } from './moderation/phases/index.js'
import { moderate } from './moderation/pipeline.js'

export interface CommentsServiceDeps {
  db: Kysely<CommentsTables>
  articles: Pick<CommentedArticles, 'published' | 'headlines'>
  clock: Clock
  bus: InvalidationBus
  settings: CommentSettingsStore
  bannedWords: () => Promise<readonly string[]>
  throttle: PasswordThrottle
  guestsAllowed: boolean
}

/** Who is acting: a logged-in reader, or a guest identified by name and password. */
export type Author = { kind: 'reader'; reader: Reader } | { kind: 'guest'; name: string; password: string }

export interface PostCommentInput {
  articleId: number
  parentId: number | null
  body: string
  /** The poster's random key for this write (the form's hidden field), so a retry stores nothing new. */
  clientKey?: string | null
}

/**
 * A client key is only meaningful for its author: scoped by reader (or, for a guest, by
 * article and name), another poster sending the same key cannot reach someone else's comment.
 */
function scopedClientKey(author: Author, input: PostCommentInput): string {
  const who =
    author.kind === 'reader' ? `r${author.reader.id}` : `g${input.articleId}:${cleanName(author.name)}`
  return `${who}:${input.clientKey}`
}

/** A guest's delete is refused per comment and IP after a few wrong passwords. */
export interface GuestProof {
  password: string
  ip: string
}

export function createCommentsService(deps: CommentsServiceDeps) {
  const { db, clock, bus } = deps
  const now = () => clock.now().toISOString()
  const changed = (articleId: number) => bus.publish([tags.article(articleId)])

  async function requireComment(id: number) {
    const comment = await repo.findComment(db, id)
    if (!comment || comment.status === 'deleted') throw errors.notFound()
    return comment
  }

  return {
    /** Posts a comment or a reply; the moderation pipeline decides published or held. */
    async postComment(author: Author, input: PostCommentInput) {
      if (author.kind === 'guest') {
        if (!deps.guestsAllowed) throw errors.guestsOff()
        const name = cleanName(author.name)
        if (name.length < 2 || name.length > 20 || author.password.length < 4 || author.password.length > 200)
          throw errors.guestInvalid()
      }
      // A retry of a post already stored (its answer was lost) gets that comment back.
      const clientKey = input.clientKey ? scopedClientKey(author, input) : null
      if (clientKey) {
        const stored = await repo.findByClientKey(db, clientKey)
        if (stored)
          return {
            id: stored.id,
            articleId: stored.articleId,
            status: stored.status,
            holdReason: null as string | null,
          }
      }
      const article = await articleForComments(db, deps.articles, input.articleId)
      if (!article?.publishedAt) throw errors.articleNotFound()
      const [settings, bannedWords] = await Promise.all([deps.settings.get(), deps.bannedWords()])
      const verdict = moderate(defaultPhases, {
        body: input.body,
        reader: author.kind === 'reader' ? author.reader : null,
        article: {
          id: article.id,
          publishedAt: article.publishedAt,
          windowHours: article.overridden === null ? undefined : article.windowHours,
        },
        settings,
        bannedWords,
        now: clock.now(),
      })
      if (input.parentId !== null) {
        const parent = await repo.findComment(db, input.parentId)
        if (
          !parent ||
          parent.articleId !== input.articleId ||
          parent.parentId !== null ||
          parent.status !== 'published'
        )
          throw errors.badParent()
      }
      const guest =
        author.kind === 'guest'
          ? { guestName: cleanName(author.name), guestPasswordHash: await hashPassword(author.password) }
          : { guestName: null, guestPasswordHash: null }
      const id = await repo.insertComment(db, {
        articleId: input.articleId,
        parentId: input.parentId,
        readerId: author.kind === 'reader' ? author.reader.id : null,
        ...guest,
        body: verdict.body,
        status: verdict.status,
        createdAt: now(),
        clientKey,
      })
      if (verdict.status === 'published') changed(input.articleId)
      return { id, articleId: input.articleId, status: verdict.status, holdReason: verdict.holdReason }
    },

    /** Whether this comment may be deleted by a reader (own) or with a guest password. */
    async deleteTarget(id: number) {
      const c = await requireComment(id)
      return { id: c.id, articleId: c.articleId, readerId: c.readerId, guest: c.guestPasswordHash !== null }
    },

    /** A reader deletes their own comment; a guest proves the comment's password. */
    async deleteComment(id: number, by: { reader: Reader } | { guest: GuestProof }) {
      const comment = await requireComment(id)
      if ('reader' in by) {
        if (comment.readerId === null || comment.readerId !== by.reader.id) throw errors.forbidden()
      } else {
        if (!comment.guestPasswordHash) throw errors.forbidden()
        const key = `${id}:${by.guest.ip}`
        const wait = deps.throttle.waitSeconds(key)
        if (wait > 0) throw errors.tooManyTries(wait)
        const ok = await verifyPassword(comment.guestPasswordHash, by.guest.password)
        if (!ok) {
          deps.throttle.failed(key)
          throw errors.wrongPassword()
        }
        deps.throttle.succeeded(key)
      }
      await repo.eraseComment(db, id, now())
      changed(comment.articleId)
      return { articleId: comment.articleId }
    },

    /** 공감 or 비공감, once per reader and comment, and not on one's own. */
    async vote(reader: Reader, id: number, kind: VoteKind) {
      const comment = await requireComment(id)
      if (comment.status !== 'published') throw errors.notFound()
      if (comment.readerId === reader.id) throw errors.ownComment()
      const added = await db.transaction().execute((trx) => repo.addVote(trx, id, reader.id, kind, now()))
      if (!added) throw errors.alreadyVoted()
      changed(comment.articleId)
      const after = await repo.findComment(db, id)
      return { articleId: comment.articleId, likes: after?.likes ?? 0, dislikes: after?.dislikes ?? 0 }
    },

    /** 신고: once per reader; enough reports hide the comment until staff look at it. */
    async report(reader: Reader, id: number, reason: string) {
      const comment = await requireComment(id)
      if (comment.status !== 'published') throw errors.notFound()
      if (comment.readerId === reader.id) throw errors.ownComment()
      const { reportThreshold } = await deps.settings.get()
      const hidden = await db.transaction().execute(async (trx) => {
        const reports = await repo.addReport(trx, id, reader.id, reason, now())
        if (reports === null) return null
        if (reports < reportThreshold) return false
        await repo.setStatus(trx, id, 'hidden', now())
        return true
      })
      if (hidden === null) throw errors.alreadyReported()
      if (hidden) changed(comment.articleId)
      return { articleId: comment.articleId, hidden }
    },

    /** A reader corrects their own comment; it goes through moderation again. */
    async editComment(reader: Reader, id: number, body: string) {
      const comment = await requireComment(id)
      if (comment.readerId !== reader.id) throw errors.forbidden()
      const article = await articleForComments(db, deps.articles, comment.articleId)
      if (!article?.publishedAt) throw errors.articleNotFound()
      const [settings, bannedWords] = await Promise.all([deps.settings.get(), deps.bannedWords()])
      const verdict = moderate(defaultPhases, {
        body,
        reader,
        article: {
          id: article.id,
          publishedAt: article.publishedAt,
          windowHours: article.overridden === null ? undefined : article.windowHours,
        },
        settings,
        bannedWords,
        now: clock.now(),
      })
      const status = comment.status === 'published' ? verdict.status : comment.status
      await repo.updateBody(db, id, verdict.body, status, now())
      changed(comment.articleId)
      return { articleId: comment.articleId, status }
    },

    /**
     * Stores a comment as it was on another system or in the demo, without moderation: its
     * author, text, status and time are kept as they were. Returns its id.
     */
    async importComment(comment: {
      articleId: number
      parentId: number | null
      readerId: number | null
      guestName: string | null
      /** The newsroom member who wrote it; their name goes in `guestName`. */
      staffId?: number | null
      body: string
      status: 'published' | 'held'
      createdAt: string
    }): Promise<number> {
      const id = await repo.insertComment(db, {
        ...comment,
        staffId: comment.staffId ?? null,
        guestName: comment.guestName?.slice(0, 40) ?? null,
        guestPasswordHash: null,
        body: comment.body.slice(0, 10_000),
      })
      bus.publish([tags.article(comment.articleId)])
      return id
    },

    /**
     * Before a reader's account is deleted: their comments stay (shown as 탈퇴한 독자) or are
     * erased like a deletion, as the outlet's comment settings say.
     */
    async readerDeleted(readerId: number) {
      const { onReaderDeleted } = await deps.settings.get()
      const rows = await repo.liveCommentIdsBy(db, readerId)
      if (onReaderDeleted === 'delete') {
        for (const row of rows) await repo.eraseComment(db, row.id, now())
      }
      const articles = [...new Set(rows.map((r) => r.articleId))]
      if (articles.length > 0) bus.publish(articles.map(tags.article))
      return { comments: rows.length, erased: onReaderDeleted === 'delete' }
    },

    /** 내 댓글: a reader's own comments with the headline of their article. */
    async commentsOf(readerId: number, page = 1) {
      const rows = await repo.commentsBy(db, readerId, 51, (page - 1) * 50)
      const headlines = await deps.articles.headlines([...new Set(rows.map((r) => r.articleId))])
      return {
        items: rows.slice(0, 50).map((r) => ({ ...r, headline: headlines.get(r.articleId) ?? '' })),
        hasMore: rows.length > 50,
      }
    },

    /**
     * Closes an article's comments for good, as the old site had them (an import): the same
     * per-article setting the desk's moderation page changes.
     */
    async closeCommentsOn(articleId: number): Promise<void> {
      await db
        .insertInto('articleCommentSettings')
        .values({ articleId, windowHours: 0 })
        .onConflict((oc) => oc.column('articleId').doUpdateSet({ windowHours: 0 }))
        .execute()
      bus.publish([tags.article(articleId)])
    },

    /** A reader's new display name shows on every article they commented on. */
    async readerChanged(readerId: number) {
      const articleIds = await repo.articlesCommentedBy(db, readerId)
      if (articleIds.length > 0) bus.publish(articleIds.map(tags.article))
    },
  }
}

export type CommentsService = ReturnType<typeof createCommentsService>
