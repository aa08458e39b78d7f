// The SMTP transport against a real SMTP server: Korean text arrives as a plain-text part,
// a passing refusal (4xx) is tried again, a final one (5xx) or an absent server is reported
// as not sent — never as sent.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { startSmtpServer, type TestSmtpServer } from '../../testing/smtp-server.js'
import { createSmtpMailer } from './smtp-mailer.js'
import { MailFailed } from './staff.mailer.js'

describe('the SMTP mailer', () => {
  let smtp: TestSmtpServer
  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  afterAll(() => smtp.close())

  const mailer = (url = smtp.url) =>
    createSmtpMailer({ url, from: async () => '"한빛일보" <newsroom@example.kr>', retryDelaysMs: [20, 20] })
  const message = {
    to: 'reporter@example.kr',
    subject: '[뉴스룸] 초대 안내',
    text: '뉴스룸에 초대되었습니다.\nhttps://news.example.kr/newsroom/invite/abc',
  }

  test('delivers a Korean message with a plain-text part and the sender from the settings', async () => {
    const before = smtp.received.length
    await mailer().send(message)
    const mail = await smtp.waitFor(before)
    expect(mail.from).toBe('newsroom@example.kr')
    expect(mail.subject).toBe('[뉴스룸] 초대 안내')
    expect(mail.text).toContain('뉴스룸에 초대되었습니다.')
    expect(mail.raw).toMatch(/content-type: text\/plain; charset=utf-8/i)
  })

  test('tries again after a passing refusal and then delivers', async () => {
    const before = smtp.received.length
    smtp.refuseNext(1, 451)
    await mailer().send(message)
    expect((await smtp.waitFor(before)).to).toEqual(['reporter@example.kr'])
  })

  test('reports a final refusal at once, with the server answer', async () => {
    const before = smtp.received.length
    smtp.refuseNext(1, 550)
    await expect(mailer().send(message)).rejects.toBeInstanceOf(MailFailed)
    expect(smtp.received.length).toBe(before)
  })

  test('reports a server that does not answer as not sent', async () => {
    await expect(mailer('smtp://127.0.0.1:1').send(message)).rejects.toBeInstanceOf(MailFailed)
  })
})
