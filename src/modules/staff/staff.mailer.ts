// How the newsroom sends invite and password-reset links. The embedded mode has no mail
// server: the console transport prints the message (the operator passes the link on) and
// keeps the last few in memory. An SMTP transport plugs in behind the same interface.
export interface MailMessage {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  send(message: MailMessage): Promise<void>
}

export interface ConsoleMailer extends Mailer {
  /** The most recent messages, newest last (what tests and the admin page read). */
  readonly sent: readonly MailMessage[]
}

export function createConsoleMailer(print: (line: string) => void): ConsoleMailer {
  const sent: MailMessage[] = []
  return {
    sent,
    async send(message) {
      sent.push(message)
      if (sent.length > 20) sent.shift()
      print(`[mail] to ${message.to}: ${message.subject}\n${message.text}`)
    },
  }
}
