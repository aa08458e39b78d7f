// What an import did, for the closing report: counts per kind (new / already there), items it
// left out with the reason, and warnings about what came in changed.

export interface SkippedItem {
  /** What the item was on the old site, e.g. `post 31 "제목"`. */
  item: string
  reason: string
}

export interface ImportReport<Kind extends string> {
  created: Record<Kind, number>
  skipped: Record<Kind, number>
  /** Items not imported at all, and why. */
  leftOut: SkippedItem[]
  warnings: string[]
  /** Old addresses now answered with a 301. */
  redirects: number
}

export function emptyReport<Kind extends string>(kinds: readonly Kind[]): ImportReport<Kind> {
  return {
    created: Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>,
    skipped: Object.fromEntries(kinds.map((k) => [k, 0])) as Record<Kind, number>,
    leftOut: [],
    warnings: [],
    redirects: 0,
  }
}

/** The report as the command prints it. */
export function reportLines(report: ImportReport<string>): string[] {
  const lines = ['Imported (new / already there):']
  for (const [kind, created] of Object.entries(report.created)) {
    lines.push(`  ${kind.padEnd(10)} ${String(created).padStart(5)} / ${report.skipped[kind] ?? 0}`)
  }
  lines.push(`  redirects  ${String(report.redirects).padStart(5)} old addresses answered with 301`)
  if (report.leftOut.length > 0) {
    lines.push(`Left out (${report.leftOut.length}):`)
    for (const s of report.leftOut) lines.push(`  ${s.item}: ${s.reason}`)
  }
  for (const warning of report.warnings) lines.push(`  warning: ${warning}`)
  return lines
}

/** The longest headline an article may have (ArticleInput); longer ones are refused, never cut. */
export const MAX_HEADLINE = 200
