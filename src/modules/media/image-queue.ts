// Image work waits its turn. Decoding a photo costs memory in proportion to its pixels (a
// 7000 × 7000 PNG decodes to 147 MB), so uploads at once are run a few at a time and only
// while the pixels in work stay within a budget; one larger than the budget runs alone. A
// queue that is already full refuses at once (503 with Retry-After) rather than holding the
// uploads' bodies in memory until they time out.
import { mediaErrors } from './media.errors.js'

export interface ImageQueueLimits {
  /** Images decoded at the same time. */
  concurrency: number
  /** Pixels (width × height) in work at the same time. */
  pixelBudget: number
  /** Images waiting for their turn before new ones are refused. */
  maxWaiting: number
}

export const DEFAULT_IMAGE_QUEUE: ImageQueueLimits = {
  concurrency: 1,
  pixelBudget: 60_000_000,
  maxWaiting: 6,
}

interface Waiting {
  pixels: number
  start: () => void
}

export function createImageQueue(limits: ImageQueueLimits = DEFAULT_IMAGE_QUEUE) {
  let running = 0
  let pixelsInWork = 0
  const waiting: Waiting[] = []

  const fits = (pixels: number) =>
    running === 0 || (running < limits.concurrency && pixelsInWork + pixels <= limits.pixelBudget)

  const next = () => {
    while (waiting.length > 0 && fits(waiting[0]!.pixels)) {
      const job = waiting.shift()!
      running++
      pixelsInWork += job.pixels
      job.start()
    }
  }

  return {
    /** Runs `work` when there is room for an image of `pixels`; refuses when the queue is full. */
    async run<T>(pixels: number, work: () => Promise<T>): Promise<T> {
      if (waiting.length === 0 && fits(pixels)) {
        running++
        pixelsInWork += pixels
      } else {
        if (waiting.length >= limits.maxWaiting) throw mediaErrors.busy()
        await new Promise<void>((start) => waiting.push({ pixels, start }))
      }
      try {
        return await work()
      } finally {
        running--
        pixelsInWork -= pixels
        next()
      }
    },
    /** Images in work and waiting (for /metrics and tests). */
    get load() {
      return { running, waiting: waiting.length, pixels: pixelsInWork }
    },
  }
}

export type ImageQueue = ReturnType<typeof createImageQueue>
