// How much CPU other processes took while a figure was measured: on a small machine a test
// run next door halves the numbers, so every figure carries this with it.
import { readFileSync } from 'node:fs'

const TICKS_PER_SECOND = 100 // USER_HZ on Linux

function machineBusyTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number)
  // Interrupt time is left out: our own loopback traffic is handled there.
  const [user, nice, system] = fields
  return user + nice + system
}

function processTicks(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return Number(rest[11]) + Number(rest[12])
  } catch {
    return 0
  }
}

/** Starts counting; `stop()` returns the cores used by processes other than `pids` and us. */
export function otherLoad(pids = []) {
  const ours = () => processTicks(process.pid) + pids.reduce((sum, pid) => sum + processTicks(pid), 0)
  const busy0 = machineBusyTicks()
  const ours0 = ours()
  const t0 = performance.now()
  return {
    stop() {
      const seconds = (performance.now() - t0) / 1000
      const others = machineBusyTicks() - busy0 - (ours() - ours0)
      return Math.max(0, others / TICKS_PER_SECOND / seconds)
    },
  }
}

/** Waits (up to `maxSeconds`) until other processes use less than `threshold` cores. */
export async function waitForQuiet({ threshold = 0.25, maxSeconds = 300, log = console.log } = {}) {
  const deadline = Date.now() + maxSeconds * 1000
  for (;;) {
    const sample = otherLoad()
    await new Promise((r) => setTimeout(r, 2000))
    const cores = sample.stop()
    if (cores < threshold) return cores
    if (Date.now() > deadline) {
      log(`  the machine stayed busy (${cores.toFixed(2)} cores used by other processes); measuring anyway`)
      return cores
    }
    log(`  waiting for a quiet machine: other processes use ${cores.toFixed(2)} cores`)
  }
}
