// The outlet's own settings (name, legal footer), kept as one JSON row and cached in memory.
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import { emptyOutlet, LEGAL_FOOTER_FIELDS, OutletSettings } from './outlet.schema.js'
import type { OutletTables } from './outlet.table.js'

const KEY = 'outlet'
/** Written once by the first-run setup; its primary key makes a second setup fail, even racing. */
const SETUP_KEY = 'setup'

/**
 * A JSON setting another module keeps in the outlet's settings (today's photos, the comment
 * rules, the home page's pins): the owner of the settings table reads and writes it for them.
 */
export interface StoredSetting {
  /** The stored value, or undefined when it was never saved. */
  read(): Promise<unknown>
  write(value: unknown): Promise<void>
}

export interface OutletDeps {
  db: Kysely<OutletTables>
  bus: InvalidationBus
}

export function createOutletService(deps: OutletDeps) {
  const readSetting = async (key: string): Promise<unknown> => {
    const row = await deps.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst()
    return row ? JSON.parse(row.value) : undefined
  }
  const writeSetting = async (key: string, settings: unknown) => {
    const value = JSON.stringify(settings)
    await deps.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute()
  }

  const current = memo(async () => {
    const stored = await readSetting(KEY)
    return stored === undefined ? emptyOutlet : OutletSettings.parse(stored)
  }, 60_000)
  deps.bus.subscribe((changed) => {
    if (changed.includes(tags.outlet)) current.reset()
  })

  return {
    getOutlet: () => current.get(),

    async saveOutlet(input: unknown): Promise<OutletSettings> {
      const settings = OutletSettings.parse(input)
      await writeSetting(KEY, settings)
      deps.bus.publish([tags.outlet])
      return settings
    },

    /** The setting stored under `key` for another module; the outlet's own key is not lent. */
    storedSetting(key: string): StoredSetting {
      if (key === KEY || key === SETUP_KEY)
        throw new Error(`the setting '${KEY}' belongs to the outlet module`)
      return { read: () => readSetting(key), write: (value) => writeSetting(key, value) }
    },

    /**
     * Claims the first-run setup: true for exactly one caller, ever. Two browsers sending the
     * setup form at once both pass the "no admin yet" check; only one insert of this key wins.
     */
    async claimSetup(at: string): Promise<boolean> {
      const result = await deps.db
        .insertInto('settings')
        .values({ key: SETUP_KEY, value: JSON.stringify({ at }) })
        .onConflict((oc) => oc.column('key').doNothing())
        .executeTakeFirst()
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1
    },

    /** Gives the claim back when the setup failed after claiming, so it can be tried again. */
    async releaseSetup(): Promise<void> {
      await deps.db.deleteFrom('settings').where('key', '=', SETUP_KEY).execute()
    },

    /** The legal footer fields still empty; the public site shows a notice until none is. */
    async missingLegalFields(): Promise<string[]> {
      const outlet = await current.get()
      return LEGAL_FOOTER_FIELDS.filter((field) => !outlet[field])
    },
  }
}

export type OutletService = ReturnType<typeof createOutletService>
