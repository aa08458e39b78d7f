import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import { loadConfig } from './platform/config.js'
import { startServer } from './server.js'

describe('starting the server', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
  })

  test('production on an empty database serves the setup screen and a notice instead of articles', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sinmun-prod-'))
    dirs.push(dataDir)
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'a-long-enough-secret-for-this-test-only',
      DATA_DIR: dataDir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
    })
    const lines: string[] = []
    const app = await startServer(config, (line) => lines.push(line))
    try {
      expect(lines.join('\n')).toContain('/setup')
      expect(lines.join('\n')).toMatch(/registrationNumber, registrationDate, publisher, editor/)
      const home = await app.http.inject({ url: '/' })
      expect(home.statusCode).toBe(503)
      expect(home.body).toContain('사이트를 준비하고 있습니다')
      expect(home.body).toContain('href="/setup"')
      // The footer names only what is filled in: no bare 등록번호 or 발행인 labels.
      expect(home.body).not.toContain('<dt>등록번호</dt>')
      expect(home.body).not.toContain('<dt>발행인</dt>')
      const setup = await app.http.inject({ url: '/setup' })
      expect(setup.statusCode).toBe(200)
      expect(setup.body).toContain('처음 설정')
    } finally {
      await app.close()
    }
  })
})
