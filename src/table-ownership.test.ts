// Each table has one owner (ADR 021). Kysely queries cannot name another module's table: every
// repository is typed with its own module's tables. Raw SQL (sql`…`) is not type-checked, so
// this test reads every module's source for raw SQL that names a table another module owns.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

const modulesDir = new URL('./modules/', import.meta.url).pathname

/** The search index's tables are written in raw SQL only; the others come from `*Tables`. */
const rawOwned: Record<string, string[]> = {
  search: ['search_documents', 'search_document_reporters', 'search_fts'],
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

function sourcesOf(module: string): { file: string; text: string }[] {
  return readdirSync(join(modulesDir, module), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.includes('/testing/'))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }))
}

/** The tables each module declares in its `export interface <Module>Tables { … }`. */
function ownedTables(): Map<string, string[]> {
  const owned = new Map<string, string[]>()
  for (const module of readdirSync(modulesDir)) {
    const tables = [...(rawOwned[module] ?? [])]
    for (const { text } of sourcesOf(module)) {
      for (const block of text.matchAll(/export interface \w+Tables \{([^}]*)\}/g)) {
        for (const key of block[1]!.matchAll(/^\s*(\w+):/gm)) tables.push(snake(key[1]!))
      }
    }
    owned.set(module, tables)
  }
  return owned
}

const owned = ownedTables()

describe('table ownership', () => {
  test('every module that has tables declares them', () => {
    for (const module of ['accounts', 'articles', 'comments', 'media', 'newsroom', 'outlet', 'staff']) {
      expect(owned.get(module), module).not.toEqual([])
    }
    expect(owned.get('articles')).toContain('article_reporters')
  })

  test('no module names another module’s table in raw SQL', () => {
    const found: string[] = []
    for (const [module] of owned) {
      const foreign = [...owned].flatMap(([other, tables]) => (other === module ? [] : tables))
      for (const { file, text } of sourcesOf(module)) {
        for (const raw of text.matchAll(/sql(?:<[^>`]*>)?`([^`]*)`/g)) {
          for (const table of foreign) {
            if (new RegExp(`\\b(from|join|into|update|table)\\s+${table}\\b`, 'i').test(raw[1]!)) {
              found.push(`${file.slice(modulesDir.length)}: ${table}`)
            }
          }
        }
      }
    }
    expect(found).toEqual([])
  })
})
