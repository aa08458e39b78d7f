import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

for (const dialect of await testDialects()) {
  describe(`${dialect}: legal pages`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    })
    afterAll(() => app.cleanup())

    test('every legal page linked from the footer is there', async () => {
      const home = await app.http.inject({ method: 'GET', url: '/' })
      for (const path of [
        '/page/youth-policy',
        '/page/privacy',
        '/page/no-email-collection',
        '/page/terms',
      ]) {
        expect(home.body).toContain(`href="${path}"`)
        const res = await app.http.inject({ method: 'GET', url: path })
        expect(res.statusCode, path).toBe(200)
      }
      expect((await app.http.inject({ method: 'GET', url: '/page/youth-policy' })).body).toContain(
        '청소년보호정책',
      )
    })
  })
}
