// The outlet's own settings (name, legal footer), kept as one JSON row and cached in memory.
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { Database } from '../../platform/db/database.js'
import { emptyOutlet, LEGAL_FOOTER_FIELDS, OutletSettings } from './outlet.schema.js'

const KEY = 'outlet'

export interface OutletDeps {
  db: Kysely<Database>
  bus: InvalidationBus
}

export function createOutletService(deps: OutletDeps) {
  const current = memo(async () => {
    const row = await deps.db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst()
    return row ? OutletSettings.parse(JSON.parse(row.value)) : emptyOutlet
  }, 60_000)
  deps.bus.subscribe((changed) => {
    if (changed.includes(tags.outlet)) current.reset()
  })

  return {
    getOutlet: () => current.get(),

    async saveOutlet(input: unknown): Promise<OutletSettings> {
      const settings = OutletSettings.parse(input)
      const value = JSON.stringify(settings)
      await deps.db
        .insertInto('settings')
        .values({ key: KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
      deps.bus.publish([tags.outlet])
      return settings
    },

    /** The legal footer fields still empty; production refuses to start unless this is empty. */
    async missingLegalFields(): Promise<string[]> {
      const outlet = await current.get()
      return LEGAL_FOOTER_FIELDS.filter((field) => !outlet[field])
    },
  }
}

export type OutletService = ReturnType<typeof createOutletService>
