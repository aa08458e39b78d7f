// The staff module's public face: what other modules and the composition root may use.

export { staffErrorCatalogue } from './staff.errors.js'
export { createConsoleMailer } from './staff.mailer.js'
export type { NewStaffAccount, StaffMember, StaffProfile, StaffService } from './staff.service.js'
export { createStaffService } from './staff.service.js'
export type { StaffTables } from './staff.table.js'
export { THROTTLE } from './staff.throttle.js'
