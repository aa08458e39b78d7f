// The mapping from another system's ids to ours. Every imported item is looked up here first
// and recorded right after it is written, which is what makes a second run a no-op.
import type { Kysely } from 'kysely'
import type { Clock } from '../../platform/clock.js'
import type { RedirectsTable } from './redirects/redirects.table.js'

export interface ImportSourcesTable {
  source: string
  kind: string
  sourceId: string
  targetId: string
  importedAt: string
}

/** The tables this module owns. */
export interface ImportersTables {
  importSources: ImportSourcesTable
  redirects: RedirectsTable
}

export function createImportSources(kdb: Kysely<ImportersTables>, clock: Clock, source: string) {
  const known = new Map<string, string>()
  const key = (kind: string, id: string | number) => `${kind}\u0000${id}`

  return {
    /** Loads every mapping of this source once; the import then asks the map. */
    async load() {
      const rows = await kdb
        .selectFrom('importSources')
        .select(['kind', 'sourceId', 'targetId'])
        .where('source', '=', source)
        .execute()
      for (const r of rows) known.set(key(r.kind, r.sourceId), r.targetId)
    },

    find(kind: string, id: string | number): string | undefined {
      return known.get(key(kind, id))
    },

    /** The source ids of every item of a kind this source has recorded. */
    ids(kind: string): string[] {
      const prefix = `${kind}\u0000`
      return [...known.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length))
    },

    async remember(kind: string, id: string | number, targetId: string | number) {
      await kdb
        .insertInto('importSources')
        .values({
          source,
          kind,
          sourceId: String(id),
          targetId: String(targetId),
          importedAt: clock.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['source', 'kind', 'sourceId']).doNothing())
        .execute()
      known.set(key(kind, id), String(targetId))
    },
  }
}

export type ImportSources = ReturnType<typeof createImportSources>
