// The inbox on a real database (SQLite and PostgreSQL): the migration keeps old tips, a
// statutory request runs from receipt to the published notice, the register, the reminders
// and the attachment sweep.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import * as inboxMigration from '../../platform/db/migrations/2026_12_06_1000_extend_tips_for_inbox.js'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { registerCsv } from './register-csv.js'

const request = {
  kind: 'correction' as const,
  name: '김청구',
  contact: 'claimant@example.com',
  subject: '사실과 다른 보도',
  body: '기사 셋째 문단의 금액은 사실과 다릅니다.',
  disputedPassage: null,
  learnedOn: null,
  consent: 'yes' as const,
}

for (const dialect of await testDialects()) {
  describe(`${dialect}: the inbox`, () => {
    let app: TestApp
    let articleId: number
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true, now: '2025-02-05T03:00:00.000Z' })
      articleId = (await app.services.articles.latest(1))[0]!.id
    })
    afterAll(() => app.cleanup())

    test('the migration keeps tips that were stored before the inbox', async () => {
      const db = app.db.kysely
      await inboxMigration.down(db)
      await sql`insert into tips (kind, name, contact, subject, body, status, created_at)
        values ('correction', '옛 청구인', '010-1111-2222', '예전 청구', '본문', 'new', '2025-01-02T00:00:00.000Z')`.execute(
        db,
      )
      await inboxMigration.up(db)
      const old = (await app.services.inbox.list({ q: '예전 청구' }))[0]
      expect(old).toMatchObject({ kind: 'correction', name: '옛 청구인', status: 'new', decision: null })
    })

    test('from receipt to the published correction, every step logged', async () => {
      const inbox = app.services.inbox
      const id = await inbox.submit({ ...request, articleUrl: `${app.config.publicUrl}/news/${articleId}` })
      const received = await inbox.get(id)
      expect(received.clock).toMatchObject({
        answerBy: '2025-02-08T14:59:59.999Z',
        publishBy: '2025-02-12T14:59:59.999Z',
        answer: 'ok',
      })
      await expect(inbox.publish(id, '바로잡습니다', 1)).rejects.toMatchObject({ code: 'INBOX_INVALID_STEP' })
      await expect(inbox.decide(id, 'refused', ' ', 1)).rejects.toMatchObject({ code: 'INBOX_INVALID_STEP' })
      await inbox.assign(id, 1, 1)
      await inbox.decide(id, 'accepted', '', 1)
      await inbox.publish(id, '본지 2월 3일 보도의 금액은 3억 원이 아니라 3천만 원이므로 바로잡습니다.', 1)
      const done = await inbox.get(id)
      expect(done).toMatchObject({ status: 'published', decision: 'accepted' })
      expect(done.steps.map((s) => s.action)).toEqual(['received', 'assigned', 'accepted', 'published'])
      expect(await inbox.noticesFor(articleId)).toEqual([
        expect.objectContaining({ kind: 'correction', text: expect.stringContaining('바로잡습니다') }),
      ])
      const page = await app.http.inject({ method: 'GET', url: `/news/${articleId}` })
      expect(page.body).toContain('3천만 원이므로 바로잡습니다')
      const csv = registerCsv(await inbox.register())
      expect(csv.startsWith('\uFEFF접수번호')).toBe(true)
      expect(csv).toContain(`${id},정정보도 청구,2025.02.05 12:00,김청구`)
    })

    test('a day before a deadline the desk is mailed once', async () => {
      const inbox = app.services.inbox
      const id = await inbox.submit({ ...request, subject: '알림 확인', articleUrl: `/news/${articleId}` })
      expect(await inbox.sendReminders()).toBe(0)
      app.clock.set('2025-02-08T01:00:00.000Z')
      // Tests run without SMTP_URL: the console mailer keeps what it was given.
      const mailbox = () => ('sent' in app.services.mailer ? app.services.mailer.sent : [])
      const sent = mailbox().length
      expect(await inbox.sendReminders()).toBeGreaterThanOrEqual(1)
      expect(
        mailbox()
          .slice(sent)
          .some((m) => m.subject.includes(`#${id}`)),
      ).toBe(true)
      expect(await inbox.sendReminders()).toBe(0)
      expect((await inbox.dashboard()).urgent.map((r) => r.id)).toContain(id)
      app.clock.set('2025-02-05T03:00:00.000Z')
    })

    test('attachments older than the retention are deleted, the request kept', async () => {
      const inbox = app.services.inbox
      const id = await inbox.submit(
        { ...request, kind: 'tip', subject: '사진 제보', articleUrl: null },
        { name: 'photo.jpg', type: 'image/jpeg', data: Buffer.from('bytes') },
      )
      const uploads = join(app.dataDir, 'uploads')
      const files = readdirSync(uploads).length
      await inbox.saveSettings({ attachmentRetentionDays: 30 })
      expect(await inbox.purgeAttachments()).toBe(0)
      app.clock.set('2025-03-10T03:00:00.000Z')
      expect(await inbox.purgeAttachments()).toBeGreaterThanOrEqual(1)
      expect(readdirSync(uploads).length).toBeLessThan(files)
      await expect(inbox.attachment(id)).rejects.toMatchObject({ code: 'INBOX_NO_ATTACHMENT' })
      expect((await inbox.get(id)).subject).toBe('사진 제보')
      expect(existsSync(uploads)).toBe(true)
      app.clock.set('2025-02-05T03:00:00.000Z')
    })
  })
}
