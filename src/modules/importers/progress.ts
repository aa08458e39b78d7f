// A one-line progress bar on stderr for long imports, with the count and an estimate of the
// time left; when stderr is not a terminal it prints a line every tenth of the way instead.

export interface Progress {
  start(total: number): void
  tick(label: string): void
  done(): void
}

export const noProgress: Progress = { start() {}, tick() {}, done() {} }

/** `~3 min left`, from the pace so far; empty until there is a pace. */
export function estimateLeft(elapsedMs: number, done: number, total: number): string {
  if (done === 0 || done >= total) return ''
  const seconds = Math.round(((elapsedMs / done) * (total - done)) / 1000)
  if (seconds < 90) return `~${seconds} s left`
  if (seconds < 90 * 60) return `~${Math.round(seconds / 60)} min left`
  return `~${(seconds / 3600).toFixed(1)} h left`
}

export function stderrProgress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let total = 0
  let current = 0
  let startedAt = Date.now()
  let lastTenth = -1
  const width = 28
  const draw = (label: string) => {
    const share = total === 0 ? 1 : current / total
    if (!stream.isTTY) {
      const tenth = Math.floor(share * 10)
      if (tenth !== lastTenth)
        stream.write(
          `${title}: ${current}/${total} ${estimateLeft(Date.now() - startedAt, current, total)}\n`,
        )
      lastTenth = tenth
      return
    }
    const filled = Math.round(share * width)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    const columns = stream.columns ?? 80
    const line = `${title} ${bar} ${current}/${total} ${estimateLeft(Date.now() - startedAt, current, total)} ${label}`
    stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`)
  }
  return {
    start(n) {
      total = n
      current = 0
      startedAt = Date.now()
      draw('')
    },
    tick(label) {
      current = Math.min(total, current + 1)
      draw(label)
    },
    done() {
      if (stream.isTTY) stream.write('\n')
    },
  }
}
