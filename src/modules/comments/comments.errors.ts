// Every way a comment action can be refused: code, status and the Korean sentence from the
// comment catalog (docs/errors.md lists them all).
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { commentMessages } from './comments.messages.js'

const t = commentMessages.errors

export const commentsErrorCatalogue = {
  empty: { code: 'COMMENTS_EMPTY', status: 400, message: t.COMMENTS_EMPTY },
  tooLong: { code: 'COMMENTS_TOO_LONG', status: 400, message: t.COMMENTS_TOO_LONG },
  closed: { code: 'COMMENTS_CLOSED', status: 409, message: t.COMMENTS_CLOSED },
  suspended: { code: 'COMMENTS_READER_SUSPENDED', status: 403, message: t.COMMENTS_READER_SUSPENDED },
  notFound: { code: 'COMMENTS_NOT_FOUND', status: 404, message: t.COMMENTS_NOT_FOUND },
  articleNotFound: { code: 'COMMENTS_ARTICLE_NOT_FOUND', status: 404, message: t.COMMENTS_ARTICLE_NOT_FOUND },
  loginRequired: { code: 'COMMENTS_LOGIN_REQUIRED', status: 401, message: t.COMMENTS_LOGIN_REQUIRED },
  guestsOff: { code: 'COMMENTS_GUESTS_OFF', status: 403, message: t.COMMENTS_GUESTS_OFF },
  guestInvalid: { code: 'COMMENTS_GUEST_INVALID', status: 400, message: t.COMMENTS_GUEST_INVALID },
  forbidden: { code: 'COMMENTS_FORBIDDEN', status: 403, message: t.COMMENTS_FORBIDDEN },
  wrongPassword: { code: 'COMMENTS_WRONG_PASSWORD', status: 403, message: t.COMMENTS_WRONG_PASSWORD },
  tooManyTries: { code: 'COMMENTS_TOO_MANY_TRIES', status: 429, message: t.COMMENTS_TOO_MANY_TRIES },
  tooFast: { code: 'COMMENTS_TOO_FAST', status: 429, message: t.COMMENTS_TOO_FAST },
  alreadyVoted: { code: 'COMMENTS_ALREADY_VOTED', status: 409, message: t.COMMENTS_ALREADY_VOTED },
  ownComment: { code: 'COMMENTS_OWN_COMMENT', status: 403, message: t.COMMENTS_OWN_COMMENT },
  alreadyReported: { code: 'COMMENTS_ALREADY_REPORTED', status: 409, message: t.COMMENTS_ALREADY_REPORTED },
  badParent: { code: 'COMMENTS_BAD_PARENT', status: 400, message: t.COMMENTS_BAD_PARENT },
} as const satisfies ErrorCatalogue

const c = commentsErrorCatalogue

export const commentsErrors = {
  empty: () => raise(c.empty),
  tooLong: (max: number) => raise(c.tooLong, { max }),
  closed: (articleId: number) => raise(c.closed, { articleId }),
  suspended: () => raise(c.suspended),
  notFound: () => raise(c.notFound),
  articleNotFound: () => raise(c.articleNotFound),
  loginRequired: () => raise(c.loginRequired),
  guestsOff: () => raise(c.guestsOff),
  guestInvalid: () => raise(c.guestInvalid),
  forbidden: () => raise(c.forbidden),
  wrongPassword: () => raise(c.wrongPassword),
  tooManyTries: (retryAfterSeconds: number) => raise(c.tooManyTries, { retryAfterSeconds }),
  tooFast: (retryAfterSeconds: number) => raise(c.tooFast, { retryAfterSeconds }),
  alreadyVoted: () => raise(c.alreadyVoted),
  ownComment: () => raise(c.ownComment),
  alreadyReported: () => raise(c.alreadyReported),
  badParent: () => raise(c.badParent),
}

/** Refusals the reader can fix in the form they sent: the form comes back with their text. */
export const formFixableCodes: ReadonlySet<string> = new Set(
  [
    c.empty,
    c.tooLong,
    c.closed,
    c.suspended,
    c.guestInvalid,
    c.wrongPassword,
    c.tooManyTries,
    c.tooFast,
    c.forbidden,
    c.alreadyVoted,
    c.alreadyReported,
    c.ownComment,
    c.notFound,
  ].map((spec) => spec.code),
)
