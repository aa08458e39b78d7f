// Fixtures of the newsroom tests: staff accounts made through the real invite flow, logged-in
// cookie jars for `app.http.inject`, a logged-in reader, multipart bodies, and the browser.
import { randomBytes } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'
import { type Browser, chromium, type Page } from 'playwright-core'
import sharp from 'sharp'
import { readerWithSession } from '../src/testing/factories.js'
import type { TestApp } from '../src/testing/test-app.js'

export const STAFF_PASSWORD = 'newsroom-test-password'

export async function createStaff(
  app: TestApp,
  who: { email: string; name: string; role: 'reporter' | 'desk' | 'admin' },
): Promise<number> {
  const { link } = await app.services.staff.invite(who)
  const token = link.split('/').pop()!
  await app.services.staff.setPasswordWithToken(token, 'invite', STAFF_PASSWORD)
  return (await app.services.staff.findIdByEmail(who.email))!
}

/** Logs a browser page in through the newsroom's login form; returns on the dashboard. */
export async function logInToNewsroom(page: Page, email: string, password = STAFF_PASSWORD) {
  await page.goto('/newsroom/login')
  await page.fill('input[name=email]', email)
  await page.fill('input[name=password]', password)
  await Promise.all([page.waitForURL(/\/newsroom$/), page.click('main button[type=submit]')])
}

/** A cookie jar for inject: its cookies and a CSRF token valid with them. */
export interface Jar {
  cookie: string
  csrf: string
}

const cookiesOf = (res: { cookies: { name: string; value: string }[] }) =>
  res.cookies.map((c) => `${c.name}=${c.value}`)

function merge(cookie: string, added: string[]): string {
  const jar = new Map(
    cookie
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.split('=')[0]!, c] as const),
  )
  for (const c of added) jar.set(c.split('=')[0]!, c)
  return [...jar.values()].join('; ')
}

/** A visitor's jar: the CSRF cookie and token from the login page, plus any extra cookies. */
export async function anonymousJar(app: TestApp, extraCookie = ''): Promise<Jar> {
  const res = await app.http.inject({ url: '/newsroom/login', headers: { cookie: extraCookie } })
  const csrf = res.body.match(/name="_csrf" value="([^"]+)"/)?.[1]
  if (!csrf) throw new Error('no CSRF token on the login page')
  return { cookie: merge(extraCookie, cookiesOf(res)), csrf }
}

export async function loginJar(app: TestApp, email: string, password = STAFF_PASSWORD): Promise<Jar> {
  const jar = await anonymousJar(app)
  const res = await app.http.inject({
    method: 'POST',
    url: '/newsroom/login',
    headers: { cookie: jar.cookie },
    payload: { email, password, _csrf: jar.csrf },
  })
  if (res.statusCode !== 303) throw new Error(`login of ${email} failed: ${res.statusCode}`)
  return { cookie: merge(jar.cookie, cookiesOf(res)), csrf: jar.csrf }
}

/** A logged-in reader (a social-login session), who must count for nothing in the newsroom. */
export async function readerJar(app: TestApp): Promise<Jar> {
  const readerId = await readerWithSession(app, '독자')
  const token = await app.sessions.create('reader', readerId)
  return anonymousJar(app, `sid=${app.http.signCookie(token)}`)
}

/** A photo sent to the newsroom's upload endpoint as the editor's script sends it. */
export function uploadPhoto(
  app: TestApp,
  jar: Jar,
  file: { name: string; type: string; data: Buffer },
  fields: Record<string, string> = {},
) {
  const body = multipart(fields, file)
  return app.http.inject({
    method: 'POST',
    url: '/newsroom/photos',
    headers: {
      cookie: jar.cookie,
      'x-csrf-token': jar.csrf,
      'content-type': body.contentType,
      accept: 'application/json',
    },
    payload: body.payload,
  })
}

/** A multipart/form-data body as a browser sends it. */
export function multipart(
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
) {
  const boundary = `----sinmun${randomBytes(8).toString('hex')}`
  const parts: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    )
  }
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.data,
      Buffer.from('\r\n'),
    )
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`))
  return { payload: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` }
}

export const smallJpeg = (width = 800, height = 600) =>
  sharp({ create: { width, height, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg()
    .toBuffer()

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body) >>> 0)
  return Buffer.concat([length, body, crc])
}

/**
 * A PNG whose header says 30,000 × 30,000 pixels (900 million) in about 1.5 kB: a valid
 * signature and IHDR, and a little compressed data. Nothing that huge is ever allocated.
 */
export function hugePng(): Buffer {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(30_000, 0)
  ihdr.writeUInt32BE(30_000, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  const rows = deflateSync(Buffer.alloc(30_001 * 50))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', rows),
    pngChunk('IEND', Buffer.alloc(0)),
  ])
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Chromium, or null with the reason printed (outside CI only: under CI it must be there). */
export async function launchBrowser(): Promise<Browser | null> {
  try {
    return await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS })
  } catch (error) {
    if (process.env.CI) throw error
    console.warn(`Skipping newsroom browser test: Chromium not available (${(error as Error).message})`)
    return null
  }
}
