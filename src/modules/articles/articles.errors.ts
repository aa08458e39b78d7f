// Refusals of the article workflow: an action the article's current status does not allow
// (two desk members acting on the same article, a stale screen).
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { articleMessages } from './articles.messages.js'

export const articlesErrorCatalogue = {
  invalidTransition: {
    code: 'ARTICLES_INVALID_TRANSITION',
    status: 409,
    message: articleMessages.errors.invalidTransition,
  },
  withdrawn: { code: 'ARTICLES_WITHDRAWN', status: 410, message: articleMessages.errors.withdrawn },
} as const satisfies ErrorCatalogue

export const articlesErrors = {
  invalidTransition: (from: string, action: string) =>
    raise(articlesErrorCatalogue.invalidTransition, { from, action }),
  withdrawn: () => raise(articlesErrorCatalogue.withdrawn),
}
