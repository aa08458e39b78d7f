// The image queue runs photos a few at a time within a pixel budget, and refuses at once
// (503, MEDIA_BUSY, a Korean sentence) when too many are already waiting.
import { describe, expect, test } from 'vitest'
import { AppError } from '../../platform/errors.js'
import { createImageQueue } from './image-queue.js'

const deferred = () => {
  let resolve!: () => void
  const promise = new Promise<void>((r) => {
    resolve = r
  })
  return { promise, resolve }
}

describe('image queue', () => {
  test('runs within the concurrency and pixel budget, in order, and refuses beyond the queue', async () => {
    const queue = createImageQueue({ concurrency: 2, pixelBudget: 100, maxWaiting: 2 })
    const started: string[] = []
    const gates = { a: deferred(), b: deferred(), c: deferred(), d: deferred() }
    const job = (name: keyof typeof gates, pixels: number) =>
      queue.run(pixels, async () => {
        started.push(name)
        await gates[name].promise
        return name
      })
    const a = job('a', 60)
    const b = job('b', 60) // over the budget with a: waits
    const c = job('c', 10)
    await Promise.resolve()
    expect(started).toEqual(['a'])
    expect(queue.load).toEqual({ running: 1, waiting: 2, pixels: 60 })

    const refused = await job('d', 1).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).status).toBe(503)
    expect((refused as AppError).code).toBe('MEDIA_BUSY')
    expect((refused as AppError).message).toContain('잠시 후 다시')

    gates.a.resolve()
    expect(await a).toBe('a')
    await new Promise((r) => setImmediate(r))
    // b and c together are 70 pixels and two images: both run.
    expect(started).toEqual(['a', 'b', 'c'])
    gates.b.resolve()
    gates.c.resolve()
    expect(await Promise.all([b, c])).toEqual(['b', 'c'])
    expect(queue.load).toEqual({ running: 0, waiting: 0, pixels: 0 })
  })

  test('an image larger than the whole budget runs alone, and a failure frees its place', async () => {
    const queue = createImageQueue({ concurrency: 2, pixelBudget: 100, maxWaiting: 4 })
    await expect(queue.run(500, async () => 'huge')).resolves.toBe('huge')
    await expect(
      queue.run(50, async () => {
        throw new Error('corrupt')
      }),
    ).rejects.toThrow('corrupt')
    expect(queue.load).toEqual({ running: 0, waiting: 0, pixels: 0 })
  })
})
