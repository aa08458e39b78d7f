// The view figures as CSV that Korean spreadsheets open correctly: UTF-8 with a byte-order mark
// (Excel reads Hangul as mojibake without it), quoted fields, and no cell a spreadsheet would
// run as a formula (a headline starting with =, +, - or @ is prefixed with an apostrophe).
import type { ViewSource } from '../../articles/index.js'
import { statsMessages as sm } from './stats.messages.js'

interface Row {
  day: string
  articleId: number
  headline: string
  sectionId: number
  source: ViewSource
  views: number
}

const cell = (value: string | number) => {
  const text = String(value)
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export function viewsCsv(rows: readonly Row[], sectionNames: ReadonlyMap<number, string>): string {
  const lines = rows.map((r) =>
    [r.day, r.articleId, r.headline, sectionNames.get(r.sectionId) ?? '', sm.sources[r.source], r.views]
      .map(cell)
      .join(','),
  )
  return `\uFEFF${[sm.csvHeader, ...lines].join('\r\n')}\r\n`
}
