// The inbox: reader tips and 정정·반론·추후보도 requests, from receipt to the published
// correction. Every step is logged with who and when; the statutory clocks are computed, not
// stored, so a changed rule or a corrected receipt time shows at once.
import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Updateable } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { inboxErrors } from './inbox.errors.js'
import { inboxMessages as m } from './inbox.messages.js'
import * as repo from './inbox.repository.js'
import { InboxSettings, type RequestFields } from './inbox.schema.js'
import type { RequestKind, TipsTable } from './inbox.table.js'
import { isStatutory, type StatutoryClock, statutoryClock } from './statutory-clock.js'

/** The articles a request may name (the articles module's published articles). */
export interface RequestedArticles {
  published(id: number): Promise<{ id: number; headline: string; publishedAt: string | null } | undefined>
}

/** Staff as the inbox needs them: who may be assigned, who is told of deadlines. */
export interface InboxStaff {
  list(): Promise<{ id: number; name: string; email: string; role: string; active: boolean }[]>
}

export interface InboxDeps {
  db: repo.InboxDb
  clock: Clock
  bus: InvalidationBus
  /** Where attachments are kept; never served publicly. */
  uploadsDir: string
  publicUrl: string
  articles: RequestedArticles
  staff: InboxStaff
  mailer: { send(message: { to: string; subject: string; text: string }): Promise<void> }
  settings: { read(): Promise<unknown>; write(value: unknown): Promise<void> }
}

export type RequestRow = Awaited<ReturnType<typeof repo.listRequests>>[number]

export interface RequestSummary extends RequestRow {
  clock: StatutoryClock | undefined
}

const looksLikeEmail = (contact: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.trim())

