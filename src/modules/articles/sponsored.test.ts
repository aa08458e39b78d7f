import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

// 기사형 광고 must say "광고" at its top (인터넷신문위원회 기사형 광고 심의규정); others say nothing.
for (const dialect of await testDialects()) {
  describe(`${dialect}: sponsored articles`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ seed: true, dialect })
    })
    afterAll(() => app.cleanup())

    it('carry the 광고 label above the headline, and an ordinary article does not', async () => {
      const latest = (await app.services.articles.latest(1))[0]!
      const reporter = await app.db.kysely
        .selectFrom('staff')
        .select('id')
        .orderBy('id')
        .executeTakeFirstOrThrow()
      const draft = (sponsored: boolean) =>
        app.services.desk.createDraft(
          {
            headline: sponsored ? '겨울철 난방비 아끼는 보일러 관리법' : '한파 특보, 내일 아침 영하 12도',
            sectionId: latest.section.id,
            reporterIds: [reporter.id],
            sponsored,
            body: {
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: '본문' }] }],
            },
          },
          null,
        )
      const sponsoredId = await draft(true)
      const ordinaryId = await draft(false)
      await app.services.desk.publishArticle(sponsoredId)
      await app.services.desk.publishArticle(ordinaryId)

      const sponsored = (await app.http.inject({ method: 'GET', url: `/news/${sponsoredId}` })).body
      const label = sponsored.indexOf('<p class="sponsored-label"><strong>광고</strong>')
      expect(label).toBeGreaterThan(0)
      expect(label).toBeLessThan(sponsored.indexOf('<h1 class="headline">'))
      const ordinary = (await app.http.inject({ method: 'GET', url: `/news/${ordinaryId}` })).body
      expect(ordinary).not.toContain('sponsored-label')
    })
  })
}
