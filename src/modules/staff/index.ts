// The staff module's public face: what other modules and the composition root may use.

export { createSmtpMailer } from './smtp-mailer.js'
export { staffErrorCatalogue } from './staff.errors.js'
export type { ConsoleMailer, Mailer, MailMessage } from './staff.mailer.js'
export { createConsoleMailer, MailFailed } from './staff.mailer.js'
export type {
  Delivery,
  NewStaffAccount,
  ProfileChanges,
  StaffMember,
  StaffProfile,
  StaffService,
} from './staff.service.js'
export { createStaffService } from './staff.service.js'
export type { StaffTables } from './staff.table.js'
export { THROTTLE } from './staff.throttle.js'
