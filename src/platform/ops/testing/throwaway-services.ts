// Redis and PostgreSQL servers of a test's own, on spare ports, so a fault test can stop and
// restart them without touching the machine's shared services (CI and other tests use those).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Redis } from 'ioredis'
import pg from 'pg'
import { freePort } from '../../cluster/testing/child-node.js'

async function until(what: string, probe: () => Promise<boolean>, ms = 15_000) {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`${what} did not come up within ${ms} ms`)
}

export interface OwnRedis {
  url: string
  stop(): Promise<void>
  start(): Promise<void>
  /** SIGSTOP: the process hangs with its sockets open, as a swapping or wedged server does. */
  pause(): void
  resume(): void
}

/** Stops or continues a process and every process it started (PostgreSQL's backends). */
function signalTree(pid: number, signal: 'SIGSTOP' | 'SIGCONT') {
  let children: number[] = []
  try {
    children = execFileSync('pgrep', ['-P', String(pid)])
      .toString()
      .split('\n')
      .filter(Boolean)
      .map(Number)
  } catch {
    // pgrep exits 1 when there are none
  }
  process.kill(pid, signal)
  for (const child of children) process.kill(child, signal)
}

/** A redis-server child on a free port, keeping nothing on disk. */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort()
  const url = `redis://127.0.0.1:${port}`
  let child: ChildProcess | undefined
  const ping = async () => {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null })
    client.on('error', () => {})
    try {
      await client.connect()
      return (await client.ping()) === 'PONG'
    } finally {
      client.disconnect()
    }
  }
  const own: OwnRedis = {
    url,
    async start() {
      child = spawn(
        'redis-server',
        ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
        {
          stdio: 'ignore',
        },
      )
      await until('redis-server', ping)
    },
    pause() {
      if (child?.pid) process.kill(child.pid, 'SIGSTOP')
    },
    resume() {
      if (child?.pid) process.kill(child.pid, 'SIGCONT')
    },
    async stop() {
      const running = child
      if (!running || running.exitCode !== null) return
      if (running.pid) process.kill(running.pid, 'SIGCONT')
      const exited = new Promise((r) => running.once('exit', r))
      running.kill('SIGKILL')
      await exited
    },
  }
  await own.start()
  return own
}

/** Why a throwaway PostgreSQL cannot run here, or null when it can. */
export function ownPostgresUnavailable(): string | null {
  if (!postgresBin()) return 'no initdb/pg_ctl under /usr/lib/postgresql/*/bin'
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' })
    } catch {
      return 'running as root without a postgres user to run initdb as'
    }
  }
  return null
}

function postgresBin(): string | null {
  const base = '/usr/lib/postgresql'
  if (!existsSync(base)) return null
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a))
  for (const v of versions) if (existsSync(join(base, v, 'bin', 'pg_ctl'))) return join(base, v, 'bin')
  return null
}

export interface OwnPostgres {
  url: string
  /** `immediate` is a crash-like stop: no checkpoint, recovery at the next start. */
  stop(mode?: 'fast' | 'immediate'): void
  /** SIGSTOP the server and its backends: connections stay open and nothing answers. */
  pause(): void
  resume(): void
  start(): Promise<void>
  destroy(): void
}

/** initdb + pg_ctl on a free port in a temporary folder; as the postgres user when we are root. */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = postgresBin()
  if (!bin) throw new Error('PostgreSQL server binaries not found')
  const port = await freePort()
  const dir = mkdtempSync(join(tmpdir(), 'sinmun-pg-'))
  const data = join(dir, 'data')
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString())
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString())
    chownSync(dir, uid, gid)
  }
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool)
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args
    execFileSync(command, fullArgs, { stdio: 'ignore', cwd: dir })
  }
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8'])
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  const postmasterPid = () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
  const own: OwnPostgres = {
    url,
    async start() {
      run('pg_ctl', [
        '-D',
        data,
        '-l',
        join(dir, 'log'),
        '-w',
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`,
        'start',
      ])
      await until('PostgreSQL', async () => {
        const client = new pg.Client({ connectionString: url })
        await client.connect()
        await client.end()
        return true
      })
    },
    pause() {
      signalTree(postmasterPid(), 'SIGSTOP')
    },
    resume() {
      signalTree(postmasterPid(), 'SIGCONT')
    },
    stop(mode = 'fast') {
      try {
        signalTree(postmasterPid(), 'SIGCONT')
      } catch {
        // not running
      }
      run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop'])
    },
    destroy() {
      try {
        own.stop('immediate')
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true })
    },
  }
  await own.start()
  return own
}
