// Shared checks of the syndication tests: fetching absolute URLs from the app under test and
// parsing XML the way a feed reader or crawler would.
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { expect } from 'vitest'
import type { TestApp } from '../../testing/test-app.js'

export const get = (app: TestApp, url: string, headers: Record<string, string> = {}) =>
  app.http.inject({ method: 'GET', url, headers })

/** Fetches an absolute URL of this site; fails if it points anywhere else. */
export async function fetchAbsolute(app: TestApp, absolute: string) {
  const url = new URL(absolute)
  expect(`${url.protocol}//${url.host}`).toBe(app.config.publicUrl)
  return get(app, url.pathname + url.search)
}

/** Validates the document as well-formed XML and parses it, attributes as `@_name`. */
export function parseXml(xml: string, arrays: readonly string[] = []) {
  expect(XMLValidator.validate(xml)).toBe(true)
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => arrays.includes(name),
  })
  return parser.parse(xml)
}

/** W3C datetime as sitemaps use it: a full date and time with seconds and a zone. */
export const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** Two timestamps are the same instant to the second. */
export const sameSecond = (a: string, b: string) =>
  Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000)
