// Every way an inbox action can be refused (docs/errors.md lists them all).
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { inboxMessages } from './inbox.messages.js'

const t = inboxMessages.errors

export const inboxErrorCatalogue = {
  notFound: { code: 'INBOX_NOT_FOUND', status: 404, message: t.INBOX_NOT_FOUND },
  invalidStep: { code: 'INBOX_INVALID_STEP', status: 409, message: t.INBOX_INVALID_STEP },
  noAttachment: { code: 'INBOX_NO_ATTACHMENT', status: 404, message: t.INBOX_NO_ATTACHMENT },
} as const satisfies ErrorCatalogue

export const inboxErrors = {
  notFound: () => raise(inboxErrorCatalogue.notFound),
  invalidStep: (reason: string) => raise(inboxErrorCatalogue.invalidStep, { reason }),
  noAttachment: () => raise(inboxErrorCatalogue.noAttachment),
}
