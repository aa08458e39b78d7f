// `sinmun reindex`: rebuilds the search index with a progress line on stderr and a summary.
import type { Search } from './index.js'
import type { ReindexProgress, ReindexResult } from './search.indexer.js'

/** A `\r`-rewritten line: percent, count and rate; plain lines when stderr is not a terminal. */
export function progressLine(stream: NodeJS.WriteStream, now = () => performance.now()) {
  const started = now()
  let lastPercent = -1
  return ({ done, total }: ReindexProgress) => {
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100
    if (!stream.isTTY && percent === lastPercent) return
    lastPercent = percent
    const seconds = Math.max((now() - started) / 1000, 0.001)
    const width = 30
    const filled = Math.round((percent / 100) * width)
    const bar = `${'#'.repeat(filled)}${'.'.repeat(width - filled)}`
    const line = `[${bar}] ${String(percent).padStart(3)}%  ${done}/${total}  ${Math.round(done / seconds)} articles/s`
    stream.write(stream.isTTY ? `\r${line}` : `${line}\n`)
    if (stream.isTTY && done >= total) stream.write('\n')
  }
}

export async function runReindex(
  search: Pick<Search, 'reindex'>,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<ReindexResult> {
  const result = await search.reindex({ onProgress: progressLine(stderr) })
  const seconds = (result.ms / 1000).toFixed(1)
  console.log(
    `Search index rebuilt: ${result.indexed} articles indexed, ${result.removed} stale entries removed ` +
      `(${result.scanned} read) in ${seconds} s.`,
  )
  return result
}
