// The invalidation bus of worker processes on one machine without Redis: a worker applies a
// write to its own caches at once and sends the tags to the primary, which relays them to every
// other worker (see primary.ts).
import type { InvalidationBus, InvalidationListener } from '../cache/invalidation.js'

export const IPC_INVALIDATE = 'sinmun:invalidate'

export interface IpcMessage {
  type: typeof IPC_INVALIDATE
  tags: string[]
}

export const isIpcInvalidation = (message: unknown): message is IpcMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as IpcMessage).type === IPC_INVALIDATE &&
  Array.isArray((message as IpcMessage).tags)

/** `channel` is the worker's own process (it has `send` when forked by node:cluster). */
export function createIpcInvalidationBus(channel: NodeJS.Process = process): InvalidationBus {
  const listeners = new Set<InvalidationListener>()
  const deliver = (changed: readonly string[], remote: boolean) => {
    for (const listener of listeners) listener(changed, { remote })
  }
  channel.on('message', (message: unknown) => {
    if (isIpcInvalidation(message)) deliver(message.tags, true)
  })
  return {
    publish(changed) {
      deliver(changed, false)
      if (channel.connected && channel.send) {
        channel.send({ type: IPC_INVALIDATE, tags: [...changed] } satisfies IpcMessage, undefined, {}, () => {
          // A primary that is going away needs no more invalidations.
        })
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
