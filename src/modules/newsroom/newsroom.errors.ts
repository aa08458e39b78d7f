// The newsroom's own refusals; the desk workflow's invalid transitions are the articles
// module's, the staff accounts' are the staff module's.
import { type ErrorCatalogue, raise } from '../../platform/errors.js'
import { nm } from './newsroom.messages.js'

export const newsroomErrorCatalogue = {
  forbidden: { code: 'NEWSROOM_FORBIDDEN', status: 403, message: nm.errors.forbidden },
  loginRequired: { code: 'NEWSROOM_LOGIN_REQUIRED', status: 401, message: nm.errors.loginRequired },
  /** An article the editor sent that does not validate; the message names the field. */
  articleInvalid: { code: 'NEWSROOM_ARTICLE_INVALID', status: 400, message: nm.errors.invalidInput },
  /** A desk action missing what it needs (a note, a reason, a readable time). */
  deskInput: { code: 'NEWSROOM_DESK_INPUT', status: 400, message: nm.errors.invalidInput },
  /** A press release file that cannot become a draft; the message says why (HWP, damaged…). */
  importFile: { code: 'NEWSROOM_IMPORT_FILE', status: 400, message: nm.importFile.failed },
  moderationUnavailable: {
    code: 'NEWSROOM_MODERATION_UNAVAILABLE',
    status: 404,
    message: nm.moderation.unavailable,
  },
  redirectsUnavailable: {
    code: 'NEWSROOM_REDIRECTS_UNAVAILABLE',
    status: 404,
    message: nm.redirects.unavailable,
  },
} as const satisfies ErrorCatalogue

const c = newsroomErrorCatalogue

export const newsroomErrors = {
  forbidden: () => raise(c.forbidden),
  loginRequired: () => raise(c.loginRequired),
  articleInvalid: (field: string, message: string) => raise(c.articleInvalid, { field }, { message }),
  deskInput: (message: string) => raise(c.deskInput, {}, { message }),
  moderationUnavailable: () => raise(c.moderationUnavailable),
  importFile: (problem: string, message: string) => raise(c.importFile, { problem }, { message }),
  redirectsUnavailable: () => raise(c.redirectsUnavailable),
}
