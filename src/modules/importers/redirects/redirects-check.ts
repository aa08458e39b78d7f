// `sinmun redirects check FILE`: asks the live site for every old address in a list and
// reports those that do not land on a 200, following redirects (and counting the hops, since
// search engines want one).

export interface CheckedAddress {
  address: string
  /** Every answer on the way: status and the address it sent us to. */
  hops: { status: number; location: string | null }[]
  finalStatus: number | null
  ok: boolean
  error?: string
}

/** The addresses of a list: one per line, or the first column of a CSV; `#` starts a comment. */
export function addressesIn(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => (line.split(',')[0] ?? '').replace(/^"|"$/g, '').trim())
    .filter((a) => a && !a.startsWith('#') && !/^old$/i.test(a))
}

/** An old address asked of the new site: its path and query against `base`. */
function onSite(address: string, base: string): string {
  const u = new URL(address, base)
  return new URL(`${u.pathname}${u.search}`, base).toString()
}

export async function checkAddress(address: string, base: string, maxHops = 5): Promise<CheckedAddress> {
  const hops: CheckedAddress['hops'] = []
  let url = onSite(address, base)
  try {
    for (let i = 0; i <= maxHops; i++) {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(30_000) })
      await response.arrayBuffer()
      const location = response.headers.get('location')
      hops.push({ status: response.status, location })
      if (response.status >= 300 && response.status < 400 && location) {
        url = new URL(location, url).toString()
        continue
      }
      return { address, hops, finalStatus: response.status, ok: response.status === 200 }
    }
    return { address, hops, finalStatus: null, ok: false, error: `more than ${maxHops} redirects` }
  } catch (error) {
    return { address, hops, finalStatus: null, ok: false, error: (error as Error).message }
  }
}

export interface CheckReport {
  checked: number
  failed: CheckedAddress[]
  /** Landed on a 200, but through more than one redirect. */
  chained: CheckedAddress[]
}

export async function checkAddresses(addresses: readonly string[], base: string): Promise<CheckReport> {
  const report: CheckReport = { checked: 0, failed: [], chained: [] }
  // One at a time: the site being checked is serving readers too.
  for (const address of addresses) {
    const result = await checkAddress(address, base)
    report.checked += 1
    if (!result.ok) report.failed.push(result)
    else if (result.hops.length > 2) report.chained.push(result)
  }
  return report
}

export function checkReportLines(report: CheckReport): string[] {
  const lines = [`${report.checked - report.failed.length} of ${report.checked} old addresses land on a 200.`]
  for (const f of report.failed) {
    const path = f.hops.map((h) => `${h.status}${h.location ? ` → ${h.location}` : ''}`).join(', ')
    lines.push(`  FAIL ${f.address}: ${f.error ?? path}`)
  }
  for (const c of report.chained) lines.push(`  ${c.hops.length - 1} redirects (one is better): ${c.address}`)
  return lines
}
