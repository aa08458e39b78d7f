// Every newsroom route, for every kind of visitor: only what the role allows succeeds.
// A reporter works on their own articles; the desk and admins act on any; only admins
// manage staff; a logged-in reader and an anonymous visitor get nothing.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { ArticleStatus } from '../src/modules/articles/index.js'
import { testDialects } from '../src/testing/dialects.js'
import { comment, readerWithSession, section } from '../src/testing/factories.js'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import {
  anonymousJar,
  createStaff,
  type Jar,
  loginJar,
  multipart,
  readerJar,
  smallJpeg,
} from './newsroom-fixtures.js'

type Role = 'owner' | 'otherReporter' | 'desk' | 'admin' | 'reader' | 'nobody'
const ROLES: Role[] = ['owner', 'otherReporter', 'desk', 'admin', 'reader', 'nobody']
const STAFF: Role[] = ['owner', 'otherReporter', 'desk', 'admin']
const DESK: Role[] = ['desk', 'admin']
const OWNER_OR_DESK: Role[] = ['owner', 'desk', 'admin']

interface Setup {
  app: TestApp
  ids: { owner: number; otherReporter: number }
  sectionId: number
  /** A fresh article by the owner, in the given state. */
  article(status: ArticleStatus): Promise<number>
  /** A fresh reader comment under a published article. */
  comment(): Promise<{ id: number; readerId: number }>
}

interface RouteCase {
  method: 'GET' | 'POST' | 'PUT'
  path: string
  allowed: Role[]
  /** Builds the URL and body for one attempt (fresh state each time). */
  prepare?: (
    s: Setup,
  ) => Promise<{ url?: string; form?: Record<string, string>; json?: unknown; multipart?: true }>
}

const article = (status: ArticleStatus) => async (s: Setup) => ({ id: await s.article(status) })

/** A fresh 정정보도 request about a published article, optionally with an attachment. */
async function inboxRequest(s: Setup, withFile = false) {
  return s.app.services.inbox.submit(
    {
      kind: 'correction',
      name: '청구인',
      contact: 'claimant@example.com',
      subject: '권한 시험 청구',
      body: '사실과 다릅니다.',
      articleUrl: `/news/${await s.article('published')}`,
      disputedPassage: null,
      learnedOn: null,
      consent: 'yes',
    },
    withFile ? { name: 'a.html', type: 'text/html', data: Buffer.from('<p>x</p>') } : undefined,
  )
}