export function createInboxService(deps: InboxDeps) {
  const { db, clock } = deps
  const now = () => clock.now().toISOString()

  /** The article id an address names, when it is one of this outlet's articles. */
  function articleIdOf(url: string | null): number | null {
    if (!url) return null
    try {
      const parsed = new URL(url, deps.publicUrl)
      if (parsed.host !== new URL(deps.publicUrl).host) return null
      const id = parsed.pathname.match(/^\/news\/(\d{1,9})(?:\/|$)/)?.[1]
      return id ? Number(id) : null
    } catch {
      return null
    }
  }

  async function withClock(row: RequestRow): Promise<RequestSummary> {
    const article = row.articleId ? await deps.articles.published(row.articleId) : undefined
    return {
      ...row,
      clock: statutoryClock(
        {
          kind: row.kind,
          receivedAt: row.createdAt,
          articlePublishedAt: article?.publishedAt ?? null,
          learnedOn: row.learnedOn,
          answeredAt: row.answeredAt,
          decision: row.decision,
          publishedAt: row.publishedAt,
        },
        clock.now(),
      ),
    }
  }

  async function requireRequest(id: number) {
    const row = await repo.findRequest(db, id)
    if (!row) throw inboxErrors.notFound()
    return row
  }
  const refuse = (reason: string) => inboxErrors.invalidStep(reason)
  const step = (tipId: number, staffId: number | null, action: string, note?: string | null) =>
    repo.logStep(db, { tipId, at: now(), staffId, action, note })
  const settings = async () => InboxSettings.parse((await deps.settings.read()) ?? {})

  async function tellRequester(row: { contact: string }, subject: string, text: string) {
    if (looksLikeEmail(row.contact)) await deps.mailer.send({ to: row.contact.trim(), subject, text })
  }

  async function list(filter: repo.ListFilter = {}) {
    return Promise.all((await repo.listRequests(db, filter)).map(withClock))
  }

  return {
    articleIdOf,

    /**
     * Stores a request; the attachment is written first so a stored request never points at
     * nothing. With the form's `clientKey`, a resent form (a retry after a lost answer, a
     * double click) returns the request already received instead of storing it again; the
     * request and its receipt step are one transaction, so a stored request is always answered.
     */
    async submit(
      input: RequestFields,
      attachment?: { name: string; type: string; data: Buffer },
      clientKey?: string,
    ): Promise<number> {
      const key = clientKey ? `${input.kind === 'tip' ? 'tip' : 'statutory'}:${clientKey}` : null
      const earlier = key ? await repo.findByClientKey(db, key) : undefined
      if (earlier) return earlier.id
      let attachmentKey: string | null = null
      if (attachment) {
        attachmentKey = randomBytes(12).toString('base64url')
        await mkdir(deps.uploadsDir, { recursive: true })
        await writeFile(join(deps.uploadsDir, attachmentKey), attachment.data)
      }
      const at = now()
      const row = await db.transaction().execute(async (tx) => {
        const inserted = await tx
          .insertInto('tips')
          .values({
            kind: input.kind,
            name: input.name,
            contact: input.contact,
            subject: input.subject,
            body: input.body,
            articleUrl: input.articleUrl,
            articleId: articleIdOf(input.articleUrl),
            learnedOn: input.learnedOn,
            disputedPassage: input.disputedPassage,
            consentedAt: at,
            attachmentKey,
            attachmentName: attachment ? attachment.name.slice(0, 200) : null,
            attachmentType: attachment ? attachment.type.slice(0, 100) : null,
            assigneeId: null,
            decision: null,
            decisionReason: null,
            answeredAt: null,
            publishedText: null,
            publishedAt: null,
            closedAt: null,
            remindedAt: null,
            createdAt: at,
            clientKey: key,
          })
          .onConflict((oc) => oc.column('clientKey').doNothing())
          .returning('id')
          .executeTakeFirst()
        if (inserted) await repo.logStep(tx, { tipId: inserted.id, at, staffId: null, action: 'received' })
        return inserted
      })
      if (row) return row.id
      // The same form raced in twice: the other one stored it; this one's attachment goes.
      if (attachmentKey) await rm(join(deps.uploadsDir, attachmentKey), { force: true })
      return (await repo.findByClientKey(db, key ?? ''))!.id
    },

    /** The inbox list, newest first, each statutory request with its clock. */
    list,

    /** One request with its article and its log. */
    async get(id: number) {
      const row = await requireRequest(id)
      const [summary, steps, article] = await Promise.all([
        withClock(row),
        repo.stepsOf(db, id),
        row.articleId ? deps.articles.published(row.articleId) : undefined,
      ])
      return { ...summary, steps, article: article ?? null }
    },

    async assign(id: number, assigneeId: number | null, by: number) {
      const row = await requireRequest(id)
      if (row.status === 'closed') throw refuse(m.steps.closed)
      const values: Updateable<TipsTable> = { assigneeId }
      if (row.status === 'new') values.status = 'open'
      await repo.updateRequest(db, id, values)
      await step(id, by, 'assigned', assigneeId === null ? null : String(assigneeId))
    },

    /** A reply from the newsroom, sent to the requester's e-mail and kept in the log. */
    async reply(id: number, text: string, by: number) {
      const row = await requireRequest(id)
      if (!text.trim()) throw refuse(m.steps.replyRequired)
      await tellRequester(row, `[${m.kinds[row.kind]}] ${row.subject}`, text)
      if (row.status === 'new') await repo.updateRequest(db, id, { status: 'open' })
      await step(id, by, looksLikeEmail(row.contact) ? 'replied' : 'noted', text.slice(0, 10_000))
    },

    /** 수용 or 거부 of a statutory request: the answer §15 requires within 3 days. */
    async decide(id: number, decision: 'accepted' | 'refused', reason: string, by: number) {
      const row = await requireRequest(id)
      if (!isStatutory(row.kind)) throw refuse(m.steps.notStatutory)
      if (row.status === 'closed') throw refuse(m.steps.closed)
      if (row.decision) throw refuse(m.steps.answered)
      if (decision === 'refused' && !reason.trim()) throw refuse(m.steps.reasonRequired)
      await repo.updateRequest(db, id, {
        decision,
        decisionReason: reason.trim() || null,
        answeredAt: now(),
        status: 'answered',
      })
      await tellRequester(
        row,
        `[${m.kinds[row.kind]}] ${row.subject}`,
        `${decision === 'accepted' ? '수용' : '거부'}${reason.trim() ? `: ${reason.trim()}` : ''}`,
      )
      await step(id, by, decision, reason.trim() || null)
    },

    /** Publishes the accepted correction, rebuttal or follow-up on the article it names. */
    async publish(id: number, text: string, by: number) {
      const row = await requireRequest(id)
      if (row.decision !== 'accepted') throw refuse(m.steps.notAccepted)
      if (!row.articleId || !(await deps.articles.published(row.articleId))) throw refuse(m.steps.noArticle)
      if (!text.trim()) throw refuse(m.steps.textRequired)
      await repo.updateRequest(db, id, {
        publishedText: text.trim().slice(0, 5000),
        publishedAt: now(),
        status: 'published',
      })
      await step(id, by, 'published', String(row.articleId))
      deps.bus.publish([tags.article(row.articleId)])
    },

    async close(id: number, note: string, by: number) {
      const row = await requireRequest(id)
      if (row.status === 'closed') throw refuse(m.steps.closed)
      await repo.updateRequest(db, id, { status: 'closed', closedAt: now() })
      await step(id, by, 'closed', note.trim() || null)
    },

    /** The attachment's bytes and the name it was sent with; staff only (the routes check). */
    async attachment(id: number) {
      const row = await requireRequest(id)
      if (!row.attachmentKey || !/^[\w-]+$/.test(row.attachmentKey)) throw inboxErrors.noAttachment()
      const data = await readFile(join(deps.uploadsDir, row.attachmentKey)).catch(() => null)
      if (!data) throw inboxErrors.noAttachment()
      return { name: row.attachmentName ?? 'attachment', data }
    },

    /** What readers see on an article: its published corrections, rebuttals and follow-ups. */
    async noticesFor(articleId: number) {
      const rows = await repo.publishedFor(db, articleId)
      return rows.map((r) => ({
        id: r.id,
        kind: r.kind as Exclude<RequestKind, 'tip'>,
        text: r.publishedText ?? '',
        publishedAt: r.publishedAt ?? '',
        passage: r.disputedPassage,
      }))
    },

    /** Counts for the newsroom dashboard. */
    async dashboard() {
      const open = await list({ status: 'open', limit: 500 })
      return {
        unread: open.filter((r) => r.status === 'new').length,
        urgent: open.filter(
          (r) =>
            r.clock && [r.clock.answer, r.clock.publication].some((u) => u === 'dueSoon' || u === 'overdue'),
        ),
      }
    },

    /**
     * Mails the assignee (or every desk editor) once for each statutory request with a
     * deadline within a day. Returns how many requests were reminded.
     */
    async sendReminders() {
      const pending = await Promise.all((await repo.pendingStatutory(db)).map(withClock))
      const due = pending.filter(
        (r) => !r.remindedAt && r.clock && [r.clock.answer, r.clock.publication].includes('dueSoon'),
      )
      if (due.length === 0) return 0
      const staff = (await deps.staff.list()).filter((s) => s.active)
      for (const r of due) {
        const to = r.assigneeId
          ? staff.filter((s) => s.id === r.assigneeId)
          : staff.filter((s) => s.role === 'desk' || s.role === 'admin')
        const deadline = r.clock!.answer === 'dueSoon' ? r.clock!.answerBy : r.clock!.publishBy
        for (const member of to) {
          await deps.mailer.send({
            to: member.email,
            subject: `[기한 임박] ${m.kinds[r.kind]} #${r.id} ${r.subject}`,
            text: `${m.kinds[r.kind]} #${r.id}의 법정 기한이 ${new Date(deadline).toISOString()}(UTC)에 끝납니다.\n${deps.publicUrl}/newsroom/inbox/${r.id}`,
          })
        }
        await repo.updateRequest(db, r.id, { remindedAt: now() })
        await step(r.id, null, 'reminded')
      }
      return due.length
    },

    /** Deletes attachments older than the outlet's retention; returns how many. */
    async purgeAttachments() {
      const { attachmentRetentionDays } = await settings()
      const before = new Date(clock.now().getTime() - attachmentRetentionDays * 86_400_000).toISOString()
      const rows = await repo.withAttachmentsBefore(db, before)
      for (const r of rows) {
        if (r.attachmentKey && /^[\w-]+$/.test(r.attachmentKey)) {
          await rm(join(deps.uploadsDir, r.attachmentKey), { force: true })
        }
        await repo.updateRequest(db, r.id, { attachmentKey: null })
        await step(r.id, null, 'attachmentDeleted')
      }
      return rows.length
    },

    settings,
    async saveSettings(input: unknown) {
      const parsed = InboxSettings.parse(input)
      await deps.settings.write(parsed)
      return parsed
    },

    /** The statutory requests, oldest first, for the register CSV. */
    register: async () => Promise.all((await repo.statutoryRegister(db)).map(withClock)),
  }
}

export type InboxService = ReturnType<typeof createInboxService>
