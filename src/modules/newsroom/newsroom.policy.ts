// Who may do what in the newsroom. Pure functions, checked on the server for every action:
// a reporter works on their own articles until the desk takes them; the desk and admins may
// act on any article; only admins manage staff.
import type { ArticleStatus } from '../articles/index.js'
import type { StaffMember } from '../staff/index.js'

export interface ArticleAccess {
  status: ArticleStatus
  createdBy: number | null
  reporterIds: readonly number[]
}

export const isDesk = (staff: Pick<StaffMember, 'role'>) => staff.role === 'desk' || staff.role === 'admin'
export const isAdmin = (staff: Pick<StaffMember, 'role'>) => staff.role === 'admin'

export const isOwn = (staff: Pick<StaffMember, 'id'>, a: ArticleAccess) =>
  a.createdBy === staff.id || a.reporterIds.includes(staff.id)

/** Reporters may keep editing until the desk has published, scheduled or withdrawn the article. */
const REPORTER_EDITABLE: readonly ArticleStatus[] = ['draft', 'returned', 'submitted']

export const canView = (staff: StaffMember, a: ArticleAccess) => isDesk(staff) || isOwn(staff, a)

export const canEdit = (staff: StaffMember, a: ArticleAccess) =>
  a.status !== 'withdrawn' && (isDesk(staff) || (isOwn(staff, a) && REPORTER_EDITABLE.includes(a.status)))

export const canSubmit = (staff: StaffMember, a: ArticleAccess) =>
  (a.status === 'draft' || a.status === 'returned') && (isDesk(staff) || isOwn(staff, a))

/** A draft that never went out may be deleted by whoever may send it to the desk. */
export const canDeleteDraft = (staff: StaffMember, a: ArticleAccess) =>
  a.status === 'draft' && (isDesk(staff) || isOwn(staff, a))

/** Returning, approving, publishing, scheduling and withdrawing are the desk's. */
export const canDesk = (staff: StaffMember) => isDesk(staff)
