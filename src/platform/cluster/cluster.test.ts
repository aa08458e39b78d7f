// `sinmun serve --workers 2` without Redis: a write in one worker reaches the other worker's
// page cache through the primary, a crashed worker is replaced, SIGTERM stops them all.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { SHARED_TEST_MEDIA } from '../../testing/test-app.js'
import { childReader, postCommentAs } from '../ops/testing/child-reader.js'
import { type ChildNode, startChildNode } from './testing/child-node.js'

const dataDir = mkdtempSync(join(tmpdir(), 'sinmun-workers-'))
let node: ChildNode | undefined
afterAll(async () => {
  await node?.stop('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

/** The primary's node children (esbuild's helper process is a child too, and not a worker). */
const workerPids = (primary: number) => {
  try {
    return execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(primary)])
      .toString()
      .trim()
      .split('\n')
      .filter((line) => line.trim().endsWith('node'))
      .map((line) => Number.parseInt(line, 10))
  } catch {
    return []
  }
}

async function until<T>(ms: number, what: string, probe: () => Promise<T> | T, ok: (v: T) => boolean) {
  const deadline = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (ok(value)) return value
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('serve --workers 2', () => {
  it('keeps every worker current, replaces a dead worker and stops on SIGTERM', async () => {
    const secret = 'workers-test-secret-that-is-long-enough-99'
    node = await startChildNode(
      {
        DATA_DIR: dataDir,
        MEDIA_DIR: SHARED_TEST_MEDIA,
        SEED_DEMO: 'true',
        SESSION_SECRET: secret,
        COMMENT_RATE_PER_MINUTE: '1000',
        COMMENT_IP_RATE_PER_MINUTE: '1000',
      },
      ['--workers', '2'],
    )
    const primary = node.child.pid!
    const workers = await until(
      10_000,
      'two workers',
      () => workerPids(primary),
      (p) => p.length === 2,
    )
    const reader = await childReader(node.url, join(dataDir, 'sinmun.db'), secret, '워커독자')
    const page = `${node.url}/news/${reader.articleId}`

    // Fill both workers' caches: new connections are dealt out round-robin.
    const served = new Set<string>()
    for (let i = 0; i < 8; i++) {
      const response = await fetch(page, { headers: { connection: 'close' } })
      served.add(`${response.headers.get('x-cache')}`)
      await response.text()
    }
    expect(served).toContain('hit')

    const posted = await postCommentAs(node.url, reader, '워커 사이로 전해질 댓글')
    expect(posted.status).toBe(200)
    // Every answer, from either worker, shows it within a second.
    await until(
      1_000,
      'both workers serving the comment',
      async () => {
        const bodies = await Promise.all(
          Array.from({ length: 6 }, async () =>
            (await fetch(page, { headers: { connection: 'close' } })).text(),
          ),
        )
        return bodies.every((b) => b.includes('워커 사이로 전해질 댓글'))
      },
      Boolean,
    )

    process.kill(workers[0]!, 'SIGKILL')
    const replaced = await until(
      15_000,
      'a replacement worker',
      () => workerPids(primary),
      (p) => p.length === 2 && !p.includes(workers[0]!),
    )
    expect(replaced).toHaveLength(2)
    await until(
      15_000,
      'the site answering',
      async () => (await fetch(page).catch(() => null))?.status,
      (s) => s === 200,
    )

    expect(await node.stop('SIGTERM')).toBe(0)
    expect(workerPids(primary)).toEqual([])
  })
})
