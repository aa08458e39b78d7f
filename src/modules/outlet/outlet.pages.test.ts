import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../testing/test-app.js'

// The masthead and footer are rendered once per version of the outlet's settings and reused by
// every page; a change must still show on the very next page, with or without the page cache.
for (const pageCache of ['true', 'false']) {
  describe(`outlet settings on pages (PAGE_CACHE=${pageCache})`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ seed: true, env: { PAGE_CACHE: pageCache } })
    })
    afterAll(() => app.cleanup())

    it('a new publisher and registration number show in the footer of the next page', async () => {
      const before = await app.http.inject({ method: 'GET', url: '/' })
      const outlet = await app.services.outlet.getOutlet()
      expect(before.body).toContain(outlet.registrationNumber)
      await app.services.outlet.saveOutlet({
        ...outlet,
        publisher: '한새봄',
        registrationNumber: '서울 아99999',
      })
      for (const url of ['/', '/page/privacy']) {
        const after = await app.http.inject({ method: 'GET', url })
        expect(after.body).toContain('한새봄')
        expect(after.body).toContain('서울 아99999')
        expect(after.body).not.toContain(outlet.registrationNumber)
      }
    })
  })
}

// The masthead prints today's date in Korea time; its cached rendering must turn over at
// midnight KST (15:00 UTC), not at midnight UTC or when the outlet next changes.
describe('the masthead date', () => {
  let app: TestApp
  beforeAll(async () => {
    app = await createTestApp({ seed: true, now: '2025-02-05T14:59:00.000Z', env: { PAGE_CACHE: 'false' } })
  })
  afterAll(() => app.cleanup())

  it('turns to the next day at midnight in Korea', async () => {
    const today = async () =>
      (await app.http.inject({ method: 'GET', url: '/' })).body.match(/<p class="today">([^<]+)</)?.[1]
    expect(await today()).toBe('2월 5일 (수)')
    app.clock.set('2025-02-05T15:00:00.000Z')
    expect(await today()).toBe('2월 6일 (목)')
  })
})
