// The query set over the demo corpus, on every database; then the two databases' rankings
// compared, since a reader should not get different top results after a migration.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Dialect } from '../../platform/db/database.js'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { QUERY_SET } from './search-query-set.js'

const dialects = await testDialects()
/** Headlines in rank order, per database, per query. */
const rankings = new Map<Dialect, Map<string, string[]>>()

for (const dialect of dialects) {
  describe(`${dialect}: the query set over the demo corpus`, () => {
    let app: TestApp
    const ranked = new Map<string, string[]>()
    rankings.set(dialect, ranked)
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
      await app.services.search.idle()
    })
    afterAll(() => app.cleanup())

    test.each(QUERY_SET)('%s', async (q, expected) => {
      const result = await app.services.search.searchArticles({ q, limit: 50 })
      const headlines = result.hits.map((h) => h.headline)
      ranked.set(q, headlines)
      expect([...headlines].sort()).toEqual([...expected].sort())
      expect(result.total).toBe(expected.length)
    })
  })
}

describe.skipIf(dialects.length < 2)('SQLite and PostgreSQL rank alike', () => {
  // The index preselects with bm25 or ts_rank_cd; the first pages are ordered by the shared
  // re-ranker (rerank.ts), so readers see the same results in the same order on both.
  test('the same first ten results, in the same order, for every query', () => {
    const sqlite = rankings.get('sqlite')!
    const postgres = rankings.get('postgres')!
    expect(sqlite.size).toBe(QUERY_SET.length)
    expect(postgres.size).toBe(QUERY_SET.length)
    const differing = QUERY_SET.flatMap(([q]) => {
      const a = (sqlite.get(q) ?? []).slice(0, 10)
      const b = (postgres.get(q) ?? []).slice(0, 10)
      return a.join('|') === b.join('|') ? [] : [`${q}: ${a.join(' / ')} ≠ ${b.join(' / ')}`]
    })
    expect(differing).toEqual([])
  })
})
