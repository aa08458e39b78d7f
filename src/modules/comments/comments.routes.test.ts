// The comment section over HTTP, on every database: what readers, guests and attackers get.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { publishedArticleIds, readerWithSession } from '../../testing/factories.js'
import { csrfFrom, TestBrowser } from '../../testing/http-client.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { commentMessages as m } from './comments.messages.js'
import { demoCallbackUrl, loginWithDemo } from './testing/demo-login.js'

const countOn = (html: string) => Number(/<span class="comment-count">(\d+)<\/span>/.exec(html)?.[1])
const JSON_ACCEPT = { accept: 'application/json' }

for (const dialect of await testDialects()) {
  describe(`${dialect}: comments over HTTP`, () => {
    let app: TestApp
    let articles: number[]
    beforeAll(async () => {
      app = await createTestApp({
        dialect,
        seed: true,
        env: {
          PUBLIC_URL: 'http://localhost',
          GUEST_COMMENTS: 'true',
          COMMENT_RATE_PER_MINUTE: '1000',
          COMMENT_IP_RATE_PER_MINUTE: '1000',
        },
      })
      articles = await publishedArticleIds(app, 12)
    })
    afterAll(() => app?.cleanup())

    const bodies = async (articleId: number) =>
      await app.db.kysely
        .selectFrom('comments')
        .select(['id', 'body', 'status'])
        .where('articleId', '=', articleId)
        .execute()

    test('a reader logs in with the demo account, comments, replies, votes once, reports and deletes their own', async () => {
      const id = articles[0]!
      const anonymous = new TestBrowser(app.http)
      const before = await anonymous.get(`/news/${id}`)
      expect(before.body).toContain(m.loginPrompt)
      expect(countOn(before.body)).toBe(0)

      const other = new TestBrowser(app.http, '10.0.0.2')
      await readerWithSession(app, '다른독자', other)
      const otherPage = await other.get(`/news/${id}`)
      const posted = await other.post(
        `/news/${id}/comments`,
        { _csrf: csrfFrom(otherPage.body), body: '먼저 쓴 댓글' },
        JSON_ACCEPT,
      )
      expect(posted.status).toBe(200)
      const othersComment = JSON.parse(posted.body).id as number

      const reader = new TestBrowser(app.http)
      const { landed } = await loginWithDemo(reader, '홍시민', `/news/${id}#comments`)
      expect(landed.location).toBe(`/news/${id}#comments`)
      let page = await reader.get(`/news/${id}`)
      expect(page.body).toContain('홍시민님')
      expect(countOn(page.body)).toBe(1)

      const write = await reader.post(`/news/${id}/comments`, {
        _csrf: csrfFrom(page.body),
        body: '좋은 기사입니다.',
      })
      expect(write.status).toBe(303)
      const mine = Number(/#c-(\d+)/.exec(write.location!)?.[1])
      page = await reader.get(`/news/${id}`)
      expect(countOn(page.body)).toBe(2)
      // The anonymous, cached page follows at once.
      expect(countOn((await anonymous.get(`/news/${id}`)).body)).toBe(2)

      const reply = await reader.post(`/news/${id}/comments`, {
        _csrf: csrfFrom(page.body),
        body: '답글입니다',
        parentId: String(othersComment),
      })
      expect(reply.status).toBe(303)
      // One level only: a reply to a reply is refused.
      const replyId = Number(/#c-(\d+)/.exec(reply.location!)?.[1])
      const deeper = await reader.post(
        `/news/${id}/comments`,
        { _csrf: csrfFrom(page.body), body: '답글의 답글', parentId: String(replyId) },
        JSON_ACCEPT,
      )
      expect(deeper.status).toBe(400)
      expect(countOn((await anonymous.get(`/news/${id}`)).body)).toBe(3)

      const token = csrfFrom(page.body)
      const like = await reader.post(
        `/comments/${othersComment}/vote`,
        { kind: 'like' },
        { ...JSON_ACCEPT, 'x-csrf-token': token },
      )
      expect(JSON.parse(like.body)).toMatchObject({ likes: 1 })
      const again = await reader.post(
        `/comments/${othersComment}/vote`,
        { kind: 'like' },
        { ...JSON_ACCEPT, 'x-csrf-token': token },
      )
      expect(again.status).toBe(409)
      const row = await app.db.kysely
        .selectFrom('comments')
        .select('likes')
        .where('id', '=', othersComment)
        .executeTakeFirstOrThrow()
      expect(row.likes).toBe(1)

      const report = await reader.post(
        `/comments/${othersComment}/report`,
        { reason: 'spam' },
        { ...JSON_ACCEPT, 'x-csrf-token': token },
      )
      expect(JSON.parse(report.body)).toMatchObject({ reported: true, hidden: false })

      // Not theirs: the other reader can neither delete nor edit it.
      const otherToken = csrfFrom((await other.get(`/news/${id}`)).body)
      const steal = await other.post(
        `/comments/${mine}/delete`,
        {},
        { ...JSON_ACCEPT, 'x-csrf-token': otherToken },
      )
      expect(steal.status).toBe(403)
      const edit = await other.post(
        `/comments/${mine}/edit`,
        { body: '남의 글 고치기' },
        { ...JSON_ACCEPT, 'x-csrf-token': otherToken },
      )
      expect(edit.status).toBe(403)
      expect((await bodies(id)).find((c) => c.id === mine)?.body).toBe('좋은 기사입니다.')

      const confirm = await reader.get(`/comments/${mine}/delete`)
      expect(confirm.body).toContain(m.deleteConfirm)
      const deleted = await reader.post(`/comments/${mine}/delete`, { _csrf: csrfFrom(confirm.body) })
      expect(deleted.status).toBe(303)
      expect((await bodies(id)).find((c) => c.id === mine)).toMatchObject({ body: '', status: 'deleted' })
      expect(countOn((await anonymous.get(`/news/${id}`)).body)).toBe(2)
    })

    test('a deleted comment with replies shows 삭제된 댓글입니다. and its text is gone', async () => {
      const id = articles[1]!
      const a = new TestBrowser(app.http)
      const b = new TestBrowser(app.http, '10.0.0.3')
      await readerWithSession(app, '원글쓴이', a)
      await readerWithSession(app, '답글쓴이', b)
      const first = await a.post(
        `/news/${id}/comments`,
        { _csrf: csrfFrom((await a.get(`/news/${id}`)).body), body: '지워질 원글' },
        JSON_ACCEPT,
      )
      const parent = JSON.parse(first.body).id
      await b.post(`/news/${id}/comments`, {
        _csrf: csrfFrom((await b.get(`/news/${id}`)).body),
        body: '남는 답글',
        parentId: String(parent),
      })
      const token = csrfFrom((await a.get(`/news/${id}`)).body)
      const gone = await a.post(`/comments/${parent}/delete`, {}, { ...JSON_ACCEPT, 'x-csrf-token': token })
      expect(JSON.parse(gone.body)).toMatchObject({ deleted: true, count: 1 })
      const page = (await new TestBrowser(app.http).get(`/news/${id}`)).body
      expect(page).toContain(m.deleted)
      expect(page).toContain('남는 답글')
      expect(page).not.toContain('지워질 원글')
    })

    test('a missing or forged CSRF token gets 403 and stores nothing', async () => {
      const id = articles[2]!
      const reader = new TestBrowser(app.http)
      await readerWithSession(app, '독자', reader)
      await reader.get(`/news/${id}`)
      const missing = await reader.post(`/news/${id}/comments`, { body: '토큰 없음' })
      expect(missing.status).toBe(403)
      const forged = await reader.post(`/news/${id}/comments`, { body: '가짜 토큰', _csrf: 'forged-token' })
      expect(forged.status).toBe(403)
      const header = await reader.post(
        `/news/${id}/comments`,
        { body: '헤더 위조' },
        { 'x-csrf-token': 'x'.repeat(40) },
      )
      expect(header.status).toBe(403)
      // A token from another browser does not fit this browser's secret either.
      const stranger = new TestBrowser(app.http, '10.0.0.9')
      await readerWithSession(app, '남', stranger)
      const theirs = csrfFrom((await stranger.get(`/news/${id}`)).body)
      expect((await reader.post(`/news/${id}/comments`, { body: '남의 토큰', _csrf: theirs })).status).toBe(
        403,
      )
      expect(await bodies(id)).toEqual([])
    })

    test("one vote per reader and comment, either way, and none on one's own", async () => {
      const id = articles[9]!
      const author = new TestBrowser(app.http, '10.0.3.1')
      await readerWithSession(app, '글쓴이', author)
      const authorToken = csrfFrom((await author.get(`/news/${id}`)).body)
      const posted = await author.post(
        `/news/${id}/comments`,
        { _csrf: authorToken, body: '투표 받을 댓글' },
        JSON_ACCEPT,
      )
      const commentId = JSON.parse(posted.body).id as number
      const vote = (browser: TestBrowser, token: string, kind: string) =>
        browser.post(`/comments/${commentId}/vote`, { kind }, { ...JSON_ACCEPT, 'x-csrf-token': token })

      const own = await vote(author, authorToken, 'like')
      expect(own.status).toBe(403)
      expect(JSON.parse(own.body).errors[0].code).toBe('COMMENTS_OWN_COMMENT')

      const voter = new TestBrowser(app.http, '10.0.3.2')
      await readerWithSession(app, '투표자', voter)
      const voterToken = csrfFrom((await voter.get(`/news/${id}`)).body)
      expect((await vote(voter, voterToken, 'like')).status).toBe(200)
      expect((await vote(voter, voterToken, 'dislike')).status).toBe(409)
      const counts = await Promise.all(
        Array.from({ length: 6 }, (_, i) => vote(voter, voterToken, i % 2 ? 'like' : 'dislike')),
      )
      expect(counts.map((r) => r.status)).toEqual(Array(6).fill(409))
      const row = await app.db.kysely
        .selectFrom('comments')
        .select(['likes', 'dislikes'])
        .where('id', '=', commentId)
        .executeTakeFirstOrThrow()
      expect(row).toEqual({ likes: 1, dislikes: 0 })
    })

    test('a form sent again after a lost answer stores its comment once', async () => {
      const id = articles[10]!
      const reader = new TestBrowser(app.http, '10.0.4.1')
      await readerWithSession(app, '재전송독자', reader)
      const page = (await reader.get(`/news/${id}`)).body
      const clientKey = /name="clientKey" value="([^"]+)"/.exec(page)?.[1]
      expect(clientKey).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
      const form = { _csrf: csrfFrom(page), clientKey: clientKey!, body: '한 번만 저장될 댓글' }
      const answers = await Promise.all([
        reader.post(`/news/${id}/comments`, form),
        reader.post(`/news/${id}/comments`, form),
        reader.post(`/news/${id}/comments`, form, JSON_ACCEPT),
      ])
      expect(answers.map((a) => a.status)).toEqual([303, 303, 200])
      const stored = (await bodies(id)).filter((c) => c.body === '한 번만 저장될 댓글')
      expect(stored).toHaveLength(1)
      expect(answers[0]!.location).toBe(`/news/${id}#c-${stored[0]!.id}`)
      expect(JSON.parse(answers[2]!.body).id).toBe(stored[0]!.id)
      // Another reader's post under the same key is theirs, not a retry of this one.
      const other = new TestBrowser(app.http, '10.0.4.2')
      await readerWithSession(app, '다른사람', other)
      const otherToken = csrfFrom((await other.get(`/news/${id}`)).body)
      await other.post(`/news/${id}/comments`, { ...form, _csrf: otherToken, body: '같은 키의 다른 댓글' })
      expect((await bodies(id)).map((c) => c.body).sort()).toEqual([
        '같은 키의 다른 댓글',
        '한 번만 저장될 댓글',
      ])
    })

    test('after login a reader lands only on this site: tricks lead home, a Korean return path works', async () => {
      for (const trick of [
        '/\t/evil.example',
        '/%09/evil.example',
        '//evil.example',
        '/\\evil.example',
        '/\n/x',
      ]) {
        const { landed } = await loginWithDemo(new TestBrowser(app.http), '돌아갈독자', trick)
        expect(landed.status).toBe(303)
        expect(landed.location).toBe('/')
      }
      const korean = '/search?q=반도체 수출'
      const { landed } = await loginWithDemo(new TestBrowser(app.http), '한글경로독자', korean)
      expect(landed.status).toBe(303)
      expect(decodeURIComponent(landed.location!)).toBe(korean)
    })

    test('a guest comments with a name and password, wrong passwords delete nothing and are slowed down', async () => {
      const id = articles[3]!
      const guest = new TestBrowser(app.http, '10.0.1.1')
      const chooser = await guest.get(`/comments/login?return=${encodeURIComponent(`/news/${id}#comments`)}`)
      expect(chooser.body).toContain(`/news/${id}/comments/write`)
      const form = await guest.get(`/news/${id}/comments/write`)
      const posted = await guest.post(`/news/${id}/comments`, {
        _csrf: csrfFrom(form.body),
        guestName: '지나가던손님',
        guestPassword: 'pass1234',
        body: '비회원 댓글',
      })
      expect(posted.status).toBe(303)
      const commentId = Number(/#c-(\d+)/.exec(posted.location!)?.[1])
      const stored = await app.db.kysely
        .selectFrom('comments')
        .select('guestPasswordHash')
        .where('id', '=', commentId)
        .executeTakeFirstOrThrow()
      expect(stored.guestPasswordHash).toMatch(/^\$argon2id\$/)

      const attacker = new TestBrowser(app.http, '10.0.1.2')
      const confirm = await attacker.get(`/comments/${commentId}/delete`)
      expect(confirm.body).toContain(m.deleteConfirm)
      const token = csrfFrom(confirm.body)
      for (let i = 0; i < 5; i++) {
        const wrong = await attacker.post(`/comments/${commentId}/delete`, {
          _csrf: token,
          password: `guess${i}`,
        })
        expect(wrong.status).toBe(403)
      }
      const slowed = await attacker.post(`/comments/${commentId}/delete`, {
        _csrf: token,
        password: 'pass1234',
      })
      expect(slowed.status).toBe(429)
      expect(Number(slowed.headers['retry-after'])).toBeGreaterThan(0)
      expect((await bodies(id))[0]).toMatchObject({ body: '비회원 댓글', status: 'published' })

      // The guest on their own connection is not locked out by someone else's guessing.
      const token2 = csrfFrom((await guest.get(`/comments/${commentId}/delete`)).body)
      const ok = await guest.post(`/comments/${commentId}/delete`, { _csrf: token2, password: 'pass1234' })
      expect(ok.status).toBe(303)
      expect((await bodies(id))[0]).toMatchObject({ body: '', status: 'deleted' })
    })

    test('bad input keeps the text and says what to fix', async () => {
      const id = articles[4]!
      const reader = new TestBrowser(app.http)
      await readerWithSession(app, '길게쓰는독자', reader)
      const token = csrfFrom((await reader.get(`/news/${id}`)).body)
      const long = '가'.repeat(1001)
      const answer = await reader.post(`/news/${id}/comments`, { _csrf: token, body: long })
      expect(answer.status).toBe(400)
      expect(answer.body).toContain(long)
      expect(answer.body).toContain('1000자까지')
      expect(await bodies(id)).toEqual([])
    })

    test('a wrong state, a replayed code and a missing PKCE verifier are refused', async () => {
      const browser = new TestBrowser(app.http)
      const callback = await demoCallbackUrl(browser, '상태검사')
      const tampered = callback.replace(/state=[^&]+/, 'state=wrong-state-value-0123456789')
      const wrongState = await browser.get(tampered)
      expect(wrongState.status).toBe(400)
      expect(browser.cookies.has('sid')).toBe(false)

      const second = new TestBrowser(app.http)
      const goodCallback = await demoCallbackUrl(second, '재사용검사')
      const loginCookie = second.cookies.get('sinmun_login')!
      expect((await second.get(goodCallback)).status).toBe(303)
      expect(second.cookies.has('sid')).toBe(true)
      const replayer = new TestBrowser(app.http)
      replayer.cookies.set('sinmun_login', loginCookie)
      const replay = await replayer.get(goodCallback)
      expect(replay.status).toBe(400)
      expect(replayer.cookies.has('sid')).toBe(false)

      // The provider itself will not hand out tokens for a code without its PKCE verifier.
      const third = new TestBrowser(app.http)
      const code = new URL(await demoCallbackUrl(third, 'PKCE검사'), 'http://localhost').searchParams.get(
        'code',
      )!
      const token = await app.http.inject({
        method: 'POST',
        url: '/demo-oidc/token',
        headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost' },
        payload: new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: 'http://localhost/comments/login/demo/callback',
          client_id: 'sinmun-demo',
          client_secret: 'not-needed-to-fail',
        }).toString(),
      })
      expect(token.statusCode).toBeGreaterThanOrEqual(400)
      expect(token.body).not.toContain('access_token')
    })

    test('banned words hold a comment; staff restore it, and every action is logged', async () => {
      const id = articles[5]!
      const moderation = app.services.moderation
      await moderation.setBannedWords(7, ['바보', '  ', '바보'])
      expect(await moderation.getBannedWords()).toEqual(['바보'])
      const reader = new TestBrowser(app.http)
      const readerId = await readerWithSession(app, '화난독자', reader)
      const token = csrfFrom((await reader.get(`/news/${id}`)).body)
      const held = await reader.post(`/news/${id}/comments`, { _csrf: token, body: '이 바 보 같은 기사' })
      expect(held.status).toBe(202)
      expect(held.body).toContain(m.held)
      expect(countOn((await new TestBrowser(app.http).get(`/news/${id}`)).body)).toBe(0)

      const queue = await moderation.listForModeration({ status: 'held' })
      const item = queue.find((c) => c.articleId === id)!
      expect(item).toMatchObject({ author: '화난독자', body: '이 바 보 같은 기사', status: 'held' })
      await moderation.restoreComment(7, item.id)
      expect(countOn((await new TestBrowser(app.http).get(`/news/${id}`)).body)).toBe(1)
      await moderation.hideComment(7, item.id, '확인 결과 비방')
      expect((await moderation.listForModeration({ status: 'hidden' })).map((c) => c.id)).toContain(item.id)
      expect(countOn((await new TestBrowser(app.http).get(`/news/${id}`)).body)).toBe(0)

      await moderation.suspendReader(7, readerId)
      // Their session is gone: the page is the anonymous one again and posting needs a login.
      const after = await reader.get(`/news/${id}`)
      expect(after.body).toContain(m.loginPrompt)
      const log = await moderation.moderationLog()
      expect(log.map((e) => e.action)).toEqual(
        expect.arrayContaining(['banned-words', 'restore', 'hide', 'suspend']),
      )
      expect(log.every((e) => e.staffId === 7 && e.createdAt)).toBe(true)
      await moderation.setBannedWords(7, [])
    })

    test('enough reports hide a comment; the window closes commenting', async () => {
      const id = articles[6]!
      await app.services.moderation.saveSettings(1, { reportThreshold: 2 })
      const author = new TestBrowser(app.http)
      await readerWithSession(app, '글쓴이', author)
      const posted = await author.post(
        `/news/${id}/comments`,
        { _csrf: csrfFrom((await author.get(`/news/${id}`)).body), body: '논란의 댓글' },
        JSON_ACCEPT,
      )
      const commentId = JSON.parse(posted.body).id
      for (const ip of ['10.1.0.1', '10.1.0.2']) {
        const r = new TestBrowser(app.http, ip)
        await readerWithSession(app, `신고자${ip}`, r)
        const token = csrfFrom((await r.get(`/news/${id}`)).body)
        await r.post(
          `/comments/${commentId}/report`,
          { reason: 'abuse' },
          { ...JSON_ACCEPT, 'x-csrf-token': token },
        )
      }
      expect((await bodies(id))[0]?.status).toBe('hidden')
      expect(countOn((await new TestBrowser(app.http).get(`/news/${id}`)).body)).toBe(0)
      await app.services.moderation.saveSettings(1, { reportThreshold: 5 })

      await app.services.moderation.setArticleWindow(1, id, 0)
      const closed = await author.post(
        `/news/${id}/comments`,
        { _csrf: csrfFrom((await author.get(`/news/${id}`)).body), body: '늦은 댓글' },
        JSON_ACCEPT,
      )
      expect(closed.status).toBe(409)
      expect((await new TestBrowser(app.http).get(`/news/${id}`)).body).toContain(m.closed)
      await app.services.moderation.setArticleWindow(1, id, 'outlet')
    })

    test('더보기 pages through the threads without JavaScript, newest or most liked', async () => {
      const id = articles[7]!
      const reader = new TestBrowser(app.http)
      await readerWithSession(app, '열심독자', reader)
      const token = csrfFrom((await reader.get(`/news/${id}`)).body)
      for (let i = 1; i <= 23; i++) {
        app.clock.advance(1000)
        await reader.post(`/news/${id}/comments`, { _csrf: token, body: `댓글 번호 ${i}번` }, JSON_ACCEPT)
      }
      const anonymous = new TestBrowser(app.http)
      const first = (await anonymous.get(`/news/${id}`)).body
      expect(first).toContain('댓글 번호 23번')
      expect(first).not.toContain('댓글 번호 3번')
      const more = /href="([^"]*comments\?sort=newest&amp;page=2)"/.exec(first)?.[1]?.replace(/&amp;/g, '&')
      expect(more).toBeDefined()
      const second = (await anonymous.get(more!)).body
      expect(second).toContain('댓글 번호 3번')
      expect(second).not.toContain('댓글 번호 23번')
      expect(second).not.toContain('comment-more')
      const likes = (await anonymous.get(`/news/${id}/comments?sort=likes`)).body
      expect(likes).toContain('aria-current="true"')
    })
  })
}
