// Saving the article without ever losing typing: every change is copied to localStorage at
// once; the server save runs a moment after typing stops, and a failed save keeps the local
// copy, says so, and tries again on the next change or after a pause.
export type SaveResult =
  | { ok: true; savedAtText: string }
  | { ok: false; message: string | null; field?: string | null }

export interface AutosaveOptions {
  key: string
  /** Collects what is on the page now. */
  payload(): unknown
  send(payload: unknown): Promise<SaveResult>
  onState(state: 'saving' | 'saved' | 'failed' | 'invalid', detail: string, field?: string | null): void
  /** Whether changes are sent by themselves (not for corrections of published articles). */
  auto: boolean
  delayMs?: number
}

export function createAutosave(options: AutosaveOptions) {
  let timer: number | undefined
  let retry: number | undefined
  let running: Promise<boolean> | null = null
  let dirty = false

  const keepLocal = () => {
    try {
      localStorage.setItem(options.key, JSON.stringify({ payload: options.payload(), at: Date.now() }))
    } catch {
      // Storage full or disabled: the server save still runs.
    }
  }

  async function saveNow(): Promise<boolean> {
    if (running) await running
    window.clearTimeout(timer)
    const payload = options.payload()
    options.onState('saving', '')
    const attempt = (async () => {
      let result: SaveResult
      try {
        result = await options.send(payload)
      } catch {
        result = { ok: false, message: null }
      }
      if (result.ok) {
        // Only forget the local copy if nothing changed while the request was in flight.
        if (JSON.stringify(options.payload()) === JSON.stringify(payload)) {
          dirty = false
          localStorage.removeItem(options.key)
        }
        options.onState('saved', result.savedAtText)
        return true
      }
      options.onState(result.message ? 'invalid' : 'failed', result.message ?? '', result.field ?? null)
      window.clearTimeout(retry)
      if (options.auto && !result.message) retry = window.setTimeout(() => void saveNow(), 10_000)
      return false
    })()
    running = attempt
    try {
      return await attempt
    } finally {
      running = null
    }
  }

  return {
    changed() {
      dirty = true
      keepLocal()
      if (!options.auto) return
      window.clearTimeout(timer)
      timer = window.setTimeout(() => void saveNow(), options.delayMs ?? 1500)
    },
    saveNow,
    get dirty() {
      return dirty
    },
    /** An unsaved copy left by an earlier visit, if any. */
    stored(): unknown | null {
      try {
        const raw = localStorage.getItem(options.key)
        return raw ? (JSON.parse(raw) as { payload: unknown }).payload : null
      } catch {
        return null
      }
    },
  }
}
