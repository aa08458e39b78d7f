import type { Generated } from 'kysely'

export type StaffRole = 'reporter' | 'desk' | 'admin'

export interface StaffTable {
  id: Generated<number>
  email: string
  name: string
  role: StaffRole
  bio: Generated<string>
  photoId: number | null
  passwordHash: string | null
  /** 1 or 0: booleans are integers on both databases. */
  active: Generated<number>
  createdAt: string
}
