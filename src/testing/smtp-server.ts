// A real SMTP server for tests (the `smtp-server` package) on a free port of 127.0.0.1: the
// app's mailer speaks the real protocol to it, and tests read what arrived, decoded as a mail
// program would (MIME encoded-word subjects, base64 or quoted-printable text parts).
import { SMTPServer } from 'smtp-server'

export interface ReceivedMail {
  from: string
  to: string[]
  subject: string
  /** The text/plain part, decoded. */
  text: string
  /** The raw message, headers included. */
  raw: string
}

export interface TestSmtpServer {
  url: string
  received: ReceivedMail[]
  /** Answer the next `count` RCPT TO commands with this SMTP error (e.g. 550 or 451). */
  refuseNext(count: number, code: number): void
  /** Resolves with the next mail to arrive (or the first one already there, at `index`). */
  waitFor(index: number): Promise<ReceivedMail>
  close(): Promise<void>
}

export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = []
  const waiters: (() => void)[] = []
  let refusals: { count: number; code: number } = { count: 0, code: 0 }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (refusals.count > 0) {
        refusals.count--
        const error = Object.assign(new Error('refused by the test server'), { responseCode: refusals.code })
        return callback(error)
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(header(raw, 'subject')),
          text: textPart(raw),
          raw,
        })
        for (const w of waiters.splice(0)) w()
        callback()
      })
    },
  })
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address()
      resolve(typeof address === 'object' && address ? address.port : 0)
    })
  })
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext(count, code) {
      refusals = { count, code }
    },
    async waitFor(index) {
      while (received.length <= index) await new Promise<void>((r) => waiters.push(r))
      return received[index]!
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** An unfolded header's value. */
function header(raw: string, name: string): string {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? ''
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ')
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name}:`))
  return line ? line.slice(name.length + 1).trim() : ''
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= and =?UTF-8?Q?…?=), joined as mail programs do. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_m, _charset, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    )
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))
  return Buffer.from(bytes, 'latin1').toString('utf8')
}

/** The text/plain part of a single-part or multipart message, decoded. */
function textPart(raw: string): string {
  const type = header(raw, 'content-type')
  const boundary = type.match(/boundary="?([^";]+)"?/)?.[1]
  if (boundary) {
    for (const part of raw.split(`--${boundary}`).slice(1)) {
      if (/content-type:\s*text\/plain/i.test(part)) return textPart(part.replace(/^\r?\n/, ''))
    }
    return ''
  }
  const encoding = header(raw, 'content-transfer-encoding').toLowerCase()
  const body = raw
    .split(/\r?\n\r?\n/)
    .slice(1)
    .join('\n\n')
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body)
  return body
}
