// The index follows the newsroom: drafts are found by the newsroom only, publication makes an
// article findable by readers, a correction by its new words, a withdrawal removes it.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createLocalInvalidationBus } from '../../platform/cache/invalidation.js'
import { tablesFor } from '../../platform/db/database.js'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import type { SearchIndex } from './search.index.js'
import { createSearchIndexer } from './search.indexer.js'
import { createSearchIndex } from './search.service.js'

const doc = (text: string) => ({
  type: 'doc' as const,
  content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text }] }],
})

for (const dialect of await testDialects()) {
  describe(`${dialect}: indexing follows the articles`, () => {
    let app: TestApp
    let input: { sectionId: number; reporterIds: number[] }
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
      await app.services.search.idle()
      const section = await app.db.kysely
        .selectFrom('sections')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .where('role', '=', 'reporter')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      input = { sectionId: section.id, reporterIds: [reporter.id] }
    })
    afterAll(() => app.cleanup())

    const headlines = async (q: string, includeDrafts = false) => {
      await app.services.search.idle()
      const result = await app.services.search.searchArticles({ q, includeDrafts })
      return result.hits.map((h) => h.headline)
    }

    test('a draft is found by the newsroom only; published, by readers too', async () => {
      const { desk } = app.services
      const id = await desk.createDraft(
        {
          ...input,
          headline: '무지개다리 재개통 앞두고 안전 점검',
          body: doc('구청은 무지개다리 보수 공사를 마쳤다.'),
        },
        null,
      )
      expect(await headlines('무지개다리')).toEqual([])
      const drafts = await app.services.search.searchArticles({ q: '무지개다리', includeDrafts: true })
      expect(drafts.hits.map((h) => [h.id, h.status])).toEqual([[id, 'draft']])

      await desk.publishArticle(id)
      expect(await headlines('무지개다리에서')).toEqual(['무지개다리 재개통 앞두고 안전 점검'])
    })

    test('a cached search page shows a newly published article', async () => {
      const url = `/search?q=${encodeURIComponent('은하수길')}`
      const before = await app.http.inject({ method: 'GET', url })
      expect(before.body).toContain('검색 결과가 없습니다')
      expect((await app.http.inject({ method: 'GET', url })).headers['x-cache']).toBe('hit')
      const id = await app.services.desk.createDraft(
        { ...input, headline: '은하수길 야간 개방', body: doc('은하수길이 밤에도 열린다.') },
        null,
      )
      await app.services.desk.publishArticle(id)
      await app.services.search.idle()
      const after = await app.http.inject({ method: 'GET', url })
      expect(after.body).toContain('<mark>은하수길</mark> 야간 개방')
    })

    test('a corrected headline is found by its new words, no longer by the old ones', async () => {
      const { desk } = app.services
      const [hit] = (await app.services.search.searchArticles({ q: '아라샛' })).hits
      expect(hit?.headline).toContain('아라샛')
      const article = await app.db.kysely
        .selectFrom('articles')
        .select(['body', 'subheadline'])
        .where('id', '=', hit!.id)
        .executeTakeFirstOrThrow()
      const reporters = await app.db.kysely
        .selectFrom('articleReporters')
        .select('staffId')
        .where('articleId', '=', hit!.id)
        .execute()
      await desk.updateArticle(
        hit!.id,
        {
          sectionId: hit!.sectionId,
          headline: '초소형 위성 누리별 2호 궤도 안착',
          subheadline: article.subheadline,
          body: JSON.parse(article.body.replaceAll('아라샛', '누리별')),
          reporterIds: reporters.map((r) => r.staffId),
        },
        '위성 이름을 바로잡았습니다.',
      )
      expect(await headlines('누리별')).toEqual(['초소형 위성 누리별 2호 궤도 안착'])
      expect(await headlines('아라샛')).toEqual([])
    })

    test('a withdrawn article disappears from every search', async () => {
      const [hit] = (await app.services.search.searchArticles({ q: '랜섬웨어' })).hits
      expect(hit).toBeDefined()
      await app.services.desk.withdrawArticle(hit!.id, '취재원 보호')
      expect(await headlines('랜섬웨어')).toEqual([])
      expect(await headlines('랜섬웨어', true)).toEqual([])
    })

    test('reindex rebuilds a lost index and drops what should not be there', async () => {
      await app.services.search.idle()
      await sql`DELETE FROM search_documents`.execute(app.db.kysely)
      expect(await headlines('스타게이트')).toEqual([])
      const result = await app.services.search.reindex()
      const articles = await app.db.kysely
        .selectFrom('articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '!=', 'withdrawn')
        .executeTakeFirstOrThrow()
      expect(result.indexed).toBe(Number(articles.n))
      expect(await headlines('스타게이트')).toHaveLength(4)
      expect(await headlines('랜섬웨어', true)).toEqual([])
    })

    test('a failed indexing run is logged and retried', async () => {
      const real = createSearchIndex({ kysely: tablesFor(app.db.kysely), dialect: app.db.dialect })
      let failuresLeft = 1
      const flaky: SearchIndex = {
        ...real,
        async upsert(documents) {
          if (failuresLeft-- > 0) throw new Error('disk full')
          return real.upsert(documents)
        },
      }
      const errors: string[] = []
      // Its own bus, so the app's indexer cannot do the work for it.
      const bus = createLocalInvalidationBus()
      const indexer = createSearchIndexer({
        source: app.services.searchSource,
        index: flaky,
        bus,
        logError: (message) => errors.push(message),
        retryDelaysMs: [20],
      })
      const id = await app.services.desk.createDraft(
        { ...input, headline: '해오름 축제 일정 확정', body: doc('해오름 축제가 열린다.') },
        null,
      )
      await app.services.desk.publishArticle(id)
      await app.services.search.idle()
      await sql`DELETE FROM search_documents WHERE article_id = ${id}`.execute(app.db.kysely)
      bus.publish([`article-text:${id}`])
      await indexer.idle()
      expect(errors).toHaveLength(1)
      expect(await headlines('해오름')).toEqual([])
      // The retry comes after the backoff delay; wait for it without timing it.
      for (let i = 0; i < 250 && (await headlines('해오름')).length === 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      await indexer.close()
      expect(await headlines('해오름')).toEqual(['해오름 축제 일정 확정'])
      expect(errors).toHaveLength(1)
    })
  })
}
