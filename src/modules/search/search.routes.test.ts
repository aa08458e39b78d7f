// The search page as a reader uses it: marked words, filters, order, pages, clear messages,
// valid HTML, and no error whatever is typed into the box.
import { HtmlValidate } from 'html-validate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { H } from './search-query-set.js'

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: { 'void-style': 'off', 'doctype-style': 'off' },
})

const HOSTILE = [
  '<script>alert(1)</script>',
  '"',
  '"""',
  '(((',
  '*',
  "'; drop table articles; --",
  'NEAR(삼성 중국, 2)',
  '삼성 AND OR NOT',
  '\u0000',
  '😀🔥',
  'x'.repeat(3000),
  '가'.repeat(300),
  '%E0%A4%A',
]

/** Headlines of the result list, in order (marks removed). */
const resultHeadlines = (html: string) =>
  [...html.matchAll(/<h2 class="item-title"><a href="\/news\/\d+">(.*?)<\/a><\/h2>/g)].map((m) =>
    m[1]!.replace(/<\/?mark>/g, '').replace(/&quot;/g, '"'),
  )

for (const dialect of await testDialects()) {
  describe(`${dialect}: the search page`, () => {
    let app: TestApp
    const get = (url: string) => app.http.inject({ method: 'GET', url })
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
      await app.services.search.idle()
    })
    afterAll(() => app.cleanup())

    test('results mark the matched words in headlines and snippets', async () => {
      const res = await get(`/search?q=${encodeURIComponent('스타게이트')}`)
      expect(res.statusCode).toBe(200)
      expect(res.body).toContain('검색 결과 4건')
      expect(res.body).toContain('<mark>스타게이트</mark>')
      expect(resultHeadlines(res.body)).toHaveLength(4)
      expect(resultHeadlines(res.body)[0]).toContain('스타게이트')
      // A misspaced query still marks the text as written.
      const spaced = await get(`/search?q=${encodeURIComponent('데이터 센터')}`)
      expect(spaced.body).toContain('<mark>데이터센터</mark>')
    })

    test('the page is valid HTML with a label for every field', async () => {
      const res = await get(`/search?q=${encodeURIComponent('서울')}&section=society`)
      const report = await validator.validateString(res.body)
      expect(report.results.flatMap((r) => r.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([])
      for (const id of [
        'search-q',
        'search-section',
        'search-reporter',
        'search-from',
        'search-to',
        'search-sort',
      ]) {
        expect(res.body).toContain(`<label for="${id}">`)
        expect(res.body).toContain(`id="${id}"`)
      }
    })

    test('filters by section, reporter and Korea-time dates', async () => {
      const q = encodeURIComponent('스타게이트')
      const opinion = await get(`/search?q=${q}&section=opinion`)
      expect(resultHeadlines(opinion.body)).toEqual([H.stargateColumn])
      expect(opinion.body).toMatch(/<option value="opinion" selected/)

      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .where('name', '=', '박준호')
        .executeTakeFirstOrThrow()
      // 박준호 is the second byline of this article: every byline counts.
      const byReporter = await get(`/search?q=${q}&reporter=${reporter.id}`)
      expect(resultHeadlines(byReporter.body)).toEqual([H.aiInfraPower])

      // Both dated articles were published on 4 February in Korea time.
      const day = await get(`/search?q=${encodeURIComponent('올트먼')}&from=2025-02-04&to=2025-02-04`)
      expect(resultHeadlines(day.body).sort()).toEqual([H.kakaoOpenAi, H.stargateMeeting].sort())
      const reversed = await get(`/search?q=${encodeURIComponent('올트먼')}&from=2025-02-05&to=2025-02-04`)
      expect(resultHeadlines(reversed.body).sort()).toEqual([H.kakaoOpenAi, H.stargateMeeting].sort())
    })

    test('sorts by newest first on request', async () => {
      const res = await get(`/search?q=${encodeURIComponent('올트먼')}&sort=newest`)
      expect(resultHeadlines(res.body)).toEqual([H.stargateMeeting, H.kakaoOpenAi, H.stargateColumn])
    })

    test('pages through many results, keeping the query and filters in the links', async () => {
      const first = await get(`/search?q=${encodeURIComponent('있다')}&sort=newest`)
      // 46 articles write 있다 (photo captions included: "…하고 있다.").
      expect(first.body).toContain('검색 결과 46건')
      expect(resultHeadlines(first.body)).toHaveLength(20)
      expect(first.body).toContain('href="/search?q=%EC%9E%88%EB%8B%A4&amp;sort=newest&amp;page=2"')
      const second = await get(`/search?q=${encodeURIComponent('있다')}&sort=newest&page=2`)
      const secondPage = resultHeadlines(second.body)
      expect(secondPage).toHaveLength(20)
      expect(secondPage.filter((h) => resultHeadlines(first.body).includes(h))).toEqual([])
    })

    test('a clear message for no results and for an empty query', async () => {
      const none = await get(`/search?q=${encodeURIComponent('비트코인')}`)
      expect(none.statusCode).toBe(200)
      expect(none.body).toContain('‘비트코인’에 대한 검색 결과가 없습니다.')
      const empty = await get('/search')
      expect(empty.statusCode).toBe(200)
      expect(empty.body).toContain('검색어를 입력해 주세요.')
      const blank = await get('/search?q=%20%20')
      expect(blank.body).toContain('검색어를 입력해 주세요.')
    })

    test('hostile queries and parameters give a page, never an error', async () => {
      for (const q of HOSTILE) {
        const res = await get(
          `/search?q=${encodeURIComponent(q)}&page=abc&reporter=-1&from=2025-13-45&sort=x`,
        )
        expect(res.statusCode, q).toBe(200)
        expect(res.body).not.toContain('<script>alert(1)</script>')
      }
      const repeated = await get('/search?q=a&q=b&section[]=x')
      expect(repeated.statusCode).toBe(200)
    })
  })
}
