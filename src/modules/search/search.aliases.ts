// Desk-managed aliases: read, added and removed through here, merged with the built-in list
// into the dictionary every query is expanded with. An entry takes effect at once: the
// expansion happens at query time, so nothing is reindexed; the dictionary is rebuilt after
// each change, on every node (the change is announced on the invalidation bus).
import type { Kysely } from 'kysely'
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { BUILTIN_ALIASES } from './aliases.builtin.js'
import { type AliasDictionary, buildAliasDictionary } from './aliases.js'
import { searchErrors } from './search.errors.js'
import { SEARCH_TAG } from './search.indexer.js'
import type { SearchTables } from './search.table.js'
import { aliasKey } from './tokenizer.js'

/** Published when the desk's aliases change, so every node rebuilds its dictionary. */
export const ALIASES_TAG = 'search-aliases'
export const MAX_SPELLING_CHARS = 40
export const MAX_SPELLINGS = 12

export interface DeskAlias {
  id: number
  spellings: string[]
  createdBy: number
  createdAt: string
}

export interface SearchAliasesDeps {
  db: Kysely<SearchTables>
  clock: Clock
  bus: InvalidationBus
}

/** The spellings of one entry as typed: split at commas and line breaks, checked. */
export function parseSpellings(text: string): string[] {
  const typed = text
    .split(/[,\uff0c\u3001\n]/)
    .map((s) => s.normalize('NFC').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0)
  const byKey = new Map<string, string>()
  for (const spelling of typed) {
    if ([...spelling].length > MAX_SPELLING_CHARS) throw searchErrors.aliasTooLong(MAX_SPELLING_CHARS)
    const key = aliasKey(spelling)
    if (key.length > 0 && !byKey.has(key)) byKey.set(key, spelling)
  }
  if (byKey.size < 2) throw searchErrors.aliasTooFew()
  if (byKey.size > MAX_SPELLINGS) throw searchErrors.aliasTooMany(MAX_SPELLINGS)
  return [...byKey.values()]
}

function spellingsOf(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json)
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === 'string') : []
  } catch {
    return []
  }
}

export function createSearchAliases(deps: SearchAliasesDeps) {
  const { db, bus } = deps
  let dictionary: Promise<AliasDictionary> | undefined

  bus.subscribe((changed) => {
    if (changed.includes(ALIASES_TAG)) dictionary = undefined
  })

  async function list(): Promise<DeskAlias[]> {
    const rows = await db.selectFrom('searchAliases').selectAll().orderBy('id', 'desc').execute()
    return rows.map((r) => ({ ...r, spellings: spellingsOf(r.spellings) }))
  }

  function changed() {
    dictionary = undefined
    bus.publish([ALIASES_TAG, SEARCH_TAG])
  }

  return {
    list,
    builtin: BUILTIN_ALIASES,

    /** The built-in list and the desk's entries, as queries use them. */
    dictionary(): Promise<AliasDictionary> {
      dictionary ??= list()
        .then((desk) => buildAliasDictionary([...BUILTIN_ALIASES, ...desk.map((a) => a.spellings)]))
        .catch((error: unknown) => {
          dictionary = undefined
          throw error
        })
      return dictionary
    },

    /** Adds an entry from the desk's text (spellings separated by commas or line breaks). */
    async add(text: string, staffId: number): Promise<DeskAlias> {
      const spellings = parseSpellings(text)
      const createdAt = deps.clock.now().toISOString()
      const row = await db
        .insertInto('searchAliases')
        .values({ spellings: JSON.stringify(spellings), createdBy: staffId, createdAt })
        .returning('id')
        .executeTakeFirstOrThrow()
      changed()
      return { id: row.id, spellings, createdBy: staffId, createdAt }
    },

    async remove(id: number): Promise<void> {
      const result = await db.deleteFrom('searchAliases').where('id', '=', id).executeTakeFirst()
      if (Number(result.numDeletedRows) === 0) throw searchErrors.aliasNotFound(id)
      changed()
    },
  }
}

export type SearchAliases = ReturnType<typeof createSearchAliases>
