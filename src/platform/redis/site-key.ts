// Several outlets may share one Redis: each site's channel and counters carry a key derived
// from its public address and its database, so one site's writes never touch another's cache
// and their rate limits never add up. Every node of one site derives the same key.
import { createHash } from 'node:crypto'
import { resolve } from 'node:path'
import type { Config } from '../config.js'

export function redisSiteKey(config: Pick<Config, 'publicUrl' | 'database'>): string {
  const db = config.database
  const where =
    db.kind === 'sqlite'
      ? `sqlite:${resolve(db.file)}`
      : `postgres:${withoutPassword(db.url)}#${db.schema ?? ''}`
  return createHash('sha256').update(`${config.publicUrl}|${where}`).digest('hex').slice(0, 12)
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    parsed.password = ''
    return parsed.href
  } catch {
    return url
  }
}
