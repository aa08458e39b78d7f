import type { Generated } from 'kysely'

export type StaffRole = 'reporter' | 'desk' | 'admin'

export interface StaffTable {
  id: Generated<number>
  email: string
  name: string
  role: StaffRole
  bio: Generated<string>
  photoId: number | null
  /** 부서, shown on the reporter page. */
  department: Generated<string>
  /** The address readers see; the login e-mail is never shown to them. Empty: none shown. */
  publicEmail: Generated<string>
  passwordHash: string | null
  /** 1 or 0: booleans are integers on both databases. */
  active: Generated<number>
  createdAt: string
}

export interface LoginThrottleTable {
  /** 'email:<address>' or 'ip:<address>'. */
  key: string
  failures: number
  windowStartedAt: string
  lockedUntil: string | null
}

export type StaffTokenPurpose = 'invite' | 'reset'

export interface StaffTokensTable {
  /** SHA-256 of the token in the link; the token itself is never stored. */
  id: string
  staffId: number
  purpose: StaffTokenPurpose
  createdAt: string
  expiresAt: string
  usedAt: string | null
}

/** The tables this module owns; its repositories see no others. */
export interface StaffTables {
  staff: StaffTable
  loginThrottle: LoginThrottleTable
  staffTokens: StaffTokensTable
}
