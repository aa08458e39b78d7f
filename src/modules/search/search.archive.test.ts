// The index over an archive larger than its candidate window, on both databases: matches
// spread over several PostgreSQL partitions (article ids 20,000 apart), more loose matches
// than are checked (words that occur apart, not as the phrase), pages past the candidates.
// What a reader notices: no false hits, the newest first, a count close to the truth, the
// oldest matches still found.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { tablesFor } from '../../platform/db/database.js'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import type { IndexedDocument, IndexQuery, SearchIndex } from './search.index.js'
import { createSearchIndex } from './search.service.js'
import { parseQuery } from './tokenizer.js'

// 200 articles in each of three id ranges (PostgreSQL partitions 0, 1 and 3): every fourth
// holds 전기 and 기차 apart (a loose match only), the others 전기차; the oldest ten also 눈썰매.
const ids = [0, 20_000, 60_000].flatMap((base) => Array.from({ length: 200 }, (_, i) => base + i + 1))
const looseOnly = (position: number) => position % 4 === 3
const documents: IndexedDocument[] = ids.map((articleId, position) => ({
  articleId,
  status: 'published',
  sectionId: 1,
  grade: 'normal',
  reporterIds: [],
  datedAt: new Date(Date.UTC(2020, 0, 1) + position * 3_600_000).toISOString(),
  headline: `지역 소식 ${position}`,
  byline: '',
  photos: '',
  body: [
    looseOnly(position) ? '전기 요금이 올랐고 시외 기차 운임도 올랐다.' : '전기차 충전소가 늘었다.',
    position < 10 ? '눈썰매장이 문을 열었다.' : '',
  ].join(' '),
}))
const exactIds = ids.filter((_, position) => !looseOnly(position))
const newestFirst = (list: number[]) => [...list].sort((a, b) => b - a)

for (const dialect of await testDialects()) {
  describe(`${dialect}: an archive larger than the candidate window`, () => {
    let app: TestApp
    let index: SearchIndex
    beforeAll(async () => {
      app = await createTestApp({ dialect })
      index = createSearchIndex({ kysely: tablesFor(app.db.kysely), dialect: app.db.dialect })
      for (let i = 0; i < documents.length; i += 100) await index.upsert(documents.slice(i, i + 100))
    })
    afterAll(() => app.cleanup())

    const find = (q: string, query: Partial<IndexQuery> = {}) =>
      index.find({
        query: parseQuery(q),
        publishedOnly: true,
        sort: 'newest',
        limit: 20,
        offset: 0,
        now: new Date(Date.UTC(2020, 1, 1)),
        ...query,
      })

    test('newest first, only the phrase, with a count near the number of matches', async () => {
      const found = await find('전기차')
      expect(found.ids).toEqual(newestFirst(exactIds).slice(0, 20))
      // SQLite counts; PostgreSQL estimates from the loose matches (ADR 034), within 5%.
      expect(Math.abs(found.total - exactIds.length)).toBeLessThanOrEqual(exactIds.length * 0.05)
    })

    test('relevance: the first page holds no loose match', async () => {
      const found = await find('전기차', { sort: 'relevance', limit: 60 })
      expect(found.ids).toHaveLength(60)
      for (const id of found.ids) expect(exactIds).toContain(id)
    })

    test('pages past the candidates continue by article id', async () => {
      const found = await find('전기차', { offset: 440, limit: 20 })
      expect(found.ids).toEqual(newestFirst(exactIds).slice(440, 460))
    })

    test('a word only in the oldest partition is found', async () => {
      const found = await find('눈썰매장')
      expect(found.ids).toEqual(newestFirst(ids.slice(0, 10)))
      expect(found.total).toBe(10)
    })
  })
}
