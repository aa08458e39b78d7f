// Publishes scheduled articles (예약 출고) when their time comes: once at start, so articles
// due while the app was down go out at once, then every few seconds. Ticks run one after
// another; a tick asked for while one runs waits for it and then looks again, so a test that
// moves the clock and awaits tick() always sees the articles due at the new time.
import type { DeskService } from './desk.service.js'

export interface Scheduler {
  start(): void
  /** Publishes what is due now; resolves with the ids published. */
  tick(): Promise<number[]>
  stop(): Promise<void>
}

export function createScheduler(deps: {
  desk: Pick<DeskService, 'publishDue'>
  everyMs: number
  onError: (error: unknown) => void
}): Scheduler {
  let timer: NodeJS.Timeout | undefined
  let chain: Promise<unknown> = Promise.resolve()

  function tick(): Promise<number[]> {
    const run = chain.then(() => deps.desk.publishDue())
    chain = run.catch(() => undefined)
    return run
  }

  const background = () => {
    tick().catch(deps.onError)
  }

  return {
    start() {
      if (timer) return
      background()
      timer = setInterval(background, deps.everyMs)
      timer.unref()
    },
    tick,
    async stop() {
      if (timer) clearInterval(timer)
      timer = undefined
      await chain
    },
  }
}
