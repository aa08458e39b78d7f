// `sinmun import ndsoft URL [--from-dir DIR] [--delay MS] [--only N,N]`: runs the ndsoft
// import with a progress bar; Ctrl-C stops after the article being written, and the same
// command continues later. Prints the closing report, failed pages and how to retry them.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { reportLines } from '../import-report.js'
import type { ImportServices } from '../import-services.js'
import { stderrProgress } from '../progress.js'
import { importNdsoft } from './ndsoft-import.js'
import { directorySiteReader, httpSiteReader } from './site-reader.js'

export interface NdsoftArgs {
  site: string
  fromDir?: string
  delayMs?: number
  only?: string
}

export class NdsoftUsageError extends Error {}

export function parseOnly(only: string | undefined): number[] | undefined {
  if (!only) return undefined
  const ids = only.split(',').map((s) => Number(s.trim()))
  if (ids.some((n) => !Number.isInteger(n) || n <= 0)) {
    throw new NdsoftUsageError(`--only takes idxnos separated by commas, e.g. --only 1003,1007 (got ${only})`)
  }
  return ids
}

export async function runNdsoftImport(
  args: NdsoftArgs,
  services: ImportServices,
  print: (line: string) => void,
): Promise<void> {
  let origin: string
  try {
    origin = new URL(args.site).origin
  } catch {
    throw new NdsoftUsageError(`Not a site address: ${args.site} (e.g. https://www.example-news.co.kr)`)
  }
  if (args.fromDir && !existsSync(args.fromDir)) throw new NdsoftUsageError(`No such folder: ${args.fromDir}`)
  const only = parseOnly(args.only)
  const site = args.fromDir
    ? directorySiteReader(resolve(args.fromDir), origin)
    : await httpSiteReader(origin, { delayMs: args.delayMs ?? 1000 })
  const stop = new AbortController()
  const onSigint = () => {
    print('Stopping after the article being written; run the same command again to continue.')
    stop.abort()
  }
  process.once('SIGINT', onSigint)
  try {
    const summary = await importNdsoft(services, site, {
      progress: stderrProgress('ndsoft'),
      only,
      signal: stop.signal,
    })
    for (const line of reportLines(summary)) print(line)
    if (summary.failed.length > 0) {
      print(`Failed pages (${summary.failed.length}), nothing of them was stored:`)
      for (const f of summary.failed) print(`  ${f.path}: ${f.reason}`)
      const ids = summary.failed.map((f) => f.idxno).join(',')
      print(`Retry them alone: sinmun import ndsoft ${args.site} --only ${ids}`)
    }
    if (summary.interrupted) print('Interrupted: run the same command again to continue where it stopped.')
  } finally {
    process.off('SIGINT', onSigint)
  }
}
