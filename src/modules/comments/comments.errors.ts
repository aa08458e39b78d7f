// Every way a comment action can be refused, with a stable code (docs/practices/errors.md).
import { AppError } from '../../platform/errors.js'

export const commentsErrors = {
  empty: () => new AppError('COMMENTS_EMPTY', 400, 'The comment is empty.'),
  tooLong: (max: number) =>
    new AppError('COMMENTS_TOO_LONG', 400, `Comments are limited to ${max} characters.`, { max }),
  closed: (articleId: number) =>
    new AppError('COMMENTS_CLOSED', 409, 'Comments are closed for this article.', { articleId }),
  suspended: () => new AppError('COMMENTS_READER_SUSPENDED', 403, 'This reader may not post comments.'),
  notFound: () => new AppError('COMMENTS_NOT_FOUND', 404, 'Comment not found.'),
  articleNotFound: () => new AppError('COMMENTS_ARTICLE_NOT_FOUND', 404, 'Article not found.'),
  loginRequired: () => new AppError('COMMENTS_LOGIN_REQUIRED', 401, 'Log in to do this.'),
  guestsOff: () => new AppError('COMMENTS_GUESTS_OFF', 403, 'Guest comments are switched off.'),
  guestInvalid: () => new AppError('COMMENTS_GUEST_INVALID', 400, 'A name and a password are needed.'),
  forbidden: () => new AppError('COMMENTS_FORBIDDEN', 403, 'This comment is not yours.'),
  wrongPassword: () => new AppError('COMMENTS_WRONG_PASSWORD', 403, 'The password does not match.'),
  tooManyTries: (retryAfterSeconds: number) =>
    new AppError('COMMENTS_TOO_MANY_TRIES', 429, 'Too many wrong passwords; try again later.', {
      retryAfterSeconds,
    }),
  tooFast: (retryAfterSeconds: number) =>
    new AppError('COMMENTS_TOO_FAST', 429, 'Too many comments in a short time.', { retryAfterSeconds }),
  alreadyVoted: () => new AppError('COMMENTS_ALREADY_VOTED', 409, 'Already voted on this comment.'),
  alreadyReported: () => new AppError('COMMENTS_ALREADY_REPORTED', 409, 'Already reported this comment.'),
  badParent: () =>
    new AppError('COMMENTS_BAD_PARENT', 400, 'Replies go under a published top-level comment.'),
}
