// Housekeeping: deletes what has ended — sessions past their idle or lifetime end, used-up
// invitation and reset links, stale login counts — once at start and then every hour, so the
// tables hold only what can still be used. Each owner deletes its own rows; this only calls
// them. Every node runs it: the deletes are idempotent and cheap.
export interface HousekeepingJob {
  name: string
  /** Deletes what has ended; returns how many rows went. */
  run(): Promise<number>
}

export interface Housekeeping {
  start(): void
  /** Runs every job once; resolves with the rows each deleted. */
  runOnce(): Promise<Record<string, number>>
  stop(): Promise<void>
}

export function createHousekeeping(deps: {
  jobs: HousekeepingJob[]
  everyMs?: number
  onError: (job: string, error: unknown) => void
}): Housekeeping {
  let timer: NodeJS.Timeout | undefined
  let running: Promise<unknown> = Promise.resolve()

  const runOnce = () => {
    const run = running.then(async () => {
      const deleted: Record<string, number> = {}
      for (const job of deps.jobs) {
        try {
          deleted[job.name] = await job.run()
        } catch (error) {
          deps.onError(job.name, error)
        }
      }
      return deleted
    })
    running = run.catch(() => undefined)
    return run
  }

  return {
    start() {
      if (timer) return
      void runOnce()
      timer = setInterval(() => void runOnce(), deps.everyMs ?? 3_600_000)
      timer.unref()
    },
    runOnce,
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await running
    },
  }
}
