// SIGTERM while a request is still arriving: the request is finished and stored, the process
// then leaves cleanly, and its JSON log lines carry the request id.

import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterAll, describe, expect, it } from 'vitest'
import { startChildNode } from '../cluster/testing/child-node.js'

const dataDir = mkdtempSync(join(tmpdir(), 'sinmun-shutdown-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('graceful shutdown', () => {
  it('finishes a request in flight after SIGTERM, then exits 0', async () => {
    const node = await startChildNode({ DATA_DIR: dataDir })
    const form = await fetch(`${node.url}/tip`)
    const cookies = form.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ')
    const token = (await form.text()).match(/name="_csrf" value="([^"]+)"/)?.[1] ?? ''
    expect(token).not.toBe('')

    const boundary = 'sinmunboundary'
    const field = (name: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`
    const head =
      field('_csrf', token) +
      field('kind', 'tip') +
      field('name', '홍길동') +
      field('contact', 'hong@example.com')
    const tail = `${field('subject', '종료 중 제보')}${field('body', '서버가 멈추는 중에도 저장되어야 합니다.')}${field('consent', 'yes')}--${boundary}--\r\n`
    const body = Buffer.from(head + tail)
    const headLength = Buffer.byteLength(head)

    const answered = new Promise<{ status: number; requestId: string }>((resolve, reject) => {
      const req = httpRequest(`${node.url}/tip`, {
        method: 'POST',
        headers: {
          cookie: cookies,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': body.length,
          'x-request-id': 'shutdown-test-1',
        },
      })
      req.on('response', (res) => {
        res.resume()
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, requestId: String(res.headers['x-request-id']) }),
        )
      })
      req.on('error', reject)
      req.write(body.subarray(0, headLength))
      // The request is in flight (half its body sent) when the signal arrives.
      setTimeout(() => {
        node.child.kill('SIGTERM')
        setTimeout(() => req.end(body.subarray(headLength)), 300)
      }, 300)
    })

    const result = await answered
    expect(result.status).toBeLessThan(400)
    expect(result.requestId).toBe('shutdown-test-1')
    expect(await node.exited).toBe(0)

    const db = new SQLite(join(dataDir, 'sinmun.db'), { readonly: true })
    const tips = db.prepare('select subject from tips').all() as { subject: string }[]
    db.close()
    expect(tips.map((t) => t.subject)).toEqual(['종료 중 제보'])
    const logged = node
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { reqId?: string })
    expect(logged.some((line) => line.reqId === 'shutdown-test-1')).toBe(true)
  })
})
