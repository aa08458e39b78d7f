// The reporter's and the desk's article screens: dashboard, lists, the editor and its
// autosave, preview, 출고 요청, and the history of published versions.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { notFound } from '../../../platform/errors.js'
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime, koreaDayStart } from '../../../platform/korea-time.js'
import { renderPage } from '../../../platform/views/render.js'
import {
  ArticleInput,
  ArticlePageView,
  type ArticleStatus,
  documentText,
  photoIdsIn,
  readDocument,
  type WorkItem,
} from '../../articles/index.js'
import { newsroomErrors } from '../newsroom.errors.js'
import { forbidden, staffOf } from '../newsroom.guard.js'
import { nm, saveErrors } from '../newsroom.messages.js'
import {
  type ArticleAccess,
  canDeleteDraft,
  canDesk,
  canEdit,
  canSubmit,
  canView,
  isDesk,
} from '../newsroom.policy.js'
import { diffText } from '../text-diff.js'
import { ArticleListView, DashboardView, NewArticleView } from '../views/articles.views.js'
import { EditorView } from '../views/editor.view.js'
import { HistoryView } from '../views/history.view.js'
import type { RouteContext } from './context.js'
import { photoJson } from './photos.routes.js'

/** Rows per page of the article list. */
const LIST_PAGE = 50

/** Every status the archive list shows, withdrawn included (the index leaves those out). */
const LISTED_STATUSES = ['draft', 'submitted', 'returned', 'scheduled', 'published', 'withdrawn'] as const

const KOREA_DAY = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => koreaDayStart(day) !== undefined)

/** The archive list's address: words, filters and page; a value that makes no sense is dropped. */
const ListQuery = z.object({
  view: z.enum(['mine', 'waiting', 'all']).catch('mine').default('mine'),
  done: z.string().optional(),
  q: z.string().trim().max(200).catch('').default(''),
  section: z.coerce.number().int().positive().optional().catch(undefined),
  status: z.enum(LISTED_STATUSES).optional().catch(undefined),
  reporter: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional()
    .catch(undefined),
  grade: z.enum(['headline', 'important', 'normal']).optional().catch(undefined),
  from: KOREA_DAY.optional().catch(undefined),
  to: KOREA_DAY.optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(5000).catch(1).default(1),
})

export const IdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1),
})

const SaveBody = z.object({
  headline: z.string(),
  subheadline: z.string().default(''),
  sectionId: z.coerce.number().int(),
  body: z.unknown(),
  tags: z.array(z.string()).default([]),
  reporterIds: z.array(z.number().int()).default([]),
  unsigned: z.boolean().default(false),
  relatedIds: z.array(z.number().int()).default([]),
  leadPhotoId: z.number().int().positive().nullable().default(null),
  correctionNote: z.string().trim().max(500).nullish(),
})

/** Flash notices after a redirect: only known keys, never text from the URL. */
export const NOTICES: Record<string, string> = {
  submitted: nm.editor.submitted,
  returned: nm.desk.returned,
  published: nm.desk.published,
  withdrawn: nm.desk.withdrawn,
  restored: nm.desk.restored,
  restoredDraft: nm.desk.restoredDraft,
  scheduled: nm.desk.scheduledShort,
  saved: nm.common.saveSuccess,
  deleted: nm.editor.deleted,
}

