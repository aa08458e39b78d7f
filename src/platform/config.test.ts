import { describe, expect, test } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('configuration', () => {
  test('defaults run the embedded SQLite site on port 3000 with the demo', () => {
    const config = loadConfig({})
    expect(config.port).toBe(3000)
    expect(config.database).toEqual({ kind: 'sqlite', file: './data/sinmun.db', synchronous: 'FULL' })
    expect(config.seedDemo).toBe(true)
    expect(config.publicUrl).toBe('http://localhost:3000')
  })

  test('a postgres:// DATABASE_URL selects PostgreSQL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@db/sinmun' })
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db/sinmun',
      statementTimeoutMs: 10_000,
    })
  })

  test('every invalid key is named at once', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', PUBLIC_URL: 'not a url' })).toThrow(
      /PORT[\s\S]*PUBLIC_URL|PUBLIC_URL[\s\S]*PORT/,
    )
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as Error).message).toContain('DATABASE_URL')
      expect((error as Error).message).toContain('PORT')
    }
  })

  test('production needs a session secret and does not seed the demo', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/)
    const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) })
    expect(config.seedDemo).toBe(false)
  })
})
