// Where an old address now lives: filled by every importer, edited by the admin as CSV, and
// asked before the 404 page (redirects.plugin.ts). One primary-key read per unknown address.
import type { Kysely } from 'kysely'
import type { Clock } from '../../../platform/clock.js'
import type { ImportersTables } from '../import-sources.js'
import { isValidTarget, oldAddressKey } from './old-address.js'
import { parseRedirectsCsv, toCsv } from './redirects.csv.js'

export interface RedirectEntry {
  oldPath: string
  target: string
  origin: string
}

export interface CsvImportResult {
  saved: number
  /** Lines that were refused, with the reason (1-based line numbers). */
  refused: { line: number; reason: string }[]
}

export function createRedirects(deps: { db: Kysely<ImportersTables>; clock: Clock }) {
  const { db } = deps

  async function save(oldAddress: string, target: string, origin: string): Promise<boolean> {
    const key = oldAddressKey(oldAddress)
    // Only an exact match is a loop: `/tag/ai` → `/tag/AI` is a real move, keys are lower case.
    if (!key || !isValidTarget(target) || target === key) return false
    await db
      .insertInto('redirects')
      .values({ oldPath: key, target, origin, createdAt: deps.clock.now().toISOString() })
      .onConflict((oc) => oc.column('oldPath').doUpdateSet({ target, origin }))
      .execute()
    return true
  }

  return {
    /** The new address of an old one, if it was recorded. */
    async find(address: string): Promise<string | undefined> {
      const key = oldAddressKey(address)
      if (!key) return undefined
      const row = await db
        .selectFrom('redirects')
        .select('target')
        .where('oldPath', '=', key)
        .executeTakeFirst()
      return row?.target
    },

    /** Records (or moves) one old address; false when the address or the target is unusable. */
    save,

    async count(): Promise<number> {
      const row = await db
        .selectFrom('redirects')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(row.n)
    },

    async all(): Promise<RedirectEntry[]> {
      return db.selectFrom('redirects').select(['oldPath', 'target', 'origin']).orderBy('oldPath').execute()
    },

    /** Every redirect as CSV (`old,new,origin`), the file the admin edits. */
    async exportCsv(): Promise<string> {
      const rows = await db
        .selectFrom('redirects')
        .select(['oldPath', 'target', 'origin'])
        .orderBy('oldPath')
        .execute()
      return toCsv([['old', 'new', 'origin'], ...rows.map((r) => [r.oldPath, r.target, r.origin])])
    },

    /**
     * Saves every `old,new` line of a CSV (a header line is recognized and skipped). Bad lines
     * are listed and the good ones kept, so a typo costs one line, not the file.
     */
    async importCsv(text: string, origin = 'admin'): Promise<CsvImportResult> {
      const result: CsvImportResult = { saved: 0, refused: [] }
      const rows = parseRedirectsCsv(text)
      for (const { line, cells } of rows) {
        const [old = '', target = ''] = cells.map((c) => c.trim())
        if (line === 1 && /^old/i.test(old) && /^(new|target)/i.test(target)) continue
        if (!oldAddressKey(old)) result.refused.push({ line, reason: `not an address: ${old}` })
        else if (!isValidTarget(target))
          result.refused.push({ line, reason: `not a target (a /path or http(s) URL): ${target}` })
        else if (await save(old, target, origin)) result.saved += 1
        else result.refused.push({ line, reason: 'the old address and the new one are the same page' })
      }
      return result
    },
  }
}

export type Redirects = ReturnType<typeof createRedirects>
