// The catalogue's rules, and docs/errors.md kept in step with it. Set UPDATE_ERRORS_DOC=1
// (`npm run docs:errors`) to rewrite the file instead of failing.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { errorCatalogue, renderErrorsDoc } from './errors-catalogue.js'

const DOC = new URL('../docs/errors.md', import.meta.url)
const entries = Object.entries(errorCatalogue).flatMap(([owner, errors]) =>
  Object.values(errors).map((spec) => ({ owner, ...spec })),
)

describe('the error catalogue', () => {
  test('codes are SCREAMING_SNAKE, unique, and a module code starts with the module name', () => {
    const codes = entries.map((e) => e.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const e of entries) {
      expect(e.code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/)
      if (e.owner !== 'platform') expect(e.code.startsWith(`${e.owner.toUpperCase()}_`), e.code).toBe(true)
    }
  })

  test('every error is a 4xx or 5xx with a Korean message', () => {
    for (const e of entries) {
      expect(e.status, e.code).toBeGreaterThanOrEqual(400)
      expect(e.status, e.code).toBeLessThan(600)
      expect(e.message, e.code).toMatch(/\p{Script=Hangul}/u)
    }
  })

  test('docs/errors.md lists exactly the catalogue', () => {
    const expected = renderErrorsDoc()
    if (process.env.UPDATE_ERRORS_DOC) writeFileSync(DOC, expected)
    expect(readFileSync(DOC, 'utf8'), 'docs/errors.md is stale: run npm run docs:errors').toBe(expected)
  })
})
