// Three 7000 × 7000 PNGs uploaded at once to a real server process (built, run as `sinmun
// serve`): image work waits in a bounded queue, so the server's resident memory stays within
// a stated budget above its idle size and comes back down after the burst. A burst beyond the
// queue is answered 503 with Retry-After instead of being taken on.
import { execFile, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { multipart } from './newsroom-fixtures.js'

const execFileAsync = promisify(execFile)
const root = resolve('.')
const outDir = join(root, 'node_modules', '.cache', `sinmun-images-${process.pid}`)
const MB = 1024 * 1024
/** What three 49-megapixel PNGs in parallel may add to the warm server's resident memory. */
const BURST_BUDGET = 150 * MB
/** What may stay above the warm size once the bursts are over. */
const LEFT_AFTER = 80 * MB

/** The environment the shipped systemd unit sets (MALLOC_ARENA_MAX): the test runs what ships. */
const unitEnvironment = Object.fromEntries(
  readFileSync(join(resolve('.'), 'deploy', 'sinmun.service'), 'utf8')
    .split('\n')
    .map((line) => /^Environment=(\w+)=(.*)$/.exec(line.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
)

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
const rssOf = (pid: number) =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(';')[0])

describe('image work under a memory budget', () => {
  let dataDir: string
  let base: string
  let server: ReturnType<typeof spawn> | undefined
  let env: Record<string, string>

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'sinmun-images-'))
    await execFileAsync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--out', outDir])
    const port = await freePort()
    base = `http://127.0.0.1:${port}`
    env = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...unitEnvironment,
    }
    const cli = join(outDir, 'cli.js')
    await execFileAsync(process.execPath, [cli, 'migrate'], { env })
    await execFileAsync(
      process.execPath,
      [
        cli,
        'create-staff',
        '--email',
        'photo@example.kr',
        '--name',
        '사진기자',
        '--role',
        'reporter',
        '--password',
        'image-test-password',
      ],
      { env },
    )
    server = spawn(process.execPath, [cli, 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return
      } catch {}
      await sleep(100)
    }
    throw new Error('server did not come up')
  })
  afterAll(async () => {
    server?.kill('SIGKILL')
    await rm(dataDir, { recursive: true, force: true })
    await rm(outDir, { recursive: true, force: true })
  })

  async function logIn() {
    const page = await fetch(`${base}/newsroom/login`)
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? ''
    let cookie = cookiesOf(page).join('; ')
    const login = await fetch(`${base}/newsroom/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'photo@example.kr', password: 'image-test-password', _csrf: csrf }),
    })
    expect(login.status).toBe(303)
    cookie = [cookie, ...cookiesOf(login)].join('; ')
    return { cookie, csrf }
  }

  test('three 7000 × 7000 PNGs at once stay within the budget and the memory comes back', async () => {
    const pid = server!.pid!
    const jar = await logIn()
    const png = await sharp({
      create: { width: 7000, height: 7000, channels: 3, background: { r: 200, g: 40, b: 90 } },
    })
      .png({ compressionLevel: 1 })
      .toBuffer()
    const upload = () => {
      const body = multipart({ caption: '큰 사진' }, { name: 'big.png', type: 'image/png', data: png })
      return fetch(`${base}/newsroom/photos`, {
        method: 'POST',
        headers: {
          cookie: jar.cookie,
          'x-csrf-token': jar.csrf,
          'content-type': body.contentType,
          accept: 'application/json',
        },
        body: body.payload,
      })
    }
    // Warm: sharp and libvips load on the first upload; that code is not the burst's.
    expect((await upload()).status).toBe(201)
    await sleep(2000)
    const idle = rssOf(pid)

    let peak = idle
    let sampling = true
    const sampler = (async () => {
      while (sampling) {
        peak = Math.max(peak, rssOf(pid))
        await sleep(20)
      }
    })()
    // Two bursts: the second must reuse what the first freed, not add to it.
    for (let burst = 0; burst < 2; burst++) {
      const answers = await Promise.all([upload(), upload(), upload()])
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201])
    }
    sampling = false
    await sampler

    let after = rssOf(pid)
    for (let i = 0; i < 50 && after - idle > LEFT_AFTER; i++) {
      await sleep(200)
      after = rssOf(pid)
    }
    console.log(
      `image burst: idle ${Math.round(idle / MB)} MB, peak ${Math.round(peak / MB)} MB (+${Math.round((peak - idle) / MB)}), after ${Math.round(after / MB)} MB`,
    )
    expect(peak - idle).toBeLessThan(BURST_BUDGET)
    expect(after - idle).toBeLessThan(LEFT_AFTER)
  })
})
