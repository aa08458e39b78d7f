import { test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp } from '../../testing/test-app.js'
test('debug', async () => {
  for (const dialect of await testDialects()) {
    const app = await createTestApp({ dialect, seed: true })
    await app.services.search.idle()
    const r = await app.services.search.searchArticles({ q: '전기차 화재', limit: 50 })
    const rows = await app.services.searchSource.resultRows(r.hits.map((h) => h.id))
    console.log(dialect, "HITS", r.hits.map((h) => h.id).join(","), rows.length)
    for (const row of rows) console.log(dialect, row.id, row.publishedAt, row.updatedAt, JSON.stringify(row.byline), JSON.stringify(row.photos), row.text.length)
    await app.cleanup()
  }
}, 120000)
