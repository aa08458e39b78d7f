// How the newsroom sends mail (invitations, password resets, later notices). Two transports
// behind one interface: SMTP (nodemailer) when SMTP_URL is set, and the console transport for
// development, which prints the message and keeps the last few in memory — and says so, so no
// screen ever claims a mail went out when it was only printed.
export interface MailMessage {
  to: string
  subject: string
  /** The plain-text part; every message has one. */
  text: string
}

export interface Mailer {
  /** 'console' mails are printed for the operator, never delivered. */
  readonly transport: 'smtp' | 'console'
  /** Resolves once the server accepted the message; rejects with MailFailed otherwise. */
  send(message: MailMessage): Promise<void>
}

export interface ConsoleMailer extends Mailer {
  /** The most recent messages, newest last (what tests and the admin page read). */
  readonly sent: readonly MailMessage[]
}

/** A message the mail server did not accept; `reason` is the server's answer, for the admin. */
export class MailFailed extends Error {
  constructor(readonly reason: string) {
    super(`mail not sent: ${reason}`)
  }
}

export function createConsoleMailer(print: (line: string) => void): ConsoleMailer {
  const sent: MailMessage[] = []
  return {
    transport: 'console',
    sent,
    async send(message) {
      sent.push(message)
      if (sent.length > 20) sent.shift()
      print(`[mail] to ${message.to}: ${message.subject}\n${message.text}`)
    },
  }
}
