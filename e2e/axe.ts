// Runs axe-core's WCAG 2.1 A/AA rules in a page and returns its findings as readable lines.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

interface Finding {
  id: string
  impact: string | null
  help: string
  nodes: { target: string; summary: string }[]
}

/**
 * One line per failing element: `rule (impact): help — selector: what is wrong`. Evaluated
 * through the DevTools protocol, so the site's CSP (no inline scripts) stays in force.
 */
export async function wcagViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE)
  const findings = await page.evaluate(async (tags: string[]) => {
    type Axe = {
      run(
        context: Document,
        options: object,
      ): Promise<{
        violations: {
          id: string
          impact: string | null
          help: string
          nodes: { target: unknown[]; failureSummary?: string }[]
        }[]
      }>
    }
    const axe = (window as unknown as { axe: Axe }).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }))
  }, WCAG_21_AA)
  return (findings as Finding[]).flatMap((f) =>
    f.nodes.map((n) => `${f.id} (${f.impact}): ${f.help} — ${n.target}: ${n.summary.replace(/\s+/g, ' ')}`),
  )
}
