// A tiny browser stand-in over `app.http.inject` for route tests: keeps cookies, follows
// nothing by itself, and reads CSRF tokens out of pages.
import type { FastifyInstance } from 'fastify'

export interface Answer {
  status: number
  body: string
  headers: Record<string, string | string[] | number | undefined>
  location: string | undefined
}

export class TestBrowser {
  readonly cookies = new Map<string, string>()
  constructor(
    private readonly http: FastifyInstance,
    readonly ip = '127.0.0.1',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private remember(setCookie: string | string[] | number | undefined) {
    for (const line of [setCookie ?? []].flat()) {
      const [pair] = String(line).split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1)
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(String(line))) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const u = new URL(url, 'http://localhost')
    const response = await this.http.inject({
      method,
      url: u.pathname + u.search,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}),
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(form ? { payload: new URLSearchParams(form).toString() } : {}),
    })
    this.remember(response.headers['set-cookie'])
    const location = response.headers.location
    return {
      status: response.statusCode,
      body: response.body,
      headers: response.headers,
      location: typeof location === 'string' ? location : undefined,
    }
  }

  /** A multipart/form-data post as a browser sends a form with file inputs. */
  async postMultipart(
    url: string,
    fields: Record<string, string>,
    files: Record<string, { name: string; type: string; data: Buffer }> = {},
  ): Promise<Answer> {
    const boundary = `----sinmun${Math.random().toString(16).slice(2)}`
    const parts: Buffer[] = []
    for (const [name, value] of Object.entries(fields)) {
      parts.push(
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
      )
    }
    for (const [name, file] of Object.entries(files)) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
        ),
        file.data,
        Buffer.from('\r\n'),
      )
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`))
    const response = await this.http.inject({
      method: 'POST',
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookies.size > 0 ? { cookie: this.cookieHeader() } : {}),
        'content-type': `multipart/form-data; boundary=${boundary}`,
      },
      payload: Buffer.concat(parts),
    })
    this.remember(response.headers['set-cookie'])
    const location = response.headers.location
    return {
      status: response.statusCode,
      body: response.body,
      headers: response.headers,
      location: typeof location === 'string' ? location : undefined,
    }
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers)
  post = (url: string, form: Record<string, string>, headers?: Record<string, string>) =>
    this.request('POST', url, form, headers)

  /** Follows redirects from a GET until a page answers. */
  async follow(url: string, max = 10): Promise<Answer & { url: string }> {
    let current = url
    for (let i = 0; i < max; i++) {
      const answer = await this.get(current)
      if (answer.status < 300 || answer.status >= 400 || !answer.location) return { ...answer, url: current }
      current = new URL(answer.location, new URL(current, 'http://localhost')).href
    }
    throw new Error(`too many redirects from ${url}`)
  }
}

export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html) ?? /data-csrf="([^"]+)"/.exec(html)
  if (!match) throw new Error('no CSRF field on the page')
  return match[1]!
}

export function formAction(html: string, pattern: RegExp): string {
  const match = [...html.matchAll(/<form[^>]*action="([^"]+)"/g)].find((m) => pattern.test(m[1]!))
  if (!match) throw new Error(`no form matching ${pattern}`)
  return match[1]!.replace(/&amp;/g, '&')
}
