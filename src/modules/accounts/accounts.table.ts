import type { Generated } from 'kysely'

export interface ReadersTable {
  id: Generated<number>
  /** 'kakao', 'naver', 'google', 'demo' or an issuer's configured id. */
  provider: string
  subject: string
  displayName: string
  createdAt: string
  suspendedAt: string | null
}

/** The tables this module owns; its repositories see no others. */
export interface AccountsTables {
  readers: ReadersTable
}