export function articlesRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { desk, articles, readModel, media, staff: staffService } = ctx.deps
  const any = ctx.guard('staff')

  /** Loads an article's access facts and checks the rule; 404 before 403 for unknown ids. */
  async function access(id: number, rule: (a: ArticleAccess) => boolean) {
    const a = await articles.accessOf(id)
    if (!a) throw notFound('article')
    if (!rule(a)) throw forbidden()
    return a
  }

  app.get('/newsroom', { preHandler: any }, async (request, reply) => {
    const me = staffOf(request)
    const desk = isDesk(me)
    const [drafts, waiting, returned, scheduled, mostRead, tips, sections] = await Promise.all([
      articles.workList({ statuses: ['draft'], mineOf: me.id, limit: 20 }),
      articles.workList({ statuses: ['submitted'], ...(desk ? {} : { mineOf: me.id }), limit: 20 }),
      articles.workList({ statuses: ['returned'], mineOf: me.id, limit: 20 }),
      articles.workList({
        statuses: ['scheduled'],
        ...(desk ? {} : { mineOf: me.id }),
        order: 'scheduled',
        limit: 20,
      }),
      readModel.mostRead(),
      desk ? ctx.deps.inbox.dashboard() : Promise.resolve(null),
      readModel.sections(),
    ])
    const frame = await ctx.frame(request, reply)
    return ctx.page(
      reply,
      <DashboardView
        frame={frame}
        sections={sections}
        lists={{ drafts, waiting, returned, scheduled }}
        mostRead={mostRead.day}
        inbox={tips}
      />,
    )
  })

  app.get('/newsroom/articles', { preHandler: any }, async (request, reply) => {
    const me = staffOf(request)
    const q = ListQuery.parse(request.query)
    const view = q.view === 'mine' || isDesk(me) ? q.view : 'mine'
    const offset = (q.page - 1) * LIST_PAGE
    // A reversed range is read the way it was obviously meant.
    const [fromDay, toDay] = q.from && q.to && q.from > q.to ? [q.to, q.from] : [q.from, q.to]
    const filters = {
      sectionId: q.section,
      grade: q.grade,
      // 내 기사 is the reporter's own: the reporter filter is the desk's.
      reporterId: view === 'mine' ? undefined : q.reporter,
    }
    const statuses: ArticleStatus[] =
      view === 'waiting' ? ['submitted'] : q.status ? [q.status] : [...LISTED_STATUSES]
    // Words typed: the search module's index (drafts included) finds them in any year's text.
    const searched =
      q.q && ctx.deps.searchArticles
        ? await ctx.deps.searchArticles({
            q: q.q,
            includeDrafts: true,
            statuses,
            ...filters,
            ...(view === 'mine' ? { reporterId: me.id } : {}),
            from: fromDay,
            to: toDay,
            sort: 'newest',
            limit: LIST_PAGE,
            offset,
          })
        : null
    const items: WorkItem[] = searched
      ? searched.hits.map((h) => ({
          id: h.id,
          headline: h.headline,
          status: h.status,
          sectionId: h.sectionId,
          grade: h.grade,
          updatedAt: h.updatedAt,
          scheduledAt: null,
          publishedAt: h.publishedAt,
          deskNote: null,
        }))
      : await articles.workList({
          statuses,
          ...(view === 'mine' ? { mineOf: me.id } : {}),
          ...filters,
          from: koreaDayStart(fromDay),
          to: koreaDayStart(toDay, 1),
          limit: LIST_PAGE + 1,
          offset,
        })
    const hasMore = searched ? offset + LIST_PAGE < searched.total : items.length > LIST_PAGE
    const frame = await ctx.frame(request, reply)
    const notice = q.done?.startsWith('bulk:')
      ? msg(nm.list.bulkDone, { count: Number(q.done.slice(5)) || 0 })
      : (NOTICES[q.done ?? ''] ?? null)
    const shown = items.slice(0, LIST_PAGE)
    const ids = shown.map((a) => a.id)
    const queue = view === 'waiting'
    const [sections, reporters, details, requested, script] = await Promise.all([
      readModel.sections(),
      staffService.bylines(),
      articles.listDetails(ids, queue),
      queue ? desk.requestedAt(ids) : Promise.resolve(new Map<number, string>()),
      queue && isDesk(me) ? ctx.deps.assets.lists() : Promise.resolve(null),
    ])
    const names = await staffService.profiles([
      ...new Set([...details.values()].flatMap((d) => d.reporterIds)),
    ])
    const rows = new Map(
      [...details].map(([id, d]) => [
        id,
        {
          // Co-bylines in full, the way they are printed: 강도현·한승우
          reporters: d.reporterIds.flatMap((r) => names.get(r)?.name ?? []).join('·'),
          chars: d.chars,
          requestedAt: requested.get(id) ?? null,
        },
      ]),
    )
    return ctx.page(
      reply,
      <ArticleListView
        frame={frame}
        view={view}
        items={shown}
        rows={rows}
        script={script?.url ?? null}
        sections={sections}
        reporters={reporters}
        notice={notice}
        search={{
          q: q.q,
          section: q.section ?? null,
          status: q.status ?? null,
          reporter: filters.reporterId ?? null,
          grade: q.grade ?? null,
          from: fromDay ?? '',
          to: toDay ?? '',
          page: q.page,
          hasMore,
          total: searched?.total ?? null,
        }}
      />,
    )
  })

  app.get('/newsroom/articles/new', { preHandler: any }, async (request, reply) => {
    const frame = await ctx.frame(request, reply)
    return ctx.page(reply, <NewArticleView frame={frame} sections={await readModel.sections()} />)
  })

  app.post('/newsroom/articles/new', { preHandler: [any, app.csrfProtection] }, async (request, reply) => {
    const me = staffOf(request)
    const form = z
      .object({ headline: z.string().default(''), sectionId: z.coerce.number().int().default(0) })
      .parse(request.body ?? {})
    const parsed = ArticleInput.safeParse({
      headline: form.headline,
      sectionId: form.sectionId,
      body: { type: 'doc', content: [] },
      reporterIds: [me.id],
    })
    if (!parsed.success) {
      const frame = await ctx.frame(request, reply)
      const field = String(parsed.error.issues[0]?.path[0] ?? 'headline')
      return ctx.page(
        reply,
        <NewArticleView
          frame={frame}
          sections={await readModel.sections()}
          headline={form.headline}
          error={saveErrors[field] ?? nm.errors.invalidInput}
        />,
        400,
      )
    }
    const id = await desk.createDraft(parsed.data, me.id)
    return reply.redirect(`/newsroom/articles/${id}/edit`, 303)
  })

  app.get('/newsroom/articles/:id/edit', { preHandler: any }, async (request, reply) => {
    const me = staffOf(request)
    const { id } = IdParams.parse(request.params)
    // The desk opens a withdrawn article to see why and to restore it; saving stays refused.
    await access(id, (a) => canEdit(me, a) || (a.status === 'withdrawn' && isDesk(me)))
    const loaded = await articles.articleForEditing(id)
    if (!loaded) throw notFound('article')
    const body = readDocument(loaded.article.body)
    const leadIds = loaded.article.leadPhotoId ? [loaded.article.leadPhotoId] : []
    const [sections, bylines, photos, assets, checks] = await Promise.all([
      readModel.sections(),
      staffService.bylines(),
      media.findPhotos([...photoIdsIn(body), ...leadIds]),
      ctx.deps.assets.editor(),
      ctx.deps.checks.forArticle(id),
    ])
    const frame = await ctx.frame(request, reply)
    const done = (request.query as { done?: string }).done
    return ctx.page(
      reply,
      <EditorView
        frame={frame}
        script={assets.url}
        staff={me}
        article={loaded.article}
        body={body}
        reporterIds={loaded.reporterIds}
        tags={loaded.tags}
        related={loaded.related}
        sections={sections}
        bylines={bylines}
        photos={[...photos.values()].map(photoJson)}
        canSubmit={canSubmit(me, { ...loaded.article, reporterIds: loaded.reporterIds })}
        canDelete={canDeleteDraft(me, { ...loaded.article, reporterIds: loaded.reporterIds })}
        canDesk={canDesk(me)}
        checks={checks ?? null}
        notice={NOTICES[done ?? ''] ?? null}
      />,
    )
  })

  app.put('/newsroom/articles/:id', { preHandler: [any, app.csrfProtection] }, async (request, reply) => {
    const me = staffOf(request)
    const { id } = IdParams.parse(request.params)
    const current = await access(id, (a) => canEdit(me, a))
    const raw = SaveBody.safeParse(request.body)
    const parsed = raw.success
      ? ArticleInput.safeParse({ ...raw.data, grade: current.grade })
      : (raw as unknown as ReturnType<typeof ArticleInput.safeParse>)
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'body')
      throw newsroomErrors.articleInvalid(field, saveErrors[field] ?? nm.errors.invalidInput)
    }
    const note = raw.success ? raw.data.correctionNote : undefined
    await desk.updateArticle(
      id,
      parsed.data,
      current.status === 'published' ? (note ? note : null) : undefined,
      me.id,
    )
    const saved = ctx.deps.clock.now().toISOString()
    return reply
      .header('cache-control', 'private, no-store')
      .send({ ok: true, savedAt: saved, savedAtText: formatKoreaDateTime(saved) })
  })

  app.get('/newsroom/articles/:id/preview', { preHandler: any }, async (request, reply) => {
    const me = staffOf(request)
    const { id } = IdParams.parse(request.params)
    await access(id, (a) => canView(me, a))
    const [site, article, mostRead, todayPhotos, comments] = await Promise.all([
      ctx.deps.site(),
      readModel.previewPage(id),
      readModel.mostRead(),
      ctx.deps.todayPhotos.todayPhotos(),
      ctx.deps.comments.sectionFor(id, null),
    ])
    if (!article) throw notFound('article')
    const html = renderPage(
      <ArticlePageView
        site={site}
        article={article}
        comments={comments}
        mostRead={mostRead}
        todayPhotos={todayPhotos}
      />,
    )
    return reply
      .header('cache-control', 'private, no-store')
      .header('x-robots-tag', 'noindex')
      .type('text/html; charset=utf-8')
      .send(html)
  })

  app.post(
    '/newsroom/articles/:id/submit',
    { preHandler: [any, app.csrfProtection] },
    async (request, reply) => {
      const me = staffOf(request)
      const { id } = IdParams.parse(request.params)
      await access(id, (a) => canSubmit(me, a))
      // An empty body is said as such, not as a format the body cannot hold.
      const loaded = await articles.articleForEditing(id)
      if (loaded && documentText(readDocument(loaded.article.body)).trim() === '')
        throw newsroomErrors.articleInvalid('body', saveErrors.bodyEmpty!)
      await desk.submitArticle(id, me.id)
      return reply.redirect(`/newsroom/articles/${id}/edit?done=submitted`, 303)
    },
  )

  // 초안 삭제: a ticked confirmation, checked here so it holds without scripts.
  app.post(
    '/newsroom/articles/:id/delete',
    { preHandler: [any, app.csrfProtection] },
    async (request, reply) => {
      const me = staffOf(request)
      const { id } = IdParams.parse(request.params)
      await access(id, (a) => canDeleteDraft(me, a))
      const form = z.object({ confirm: z.string().optional() }).parse(request.body ?? {})
      if (form.confirm !== 'yes') throw newsroomErrors.deskInput(nm.editor.deleteConfirmRequired)
      await desk.deleteDraft(id)
      return reply.redirect('/newsroom/articles?done=deleted', 303)
    },
  )

  app.get('/newsroom/articles/:id/history', { preHandler: any }, async (request, reply) => {
    const me = staffOf(request)
    const { id } = IdParams.parse(request.params)
    const article = await access(id, (a) => canView(me, a))
    const { versions, events } = await desk.history(id)
    const texts = versions.map((v) =>
      [v.headline, v.subheadline, documentText(readDocument(v.body))].filter(Boolean).join('\n\n'),
    )
    const frame = await ctx.frame(request, reply)
    return ctx.page(
      reply,
      <HistoryView
        frame={frame}
        articleId={id}
        headline={article.headline}
        versions={versions.map((v, i) => ({
          number: i + 1,
          reason: v.reason,
          savedAt: v.savedAt,
          correctionNote: v.correctionNote,
          diff: i === 0 ? null : diffText(texts[i - 1]!, texts[i]!),
        }))}
        events={events}
      />,
      200,
    )
  })

  app.get('/newsroom/related', { preHandler: any }, async (request, reply) => {
    const { q } = z.object({ q: z.string().trim().max(100).default('') }).parse(request.query)
    const search = ctx.deps.searchRelated ?? ((words: string) => articles.searchPublishedHeadlines(words))
    const found = q ? await search(q) : []
    return reply.header('cache-control', 'private, no-store').send({ articles: found })
  })
}
