// Nothing a reader was told is saved may be lost: concurrent posters write comments to the
// real server (built, run as `sinmun serve`), the server is killed with SIGKILL half way and
// started again on the same data; every comment answered 2xx must be there exactly once.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { randomBytes, randomUUID } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase } from '../../platform/db/database.js'
import { TEST_POSTGRES_URL, testDialects } from '../../testing/dialects.js'
import { SHARED_TEST_MEDIA } from '../../testing/test-app.js'
import type { CommentsTables } from './comments.table.js'

const execFileAsync = promisify(execFile)
const SECONDS = Number(process.env.DURABILITY_SECONDS ?? (process.env.CI ? 20 : 8))
const POSTERS = 4
const root = resolve('.')
// Built apart from dist/ so a parallel `npm run build` cannot pull the files away.
const outDir = join(root, 'node_modules', '.cache', `sinmun-durability-${process.pid}`)

async function buildServer() {
  await execFileAsync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', outDir])
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function startServer(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(outDir, 'cli.js'), 'serve'], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  child.stderr?.on('data', (chunk) => {
    const line = String(chunk)
    if (!/WARNING|FSTDEP|trace-warnings/.test(line)) process.stderr.write(line)
  })
  return child
}

async function waitUntilUp(base: string) {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/`)).ok) return
    } catch {}
    await sleep(100)
  }
  throw new Error('server did not come up')
}

/** A guest poster: its own cookies and CSRF token, posting until told to stop. */
async function poster(base: string, articleId: number, until: () => boolean, acked: string[]) {
  let cookie = ''
  let token = ''
  const refresh = async () => {
    const page = await fetch(`${base}/news/${articleId}/comments/write`)
    cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    token = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
  }
  while (!until()) {
    try {
      if (!token) await refresh()
      const mark = `durable-${randomUUID()}`
      const answer = await fetch(`${base}/news/${articleId}/comments`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', cookie },
        body: new URLSearchParams({
          _csrf: token,
          guestName: '내구성',
          guestPassword: 'pw-1234',
          body: mark,
        }),
      })
      if (answer.status >= 200 && answer.status < 300) acked.push(mark)
      else if (answer.status === 403) token = ''
      await answer.arrayBuffer()
    } catch {
      // The server is down (killed on purpose): try again once it is back.
      token = ''
      await sleep(50)
    }
  }
}

for (const dialect of await testDialects()) {
  describe(`${dialect}: comments survive a SIGKILL`, () => {
    let dataDir: string
    let env: Record<string, string>
    let schema: string | undefined
    let server: ChildProcess | undefined
    beforeAll(async () => {
      await buildServer()
      dataDir = await mkdtemp(join(tmpdir(), 'sinmun-durability-'))
      const port = await freePort()
      env = {
        NODE_ENV: 'test',
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: `http://127.0.0.1:${port}`,
        DATA_DIR: dataDir,
        MEDIA_DIR: SHARED_TEST_MEDIA,
        LOG_LEVEL: 'warn',
        GUEST_COMMENTS: 'true',
        COMMENT_RATE_PER_MINUTE: '1000000',
        COMMENT_IP_RATE_PER_MINUTE: '1000000',
        DEMO_LOGIN: 'false',
      }
      if (dialect === 'postgres') {
        schema = `dur_${randomBytes(5).toString('hex')}`
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
        await client.connect()
        await client.query(`create schema ${schema}`)
        await client.end()
        env.DATABASE_URL = `${TEST_POSTGRES_URL}?options=-c%20search_path%3D${schema}`
      }
    })
    afterAll(async () => {
      server?.kill('SIGKILL')
      if (schema) {
        const client = new pg.Client({ connectionString: TEST_POSTGRES_URL })
        await client.connect()
        await client.query(`drop schema ${schema} cascade`)
        await client.end()
      }
      await rm(dataDir, { recursive: true, force: true })
      await rm(outDir, { recursive: true, force: true })
    })

    test(`every acknowledged comment is kept exactly once (${SECONDS} s of posting)`, {
      timeout: SECONDS * 1000 + 120_000,
    }, async () => {
      console.log(
        `durability (${dialect}): posting for ${SECONDS} s with ${POSTERS} posters, SIGKILL half way`,
      )
      const base = env.PUBLIC_URL!
      server = startServer(env)
      await waitUntilUp(base)
      const articleId = Number(/href="\/news\/(\d+)"/.exec(await (await fetch(`${base}/`)).text())?.[1])
      expect(articleId).toBeGreaterThan(0)

      const acked: string[] = []
      let stop = false
      const posting = Array.from({ length: POSTERS }, () => poster(base, articleId, () => stop, acked))
      await sleep((SECONDS * 1000) / 2)
      const before = acked.length
      server.kill('SIGKILL')
      await new Promise((r) => server!.once('exit', r))
      server = startServer(env)
      await waitUntilUp(base)
      // The second half starts once the server is back, however long the restart took.
      await sleep((SECONDS * 1000) / 2)
      stop = true
      await Promise.all(posting)
      server.kill('SIGTERM')
      await new Promise((r) => server!.once('exit', r))
      server = undefined

      const db = openDatabase<CommentsTables>(
        dialect === 'postgres'
          ? { kind: 'postgres', url: TEST_POSTGRES_URL, schema: schema! }
          : { kind: 'sqlite', file: join(dataDir, 'sinmun.db') },
      )
      try {
        const rows = await db.kysely
          .selectFrom('comments')
          .select('body')
          .where('articleId', '=', articleId)
          .where('body', 'like', 'durable-%')
          .execute()
        const stored = new Map<string, number>()
        for (const r of rows) stored.set(r.body, (stored.get(r.body) ?? 0) + 1)
        console.log(
          `durability (${dialect}): ${acked.length} acknowledged (${before} before the kill), ${rows.length} stored`,
        )
        expect(before).toBeGreaterThan(0)
        expect(acked.length).toBeGreaterThan(before)
        expect(acked.filter((mark) => stored.get(mark) !== 1)).toEqual([])
        expect([...stored.values()].filter((n) => n > 1)).toEqual([])
      } finally {
        await db.close()
      }
    })
  })
}
