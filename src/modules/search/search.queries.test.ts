// The query set over the demo corpus, on every database; then what a reader notices about
// names, spellings and ranking (a reporter's own articles first, aliases both ways and the
// desk's own, headlines holding every word first); then the two databases' rankings compared,
// since a reader should not get different top results after a migration.
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Dialect } from '../../platform/db/database.js'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { H, QUERY_SET } from './search-query-set.js'

const dialects = await testDialects()
/** Headlines in rank order, per database, per query. */
const rankings = new Map<Dialect, Map<string, string[]>>()

const doc = (...paragraphs: string[]) => ({
  type: 'doc' as const,
  content: paragraphs.map((text) => ({
    type: 'paragraph' as const,
    content: [{ type: 'text' as const, text }],
  })),
})

const marked = (pieces: { text: string; marked: boolean }[]) =>
  pieces.filter((p) => p.marked).map((p) => p.text)

for (const dialect of dialects) {
  describe(`${dialect}: search over the demo corpus`, () => {
    let app: TestApp
    const ranked = new Map<string, string[]>()
    rankings.set(dialect, ranked)
    const search = async (q: string) => {
      await app.services.search.idle()
      const result = await app.services.search.searchArticles({ q, limit: 50 })
      ranked.set(
        q,
        result.hits.map((h) => h.headline),
      )
      return result
    }
    const headlines = async (q: string) => (await search(q)).hits.map((h) => h.headline)
    const staffId = async (name: string) =>
      (
        await app.db.kysely
          .selectFrom('staff')
          .select('id')
          .where('name', '=', name)
          .executeTakeFirstOrThrow()
      ).id
    const publish = async (input: { headline: string; body: string[]; reporter: string }) => {
      const section = await app.db.kysely
        .selectFrom('sections')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      const id = await app.services.desk.createDraft(
        {
          sectionId: section.id,
          reporterIds: [await staffId(input.reporter)],
          headline: input.headline,
          body: doc(...input.body),
        },
        null,
      )
      await app.services.desk.publishArticle(id)
      return id
    }

    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
      await app.services.search.idle()
    })
    afterAll(() => app.cleanup())

    describe('the query set', () => {
      test.each(QUERY_SET)('%s', async (q, expected) => {
        const result = await search(q)
        const found = result.hits.map((h) => h.headline)
        expect([...found].sort()).toEqual([...expected].sort())
        expect(result.total).toBe(expected.length)
      })
    })

    describe('aliases', () => {
      test('an alias ranks exactly as the spelling the articles use', async () => {
        const original = await headlines('OpenAI')
        expect(original).toHaveLength(5)
        expect(await headlines('오픈AI')).toEqual(original)
        expect(await headlines('오픈에이아이')).toEqual(original)
        expect(await headlines('소프트뱅크')).toEqual(await headlines('SoftBank'))
      })

      test('highlighting marks the spelling the article uses, not the one typed', async () => {
        const { hits } = await search('Samsung')
        expect(hits.length).toBeGreaterThan(0)
        for (const hit of hits) expect(marked(hit.snippet)).toContain('삼성')
        const kakao = (await search('오픈에이아이')).hits.find((h) => h.headline === H.kakaoOpenAi)
        expect(marked(kakao!.headlinePieces)).toEqual(['OpenAI'])
      })

      test('an alias the desk adds is found at once, without reindexing, and gone when removed', async () => {
        expect(await headlines('누리전지')).toEqual([])
        const alias = await app.services.search.aliases.add('누리전지, 누리배터리', await staffId('김서연'))
        const { hits } = await search('누리전지')
        expect(hits.map((h) => h.headline)).toEqual([H.nuriBattery])
        expect(marked(hits[0]!.headlinePieces)).toEqual(['누리배터리'])
        await app.services.search.aliases.remove(alias.id)
        expect(await headlines('누리전지')).toEqual([])
      })
    })

    // These publish articles of their own: they run after the query set.
    describe('where the words are', () => {
      test("a reporter's full name finds their own articles first, then articles naming them", async () => {
        const own = [
          H.hanRiverArt,
          H.hanSoriNovel,
          H.moonPostman,
          H.webtoonDramas,
          H.joseonMaps,
          H.bookshopColumn,
        ]
        const quoting = await publish({
          headline: '동네 책방 지도 만드는 시민들',
          body: ['정예린 씨는 정예린 책방을 열었다.', '정예린 씨의 책방은 주말마다 붐빈다.'],
          reporter: '송태양',
        })
        const found = await headlines('정예린')
        expect(found).toHaveLength(7)
        expect(found.slice(0, 6).sort()).toEqual([...own].sort())
        expect(found[6]).toBe('동네 책방 지도 만드는 시민들')
        expect(quoting).toBeGreaterThan(0)
      })

      test('a headline holding every query word outranks a newer article holding them only in the body', async () => {
        const body =
          '금리 동결 여부를 두고 시장은 금리 동결 가능성에 주목했다. 금리 동결이 길어지면 대출 금리 동결 효과도 커진다.'
        await publish({ headline: '주택담보대출 시장 점검', body: [body, body, body], reporter: '박준호' })
        const found = await headlines('금리 동결')
        expect(found).toHaveLength(3)
        expect(found.slice(0, 2).sort()).toEqual([H.rateHold, H.editorialRates].sort())
        expect(found[2]).toBe('주택담보대출 시장 점검')
      })
    })
  })
}

describe.skipIf(dialects.length < 2)('SQLite and PostgreSQL rank alike', () => {
  // The index preselects with bm25 or ts_rank; the first pages are ordered by the shared
  // re-ranker (rerank.ts), so readers see the same results in the same order on both.
  test('the same first ten results, in the same order, for every query', () => {
    const sqlite = rankings.get('sqlite')!
    const postgres = rankings.get('postgres')!
    expect(sqlite.size).toBeGreaterThan(QUERY_SET.length)
    expect([...postgres.keys()].sort()).toEqual([...sqlite.keys()].sort())
    const differing = [...sqlite.keys()].flatMap((q) => {
      const a = (sqlite.get(q) ?? []).slice(0, 10)
      const b = (postgres.get(q) ?? []).slice(0, 10)
      return a.join('|') === b.join('|') ? [] : [`${q}: ${a.join(' / ')} ≠ ${b.join(' / ')}`]
    })
    expect(differing).toEqual([])
  })
})
