// The SMTP transport (nodemailer). A send that fails for a passing reason (connection refused,
// timeout, a 4xx answer) is tried again a few times before the failure is reported; a 5xx
// answer (unknown mailbox, refused sender) is final at once.
import { setTimeout as sleep } from 'node:timers/promises'
import { createTransport } from 'nodemailer'
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js'
import { type Mailer, MailFailed } from './staff.mailer.js'

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 or smtps://…:465 */
  url: string
  /** The sender, read at each send so a change in the settings applies at once. */
  from: () => Promise<string>
  /** Pauses between attempts; tests shorten them. */
  retryDelaysMs?: readonly number[]
  log?: (message: string, error: unknown) => void
}

export function createSmtpMailer(options: SmtpMailerOptions): Mailer & { close(): void } {
  const smtp: SMTPTransport.Options = {
    url: options.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  }
  const transport = createTransport(smtp)
  const delays = options.retryDelaysMs ?? [1_000, 4_000]
  return {
    transport: 'smtp',
    async send(message) {
      const from = await options.from()
      for (let attempt = 0; ; attempt++) {
        try {
          await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text })
          return
        } catch (error) {
          options.log?.(`mail to ${message.to} failed (attempt ${attempt + 1})`, error)
          const code = (error as { responseCode?: number }).responseCode
          const permanent = code !== undefined && code >= 500
          if (permanent || attempt >= delays.length) throw new MailFailed(describe(error))
          await sleep(delays[attempt])
        }
      }
    },
    close: () => transport.close(),
  }
}

function describe(error: unknown): string {
  const e = error as { response?: string; code?: string; message?: string }
  return (e.response ?? e.code ?? e.message ?? String(error)).slice(0, 200)
}
