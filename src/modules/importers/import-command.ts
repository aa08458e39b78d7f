// The `sinmun import wordpress|rss|ndsoft` command: reads the source, runs the importer with a
// progress bar on stderr and prints the closing report.
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { reportLines } from './import-report.js'
import type { ImportServices } from './import-services.js'
import { NdsoftUsageError, runNdsoftImport } from './ndsoft/ndsoft-command.js'
import { stderrProgress } from './progress.js'
import { importRss } from './rss/rss-import.js'
import { importWordpress } from './wordpress/wordpress-import.js'

export class ImportUsageError extends Error {}

export interface ImportArgs {
  source: string | undefined
  target: string | undefined
  uploads?: string
  section?: string
  fromDir?: string
  delay?: string
  only?: string
}

async function readSource(target: string): Promise<string> {
  if (/^https?:\/\//i.test(target)) {
    const response = await fetch(target, { signal: AbortSignal.timeout(30_000) })
    if (!response.ok) throw new ImportUsageError(`${target} answered ${response.status}`)
    return response.text()
  }
  if (!existsSync(target)) throw new ImportUsageError(`No such file: ${target}`)
  return readFile(target, 'utf8')
}

/** What the command writes into: the services of a built app, and how to close it. */
export type OpenImportTarget = () => Promise<{ services: ImportServices; close(): Promise<void> }>

export async function runImport(
  args: ImportArgs,
  open: OpenImportTarget,
  print = console.log,
): Promise<void> {
  const { source, target } = args
  if ((source !== 'wordpress' && source !== 'rss' && source !== 'ndsoft') || !target) {
    throw new ImportUsageError(
      'Usage: sinmun import wordpress FILE.xml [--uploads DIR] | rss URL|FILE [--section SLUG] | ndsoft URL [--from-dir DIR] [--delay MS] [--only N,N]',
    )
  }
  if (source === 'ndsoft') return importNdsoftSite(args, target, open, print)
  if (args.uploads && !existsSync(args.uploads)) throw new ImportUsageError(`No such folder: ${args.uploads}`)
  const input = await readSource(target)
  const opened = await open()
  const app = opened.services
  try {
    if (source === 'wordpress') {
      if (!args.uploads) print('No --uploads folder given: images are left out, their captions kept as text.')
      const summary = await importWordpress(app, input, {
        uploadsDir: args.uploads ? resolve(args.uploads) : null,
        progress: stderrProgress('WordPress'),
      })
      for (const line of reportLines(summary)) print(line)
    } else {
      const summary = await importRss(app, input, { section: args.section, progress: stderrProgress('RSS') })
      print(
        `Imported ${summary.created} new articles (${summary.skipped} already there), ${summary.photos} photos.`,
      )
      for (const warning of summary.warnings) print(`  warning: ${warning}`)
    }
  } finally {
    await opened.close()
  }
}

async function importNdsoftSite(
  args: ImportArgs,
  site: string,
  open: OpenImportTarget,
  print: (line: string) => void,
) {
  const delayMs = args.delay === undefined ? undefined : Number(args.delay)
  if (delayMs !== undefined && (!Number.isInteger(delayMs) || delayMs < 0)) {
    throw new ImportUsageError('--delay is a pause in milliseconds between requests, e.g. --delay 1000')
  }
  const opened = await open()
  try {
    await runNdsoftImport({ site, fromDir: args.fromDir, delayMs, only: args.only }, opened.services, print)
  } catch (error) {
    throw error instanceof NdsoftUsageError ? new ImportUsageError(error.message) : error
  } finally {
    await opened.close()
  }
}
