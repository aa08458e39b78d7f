// Refusals of staff account actions; the newsroom shows most of them on the form that was sent.
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { staffMessages } from './staff.messages.js'

const t = staffMessages.errors

export const staffErrorCatalogue = {
  emailTaken: { code: 'STAFF_EMAIL_TAKEN', status: 409, message: t.emailTaken },
  passwordTooShort: { code: 'STAFF_PASSWORD_TOO_SHORT', status: 400, message: t.passwordTooShort },
  linkInvalid: { code: 'STAFF_LINK_INVALID', status: 400, message: t.linkInvalid },
  notFound: { code: 'STAFF_NOT_FOUND', status: 404, message: t.notFound },
} as const satisfies ErrorCatalogue

const c = staffErrorCatalogue

export const staffErrors = {
  emailTaken: () => raise(c.emailTaken),
  passwordTooShort: (min: number) => raise(c.passwordTooShort, { min }),
  linkInvalid: () => raise(c.linkInvalid),
  notFound: () => raise(c.notFound),
}
