// Storage for the demo provider's short-lived artifacts (sessions, codes, grants): in
// memory and bounded, which is all a demo needs. A restart logs demo readers out of the
// demo provider only; their Sinmun sessions live in the session store.
const MAX_ENTRIES = 20_000

interface Entry {
  payload: Record<string, unknown>
  expiresAt: number
}

const store = new Map<string, Entry>()

function sweep() {
  const now = Date.now()
  for (const [key, entry] of store) if (entry.expiresAt <= now) store.delete(key)
  while (store.size > MAX_ENTRIES) store.delete(store.keys().next().value!)
}

export class DemoAdapter {
  constructor(private readonly model: string) {}

  private key(id: string) {
    return `${this.model}:${id}`
  }

  async upsert(id: string, payload: Record<string, unknown>, expiresIn: number) {
    if (store.size >= MAX_ENTRIES) sweep()
    store.set(this.key(id), { payload, expiresAt: Date.now() + (expiresIn || 3600) * 1000 })
    if (typeof payload.grantId === 'string') {
      const grantKey = `grant:${payload.grantId}`
      const ids = (store.get(grantKey)?.payload.ids as string[] | undefined) ?? []
      store.set(grantKey, { payload: { ids: [...ids, this.key(id)] }, expiresAt: Date.now() + 86_400_000 })
    }
  }

  async find(id: string) {
    const entry = store.get(this.key(id))
    if (!entry) return undefined
    if (entry.expiresAt <= Date.now()) {
      store.delete(this.key(id))
      return undefined
    }
    return entry.payload
  }

  async findByUid(uid: string) {
    for (const [key, entry] of store) {
      if (key.startsWith(`${this.model}:`) && entry.payload.uid === uid)
        return this.find(key.slice(this.model.length + 1))
    }
    return undefined
  }

  async findByUserCode(userCode: string) {
    for (const [key, entry] of store) {
      if (key.startsWith(`${this.model}:`) && entry.payload.userCode === userCode)
        return this.find(key.slice(this.model.length + 1))
    }
    return undefined
  }

  async consume(id: string) {
    const entry = store.get(this.key(id))
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000)
  }

  async destroy(id: string) {
    store.delete(this.key(id))
  }

  async revokeByGrantId(grantId: string) {
    const grantKey = `grant:${grantId}`
    for (const key of (store.get(grantKey)?.payload.ids as string[] | undefined) ?? []) store.delete(key)
    store.delete(grantKey)
  }
}
