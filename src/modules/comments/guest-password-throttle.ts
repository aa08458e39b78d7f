// Wrong guest passwords are slowed down per comment and IP: after a few misses each further
// try must wait, and the wait doubles with every miss, so guessing a password is hopeless.
// In memory on purpose: a restart forgives, and a Redis store can replace it with the
// same interface when several nodes serve the site.
import type { Clock } from '../../platform/clock.js'

export interface PasswordThrottle {
  /** Seconds to wait before another try is accepted, or 0. */
  waitSeconds(key: string): number
  failed(key: string): void
  succeeded(key: string): void
}

const FREE_TRIES = 5
const FIRST_WAIT_MS = 30_000
const MAX_KEYS = 10_000

export function createPasswordThrottle(clock: Clock): PasswordThrottle {
  const misses = new Map<string, { count: number; until: number }>()
  return {
    waitSeconds(key) {
      const entry = misses.get(key)
      if (!entry) return 0
      const left = entry.until - clock.now().getTime()
      return left > 0 ? Math.ceil(left / 1000) : 0
    },
    failed(key) {
      const entry = misses.get(key) ?? { count: 0, until: 0 }
      entry.count += 1
      if (entry.count >= FREE_TRIES) {
        entry.until = clock.now().getTime() + FIRST_WAIT_MS * 2 ** (entry.count - FREE_TRIES)
      }
      if (misses.size >= MAX_KEYS && !misses.has(key)) misses.delete(misses.keys().next().value!)
      misses.set(key, entry)
    },
    succeeded(key) {
      misses.delete(key)
    },
  }
}
