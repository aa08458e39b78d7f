// Why the desk's alias entry is refused; the form is shown again with what was typed.
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { searchMessages } from './search.messages.js'

const t = searchMessages.aliases.errors

export const searchErrorCatalogue = {
  aliasTooFew: { code: 'SEARCH_ALIAS_TOO_FEW', status: 400, message: t.tooFew },
  aliasTooLong: { code: 'SEARCH_ALIAS_TOO_LONG', status: 400, message: t.tooLong },
  aliasTooMany: { code: 'SEARCH_ALIAS_TOO_MANY', status: 400, message: t.tooMany },
  aliasNotFound: { code: 'SEARCH_ALIAS_NOT_FOUND', status: 404, message: t.notFound },
} as const satisfies ErrorCatalogue

const c = searchErrorCatalogue

export const searchErrors = {
  aliasTooFew: () => raise(c.aliasTooFew),
  aliasTooLong: (max: number) => raise(c.aliasTooLong, { max }),
  aliasTooMany: (max: number) => raise(c.aliasTooMany, { max }),
  aliasNotFound: (id: number) => raise(c.aliasNotFound, { id }),
}
