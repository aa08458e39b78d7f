// Child processes of the benchmark: the Sinmun server and the static baseline. Every child is
// tracked and killed when the benchmark ends, however it ends.
import { spawn } from 'node:child_process'
import { closeSync, cpSync, existsSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const children = new Set()

function killAll() {
  for (const child of children) child.kill('SIGKILL')
}
process.on('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll()
    process.exit(130)
  })
}

/**
 * On a shared machine, asks the scheduler to favour the benchmark and the children it spawns
 * (they inherit it) over other work; needs root. Returns the niceness in effect.
 */
export function raisePriority(niceness = -10) {
  try {
    os.setPriority(0, niceness)
  } catch {
    // Not allowed: measure at normal priority.
  }
  return os.getPriority(0)
}

export function freePort() {
  return new Promise((done, fail) => {
    const server = net.createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => done(port))
    })
  })
}

/** One GET; resolves with status, headers and body, rejects on connection errors. */
export function get(url, headers = {}) {
  return new Promise((done, fail) => {
    const request = http.get(url, { agent: false, headers }, (response) => {
      const chunks = []
      response.on('data', (c) => chunks.push(c))
      response.on('end', () =>
        done({ status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) }),
      )
    })
    request.on('error', fail)
  })
}

/** Polls every 10 ms until `url` answers 200; returns the milliseconds since `since`. */
async function firstAnswer(url, child, since, timeoutMs = 60_000) {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${child.spawnargs.join(' ')} exited with ${child.exitCode}`)
    const elapsed = Number(process.hrtime.bigint() - since) / 1e6
    if (elapsed > timeoutMs) throw new Error(`no 200 from ${url} within ${timeoutMs} ms`)
    const status = await get(url).then(
      (r) => r.status,
      () => 0,
    )
    if (status === 200) return Number(process.hrtime.bigint() - since) / 1e6
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1])
  return kb / 1024
}

/**
 * Spawns `node <args>` with exactly `env` (plus PATH/HOME), output appended to `logFile`,
 * and waits for the first 200 from `readyPath`.
 */
export async function startChild({ name, args, env, port, readyPath = '/', logFile }) {
  const out = openSync(logFile, 'a')
  const since = process.hrtime.bigint()
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', out, out],
  })
  closeSync(out)
  children.add(child)
  child.once('exit', () => children.delete(child))
  const base = `http://127.0.0.1:${port}`
  try {
    const firstAnswerMs = await firstAnswer(base + readyPath, child, since)
    return { name, child, base, firstAnswerMs, stop: () => stopChild(child) }
  } catch (error) {
    await stopChild(child)
    throw new Error(`${name} did not start (see ${logFile}): ${error.message}`)
  }
}

async function stopChild(child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((r) => child.once('exit', r))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
  await exited
  clearTimeout(timer)
}

/**
 * A private copy of dist/ for the servers of one run: other work in the same checkout may
 * rebuild dist/ (which first deletes it) while the benchmark is running.
 */
export function snapshotDist() {
  const out = join(import.meta.dirname, 'out')
  const copy = join(out, 'dist')
  rmSync(copy, { recursive: true, force: true })
  cpSync(join(root, 'dist'), copy, { recursive: true })
  // The app finds packages and fonts in ../node_modules, as it does from dist/.
  if (!existsSync(join(out, 'node_modules')))
    symlinkSync(join(root, 'node_modules'), join(out, 'node_modules'))
  return copy
}

export const SESSION_SECRET = 'sinmun-benchmark-session-secret-0123456789'

/** The Sinmun server in production mode on SQLite, exactly as an operator starts it. */
export async function startSinmun({ distDir, dataDir, mediaDir, logFile, env = {}, nodeOptions = [] }) {
  const port = await freePort()
  return startChild({
    name: 'sinmun',
    args: [...nodeOptions, join(distDir, 'cli.js'), 'serve'],
    env: {
      NODE_ENV: 'production',
      SESSION_SECRET,
      DATA_DIR: dataDir,
      MEDIA_DIR: mediaDir,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'warn',
      ...env,
    },
    port,
    logFile,
  })
}

/** The minimal node:http server answering every request with one stored response. */
export async function startBaseline({ responseFile, logFile }) {
  const port = await freePort()
  return startChild({
    name: 'baseline',
    args: [join(import.meta.dirname, 'static-baseline.mjs'), responseFile],
    env: { PORT: String(port) },
    port,
    logFile,
  })
}
