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

  test('production refuses to start while the legal footer (신문법 §21) is empty, naming the fields', async () => {
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
    await expect(startServer(config, () => {})).rejects.toThrow(
      /registrationNumber, registrationDate, publisher, editor, youthProtectionOfficer, address, phone/,
    )
  })
})
