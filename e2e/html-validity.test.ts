// Every kind of reader page is valid HTML by html-validate's recommended rules (which include
// its WCAG checks: labels, alt text, landmarks, headings). Rendered through inject: no browser.
import { HtmlValidate, type Message } from 'html-validate'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { createTestApp, type TestApp } from '../src/testing/test-app.js'
import { READER_PAGES, type ReaderPage, readerPagePaths } from './reader-pages.js'

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Preact serialises void elements as `<meta/>` and the doctype as `<!DOCTYPE html>` in
    // lower case; both are valid HTML, and these two rules only enforce one spelling.
    'void-style': 'off',
    'doctype-style': 'off',
    // The reading-progress bar is a div with role=progressbar on purpose: its fill is drawn
    // with a transform so scrolling never triggers layout, which <progress> cannot do.
    'prefer-native-element': ['error', { exclude: ['progressbar'] }],
  },
})

describe('reader pages are valid HTML', () => {
  let app: TestApp
  let paths: Record<ReaderPage, string>

  beforeAll(async () => {
    app = await createTestApp({ seed: true })
    paths = await readerPagePaths(app)
  })
  afterAll(() => app?.cleanup())

  for (const name of READER_PAGES) {
    test(name, async () => {
      const res = await app.http.inject({ method: 'GET', url: paths[name] })

      const report = await validator.validateString(res.body)

      expect(res.statusCode).toBe(name === 'not found' ? 404 : 200)
      expect(report.results.flatMap((r) => r.messages.map((m) => describeProblem(m, res.body)))).toEqual([])
    })
  }
})

/** One readable line per problem: rule, message and the markup around it. */
function describeProblem(message: Message, html: string): string {
  const lines = html.split('\n')
  const line = lines[message.line - 1] ?? ''
  const around = line.slice(Math.max(0, message.column - 60), message.column + 80)
  return `${message.ruleId}: ${message.message} — …${around}…`
}
