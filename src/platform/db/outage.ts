// Which failures are outages rather than bugs: the database or the disk is away, hung or full.
// Those answer 503 (try again shortly) or 507 (no room to store), never 500, so a client or a
// reader knows that retrying is the right thing and an operator's alert can tell them apart.

export type Outage = 'unavailable' | 'full'

// PostgreSQL SQLSTATEs: connection exceptions (class 08), shutdown and start-up (57P01-57P03),
// too many connections, statement or lock timeout (57014, 55P03), serialization under load.
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300|57014|55P03|40001|40P01)$/
const PG_FULL = /^(53100|53200)$/
const NODE_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
])
// pg's own words for a connection it lost or never got, and its client-side query timeout.
const PG_CLIENT_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Query read timeout',
  'Client has encountered a connection error',
  'Connection ended unexpectedly',
]

function classifyOne(error: { code?: unknown; message?: unknown }): Outage | null {
  const code = typeof error.code === 'string' ? error.code : ''
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'SQLITE_FULL' || PG_FULL.test(code)) return 'full'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'unavailable'
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return 'unavailable'
  if (NODE_UNAVAILABLE.has(code) || PG_UNAVAILABLE.test(code)) return 'unavailable'
  const message = typeof error.message === 'string' ? error.message : ''
  if (PG_CLIENT_MESSAGES.some((m) => message.includes(m))) return 'unavailable'
  return null
}

/** The outage an error (or one of its causes) stands for, or null for any other failure. */
export function classifyOutage(error: unknown): Outage | null {
  let current: unknown = error
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const found = classifyOne(current as { code?: unknown; message?: unknown })
    if (found) return found
    current = (current as { cause?: unknown }).cause
  }
  return null
}
