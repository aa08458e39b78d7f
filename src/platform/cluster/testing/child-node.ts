// For tests that need real processes (several nodes, SIGTERM, SIGKILL): compiles src/ once
// per test file into a temporary folder laid out like the repository (dist/ beside a
// node_modules link) and starts `sinmun serve` from it as a child process. The folder is
// removed after the file's tests.
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll } from 'vitest'

const execFileAsync = promisify(execFile)

const repo = fileURLToPath(new URL('../../../../', import.meta.url))
let compiled: Promise<string> | undefined
let buildRoot: string | undefined

// Registered while the importing test file is collected, before that file's own hooks, so it
// runs after them (after hooks run last-registered first): once its nodes are stopped.
// A process 'exit' handler is not enough: Vitest's workers may end without running it.
afterAll(async () => {
  const root = buildRoot
  compiled = undefined
  buildRoot = undefined
  if (root) await rm(root, { recursive: true, force: true })
})

/** The compiled cli.js; compiled on first use. */
export function compiledCli(): Promise<string> {
  compiled ??= compile()
  return compiled
}

async function compile(): Promise<string> {
  const root = join(tmpdir(), `sinmun-node-${process.pid}-${Date.now()}`)
  const dist = join(root, 'dist')
  buildRoot = root
  mkdirSync(root, { recursive: true })
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'))
  writeFileSync(join(root, 'package.json'), '{"type":"module"}\n')
  await execFileAsync(process.execPath, [join(repo, 'scripts', 'build.mjs'), '--out', dist])
  return join(dist, 'cli.js')
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolvePort(port))
    })
  })
}

export interface ChildNode {
  url: string
  port: number
  child: ChildProcess
  /** Everything the process printed so far (stdout and stderr). */
  output(): string
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>
  stop(signal?: NodeJS.Signals): Promise<number | null>
}

/** Starts `sinmun serve` (extra args allowed) and waits until /healthz answers. */
export async function startChildNode(
  env: Record<string, string>,
  args: string[] = [],
  options: { port?: number; timeoutMs?: number } = {},
): Promise<ChildNode> {
  const cli = await compiledCli()
  const port = options.port ?? (await freePort())
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [cli, 'serve', ...args], {
    env: {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: url,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString()
  })
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
  const node: ChildNode = {
    url,
    port,
    child,
    output: () => output,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      return exited
    },
  }
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  let finished = false
  void exited.then(() => {
    finished = true
  })
  while (Date.now() < deadline && !finished) {
    try {
      const response = await fetch(`${url}/healthz`)
      if (response.ok) return node
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  await node.stop('SIGKILL')
  throw new Error(`sinmun serve did not start on ${url}:\n${output}`)
}
