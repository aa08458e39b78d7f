// A one-line progress bar on stderr for long imports; silent when stderr is not a terminal,
// where it prints a line every tenth of the way instead.

export interface Progress {
  start(total: number): void
  tick(label: string): void
  done(): void
}

export const noProgress: Progress = { start() {}, tick() {}, done() {} }

export function stderrProgress(title: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  let total = 0
  let current = 0
  let lastTenth = -1
  const width = 28
  const draw = (label: string) => {
    const share = total === 0 ? 1 : current / total
    if (!stream.isTTY) {
      const tenth = Math.floor(share * 10)
      if (tenth !== lastTenth) stream.write(`${title}: ${current}/${total}\n`)
      lastTenth = tenth
      return
    }
    const filled = Math.round(share * width)
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`
    const columns = stream.columns ?? 80
    const line = `${title} ${bar} ${current}/${total} ${label}`
    stream.write(`\r${line.slice(0, columns - 1).padEnd(columns - 1)}`)
  }
  return {
    start(n) {
      total = n
      current = 0
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
