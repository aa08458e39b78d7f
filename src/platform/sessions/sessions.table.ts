export type SessionKind = 'reader' | 'staff'

export interface SessionsTable {
  id: string
  kind: SessionKind
  subjectId: number
  /** JSON object: small per-session values (e.g. the OIDC login in progress). */
  data: string
  createdAt: string
  expiresAt: string
}

/** The platform's own table. */
export interface PlatformTables {
  sessions: SessionsTable
}
