// `sinmun serve --workers N`: the primary prepares the database once (migrations, demo seed),
// forks N workers that share the port (node:cluster), relays cache invalidations between them
// when there is no Redis, restarts a worker that dies, and on SIGTERM/SIGINT stops every
// worker gracefully before leaving.
import cluster, { type Worker } from 'node:cluster'
import type { Config } from '../config.js'
import { isIpcInvalidation } from './ipc-invalidation-bus.js'

export interface PrimaryOptions {
  workers: number
  /** Runs once in the primary before any worker starts. */
  prepare(): Promise<void>
  log?: (line: string) => void
}

const RESTART_WINDOW_MS = 10_000

export async function runPrimary(config: Config, options: PrimaryOptions): Promise<void> {
  const log = options.log ?? console.log
  await options.prepare()
  let stopping = false
  const recentCrashes: number[] = []

  const relay = (from: Worker) => (message: unknown) => {
    if (!isIpcInvalidation(message)) return
    for (const worker of Object.values(cluster.workers ?? {})) {
      if (worker && worker !== from && worker.isConnected()) worker.send(message)
    }
  }
  const fork = () => {
    const worker = cluster.fork()
    worker.on('message', relay(worker))
    return worker
  }

  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return
    const now = Date.now()
    recentCrashes.push(now)
    while (recentCrashes.length > 0 && (recentCrashes[0] ?? 0) < now - RESTART_WINDOW_MS)
      recentCrashes.shift()
    log(`worker ${worker.process.pid} died (${signal ?? code}); starting another`)
    // A worker that dies at once on every start would spin the CPU: wait a little each time.
    const delay = recentCrashes.length > options.workers ? 1_000 : 0
    setTimeout(() => {
      if (!stopping) fork()
    }, delay)
  })

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return
    stopping = true
    log(`${signal}: stopping ${options.workers} workers after the requests in flight`)
    const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined)
    if (workers.length === 0) process.exit(0)
    let left = workers.length
    for (const worker of workers) {
      worker.once('exit', () => {
        left -= 1
        if (left === 0) process.exit(0)
      })
      worker.process.kill('SIGTERM')
    }
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))

  for (let i = 0; i < options.workers; i++) fork()
  log(`Sinmun primary ${process.pid}: ${options.workers} workers on ${config.host}:${config.port}`)
}
