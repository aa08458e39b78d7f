// A single computed value kept until it expires or one of its tags is invalidated:
// for the blocks every page shows (sections menu, most read, today's photos).
export interface Memo<T> {
  get(): Promise<T>
  reset(): void
}

export function memo<T>(compute: () => Promise<T>, ttlMs: number, now = () => Date.now()): Memo<T> {
  let value: Promise<T> | undefined
  let expires = 0
  return {
    get() {
      if (!value || now() >= expires) {
        expires = now() + ttlMs
        const pending = compute()
        value = pending
        // A failed computation is not remembered.
        pending.catch(() => {
          if (value === pending) value = undefined
        })
      }
      return value
    },
    reset() {
      value = undefined
    },
  }
}
