// Enough of robots.txt (RFC 9309) to be a polite guest: the group for our agent or `*`, its
// Allow/Disallow prefixes (longest match wins, `*` and `$` understood) and Crawl-delay.

export interface RobotsRules {
  allows(path: string): boolean
  /** Seconds the site asks between requests, if it says. */
  crawlDelay: number | null
}

const everything: RobotsRules = { allows: () => true, crawlDelay: null }

const toRegExp = (pattern: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+?^{}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\\\$$|\$$/, '$')}`,
  )

export function parseRobots(text: string | null, agent: string): RobotsRules {
  if (!text) return everything
  type Group = { agents: string[]; rules: { allow: boolean; pattern: string }[]; delay: number | null }
  const groups: Group[] = []
  let current: Group | null = null
  let lastWasAgent = false
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/#.*/, '').trim()
    const m = line.match(/^([\w-]+)\s*:\s*(.*)$/)
    if (!m) continue
    const field = (m[1] ?? '').toLowerCase()
    const value = (m[2] ?? '').trim()
    if (field === 'user-agent') {
      if (!current || !lastWasAgent) {
        current = { agents: [], rules: [], delay: null }
        groups.push(current)
      }
      current.agents.push(value.toLowerCase())
      lastWasAgent = true
      continue
    }
    lastWasAgent = false
    if (!current) continue
    if ((field === 'allow' || field === 'disallow') && value)
      current.rules.push({ allow: field === 'allow', pattern: value })
    if (field === 'crawl-delay' && Number.isFinite(Number(value))) current.delay = Number(value)
  }
  const name = agent.toLowerCase()
  const group =
    groups.find((g) => g.agents.some((a) => a !== '*' && name.includes(a))) ??
    groups.find((g) => g.agents.includes('*'))
  if (!group) return everything
  const rules = group.rules.map((r) => ({ ...r, re: toRegExp(r.pattern) }))
  return {
    crawlDelay: group.delay,
    allows(path) {
      let best: { allow: boolean; length: number } | null = null
      for (const r of rules) {
        if (!r.re.test(path)) continue
        if (!best || r.pattern.length > best.length || (r.pattern.length === best.length && r.allow)) {
          best = { allow: r.allow, length: r.pattern.length }
        }
      }
      return best?.allow ?? true
    },
  }
}
