// Refusals of reader login. The reason (state mismatch, provider error …) is a detail for
// the logs; the reader is only told to try again.
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { accountMessages } from './accounts.messages.js'

export const accountsErrorCatalogue = {
  loginFailed: { code: 'ACCOUNTS_LOGIN_FAILED', status: 400, message: accountMessages.loginFailed },
} as const satisfies ErrorCatalogue

export const accountsErrors = {
  loginFailed: (reason: string, cause?: unknown) =>
    raise(accountsErrorCatalogue.loginFailed, { reason }, { cause }),
}