const CASES: RouteCase[] = [
  { method: 'GET', path: '/newsroom', allowed: STAFF },
  { method: 'GET', path: '/newsroom/articles', allowed: STAFF },
  { method: 'GET', path: '/newsroom/articles?view=waiting', allowed: STAFF },
  { method: 'GET', path: '/newsroom/articles/new', allowed: STAFF },
  {
    method: 'POST',
    path: '/newsroom/articles/new',
    allowed: STAFF,
    prepare: async (s) => ({ form: { headline: '권한 시험 기사', sectionId: String(s.sectionId) } }),
  },
  ...(['edit', 'preview', 'history'] as const).map(
    (page): RouteCase => ({
      method: 'GET',
      path: `/newsroom/articles/:id/${page}`,
      allowed: OWNER_OR_DESK,
      prepare: async (s) => ({ url: `/newsroom/articles/${(await article('draft')(s)).id}/${page}` }),
    }),
  ),
  {
    method: 'GET',
    path: '/newsroom/articles/:id/edit (published)',
    allowed: DESK,
    prepare: async (s) => ({ url: `/newsroom/articles/${await s.article('published')}/edit` }),
  },
  {
    method: 'PUT',
    path: '/newsroom/articles/:id',
    allowed: OWNER_OR_DESK,
    prepare: async (s) => ({
      url: `/newsroom/articles/${await s.article('draft')}`,
      json: {
        headline: '고친 제목',
        sectionId: s.sectionId,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }] },
        reporterIds: [s.ids.owner],
      },
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/articles/:id/submit',
    allowed: OWNER_OR_DESK,
    prepare: async (s) => ({ url: `/newsroom/articles/${await s.article('draft')}/submit`, form: {} }),
  },
  {
    method: 'POST',
    path: '/newsroom/articles/:id/return',
    allowed: DESK,
    prepare: async (s) => ({
      url: `/newsroom/articles/${await s.article('submitted')}/return`,
      form: { note: '사실 확인 필요' },
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/articles/:id/approve',
    allowed: DESK,
    prepare: async (s) => ({
      url: `/newsroom/articles/${await s.article('submitted')}/approve`,
      form: { grade: 'normal', publishAt: '' },
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/articles/:id/withdraw',
    allowed: DESK,
    prepare: async (s) => ({
      url: `/newsroom/articles/${await s.article('published')}/withdraw`,
      form: { reason: '오보', confirm: 'yes' },
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/articles/:id/restore',
    allowed: DESK,
    prepare: async (s) => ({
      url: `/newsroom/articles/${await s.article('withdrawn')}/restore`,
      form: {},
    }),
  },
  {
    method: 'GET',
    path: '/newsroom/articles/:id/checks',
    allowed: OWNER_OR_DESK,
    prepare: async (s) => ({ url: `/newsroom/articles/${await s.article('draft')}/checks` }),
  },
  {
    method: 'POST',
    path: '/newsroom/articles/bulk-approve',
    allowed: DESK,
    prepare: async (s) => ({ form: { ids: String(await s.article('submitted')), grade: 'normal' } }),
  },
  {
    method: 'POST',
    path: '/newsroom/articles/:id/delete',
    allowed: OWNER_OR_DESK,
    prepare: async (s) => ({
      url: `/newsroom/articles/${await s.article('draft')}/delete`,
      form: { confirm: 'yes' },
    }),
  },
  { method: 'GET', path: '/newsroom/photos', allowed: STAFF },
  {
    method: 'POST',
    path: '/newsroom/photos/:id/focus',
    allowed: STAFF,
    prepare: async (s) => {
      const photo = await s.app.services.media.storePhoto(await smallJpeg(40, 30))
      return { url: `/newsroom/photos/${photo.id}/focus`, json: { x: 0.3, y: 0.2 } }
    },
  },
  { method: 'POST', path: '/newsroom/photos', allowed: STAFF, prepare: async () => ({ multipart: true }) },
  { method: 'GET', path: '/newsroom/related?q=기사', allowed: STAFF },
  { method: 'GET', path: '/newsroom/home', allowed: DESK },
  {
    method: 'POST',
    path: '/newsroom/home',
    allowed: DESK,
    prepare: async () => ({ form: { slot: 'h0', id: '' } }),
  },
  {
    method: 'POST',
    path: '/newsroom/home/breaking',
    allowed: DESK,
    prepare: async () => ({ form: { text: '권한 시험 속보', hours: '1' } }),
  },
  {
    method: 'POST',
    path: '/newsroom/home/today-photos',
    allowed: DESK,
    prepare: async () => ({ form: {} }),
  },
  { method: 'GET', path: '/newsroom/moderation', allowed: DESK },
  ...(['hide', 'restore', 'delete'] as const).map(
    (action): RouteCase => ({
      method: 'POST',
      path: `/newsroom/moderation/comments/:id/${action}`,
      allowed: DESK,
      prepare: async (s) => ({
        url: `/newsroom/moderation/comments/${(await s.comment()).id}/${action}`,
        form: {},
      }),
    }),
  ),
  {
    method: 'POST',
    path: '/newsroom/moderation/readers/:id/suspend',
    allowed: DESK,
    prepare: async (s) => ({
      url: `/newsroom/moderation/readers/${(await s.comment()).readerId}/suspend`,
      form: {},
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/moderation/banned-words',
    allowed: DESK,
    prepare: async () => ({ form: { words: '비속어\n광고' } }),
  },
  { method: 'GET', path: '/newsroom/search-aliases', allowed: DESK },
  {
    method: 'POST',
    path: '/newsroom/search-aliases',
    allowed: DESK,
    prepare: async () => ({
      form: { spellings: `권한시험${Math.random().toString(36).slice(2, 8)}, 시험표기` },
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/search-aliases/:id/delete',
    allowed: DESK,
    prepare: async (s) => {
      const staffId = s.ids.owner
      const alias = await s.app.services.search.aliases.add(
        `삭제시험${Math.random().toString(36).slice(2, 8)}, 표기`,
        staffId,
      )
      return { url: `/newsroom/search-aliases/${alias.id}/delete`, form: {} }
    },
  },
  {
    method: 'POST',
    path: '/newsroom/moderation/readers/:id/reinstate',
    allowed: DESK,
    prepare: async (s) => ({
      url: `/newsroom/moderation/readers/${(await s.comment()).readerId}/reinstate`,
      form: {},
    }),
  },
  { method: 'GET', path: '/newsroom/inbox', allowed: DESK },
  { method: 'GET', path: '/newsroom/inbox/register.csv', allowed: ['admin'] },
  {
    method: 'POST',
    path: '/newsroom/inbox/settings',
    allowed: ['admin'],
    prepare: async () => ({ form: { attachmentRetentionDays: '90' } }),
  },
  {
    method: 'GET',
    path: '/newsroom/inbox/:id',
    allowed: DESK,
    prepare: async (s) => ({ url: `/newsroom/inbox/${await inboxRequest(s)}` }),
  },
  {
    method: 'GET',
    path: '/newsroom/inbox/:id/attachment',
    allowed: DESK,
    prepare: async (s) => ({ url: `/newsroom/inbox/${await inboxRequest(s, true)}/attachment` }),
  },
  ...(
    [
      ['assign', { assigneeId: '' }],
      ['reply', { text: '확인 중입니다.' }],
      ['decide', { decision: 'refused', reason: '사실 보도입니다.' }],
      ['close', { note: '' }],
    ] as const
  ).map(
    ([action, form]): RouteCase => ({
      method: 'POST',
      path: `/newsroom/inbox/:id/${action}`,
      allowed: DESK,
      prepare: async (s) => ({
        url: `/newsroom/inbox/${await inboxRequest(s)}/${action}`,
        form: { ...form },
      }),
    }),
  ),
  {
    method: 'POST',
    path: '/newsroom/inbox/:id/publish',
    allowed: DESK,
    prepare: async (s) => {
      const id = await inboxRequest(s)
      await s.app.services.inbox.decide(id, 'accepted', '', s.ids.otherReporter)
      return { url: `/newsroom/inbox/${id}/publish`, form: { text: '바로잡습니다.' } }
    },
  },
  { method: 'GET', path: '/newsroom/staff', allowed: ['admin'] },
  { method: 'GET', path: '/newsroom/redirects', allowed: ['admin'] },
  { method: 'GET', path: '/newsroom/redirects.csv', allowed: ['admin'] },
  {
    method: 'POST',
    path: '/newsroom/staff',
    allowed: ['admin'],
    prepare: async () => ({
      form: {
        email: `new-${Math.random().toString(36).slice(2)}@example.kr`,
        name: '신입',
        role: 'reporter',
      },
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/staff/:id',
    allowed: ['admin'],
    prepare: async (s) => ({
      url: `/newsroom/staff/${s.ids.otherReporter}`,
      form: { role: 'reporter', active: '1' },
    }),
  },
  {
    method: 'POST',
    path: '/newsroom/staff/:id/reset',
    allowed: ['admin'],
    prepare: async (s) => ({ url: `/newsroom/staff/${s.ids.otherReporter}/reset`, form: {} }),
  },
]

for (const dialect of await testDialects()) {
  describe(`${dialect}: newsroom authorization`, () => {
    let setup: Setup
    const jars = new Map<Role, Jar>()
    let photo: Buffer

    beforeAll(async () => {
      const app = await createTestApp({ dialect })
      const sectionId = await section(app, 'politics', '정치')
      const owner = await createStaff(app, { email: 'owner@example.kr', name: '김기자', role: 'reporter' })
      const other = await createStaff(app, { email: 'other@example.kr', name: '이기자', role: 'reporter' })
      await createStaff(app, { email: 'desk@example.kr', name: '박데스크', role: 'desk' })
      await createStaff(app, { email: 'admin@example.kr', name: '최국장', role: 'admin' })
      const writer = app.services.desk
      setup = {
        app,
        ids: { owner, otherReporter: other },
        sectionId,
        async article(status) {
          const id = await writer.createDraft(
            {
              sectionId,
              headline: `기사 ${status}`,
              body: {
                type: 'doc',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }],
              },
              reporterIds: [owner],
            },
            owner,
          )
          if (status === 'submitted') await writer.submitArticle(id, owner)
          if (status === 'published' || status === 'withdrawn') await writer.publishArticle(id)
          if (status === 'withdrawn') await writer.withdrawArticle(id, '시험')
          return id
        },
        async comment() {
          const articleId = await this.article('published')
          const readerId = await readerWithSession(app, '독자')
          return { id: await comment(app, { articleId, readerId, body: '댓글' }), readerId }
        },
      }
      jars.set('owner', await loginJar(app, 'owner@example.kr'))
      jars.set('otherReporter', await loginJar(app, 'other@example.kr'))
      jars.set('desk', await loginJar(app, 'desk@example.kr'))
      jars.set('admin', await loginJar(app, 'admin@example.kr'))
      jars.set('reader', await readerJar(app))
      jars.set('nobody', await anonymousJar(app))
      photo = await smallJpeg(40, 30)
    })
    afterAll(() => setup.app.cleanup())

    for (const route of CASES) {
      test(`${route.method} ${route.path}: only ${route.allowed.join(', ')}`, async () => {
        const outcomes: Record<string, boolean> = {}
        for (const role of ROLES) {
          const jar = jars.get(role)!
          const prepared = (await route.prepare?.(setup)) ?? {}
          const url = prepared.url ?? route.path
          const headers: Record<string, string> = { cookie: jar.cookie }
          let payload: string | Buffer | Record<string, string> | undefined
          if (prepared.multipart) {
            const body = multipart({ caption: '설명' }, { name: 'a.jpg', type: 'image/jpeg', data: photo })
            payload = body.payload
            headers['content-type'] = body.contentType
            headers['x-csrf-token'] = jar.csrf
          } else if (prepared.json !== undefined) {
            payload = JSON.stringify(prepared.json)
            headers['content-type'] = 'application/json'
            headers['x-csrf-token'] = jar.csrf
            headers.accept = 'application/json'
          } else if (route.method !== 'GET') {
            payload = { ...prepared.form, _csrf: jar.csrf }
          }
          const res = await setup.app.http.inject({ method: route.method, url, headers, payload })
          const toLogin = res.statusCode === 303 && String(res.headers.location).startsWith('/newsroom/login')
          outcomes[role] = res.statusCode < 400 && !toLogin
          if (!outcomes[role]) expect([401, 403, 303], `${role}: ${res.statusCode}`).toContain(res.statusCode)
          if (url.startsWith('/newsroom')) expect(res.headers['cache-control']).toContain('no-store')
        }
        expect(outcomes).toEqual(Object.fromEntries(ROLES.map((r) => [r, route.allowed.includes(r)])))
      })
    }

    test('a state-changing request without the CSRF token is refused, even for an admin', async () => {
      const jar = jars.get('admin')!
      const id = await setup.article('submitted')
      const res = await setup.app.http.inject({
        method: 'POST',
        url: `/newsroom/articles/${id}/approve`,
        headers: { cookie: jar.cookie },
        payload: { grade: 'normal' },
      })
      expect(res.statusCode).toBe(403)
      const row = await setup.app.db.kysely
        .selectFrom('articles')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirst()
      expect(row?.status).toBe('submitted')
    })

    test("a reporter cannot publish, nor save over someone else's article", async () => {
      const id = await setup.article('draft')
      const other = jars.get('otherReporter')!
      const res = await setup.app.http.inject({
        method: 'PUT',
        url: `/newsroom/articles/${id}`,
        headers: { cookie: other.cookie, 'x-csrf-token': other.csrf, 'content-type': 'application/json' },
        payload: JSON.stringify({
          headline: '남의 기사',
          sectionId: setup.sectionId,
          body: { type: 'doc', content: [] },
          reporterIds: [setup.ids.otherReporter],
        }),
      })
      expect(res.statusCode).toBe(403)
      const row = await setup.app.db.kysely
        .selectFrom('articles')
        .select('headline')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(row.headline).toBe('기사 draft')
    })
  })
}
