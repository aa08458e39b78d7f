// Every error a reader, a staff member or an API client can be shown, gathered from each
// module's catalogue. It sits beside app.ts because platform/ knows no module.
// docs/errors.md is rendered from it; `npm run docs:errors` rewrites the file and
// src/errors-catalogue.test.ts fails when it is stale.
import { accountsErrorCatalogue } from './modules/accounts/index.js'
import { articlesErrorCatalogue } from './modules/articles/index.js'
import { commentsErrorCatalogue } from './modules/comments/index.js'
import { inboxErrorCatalogue } from './modules/inbox/index.js'
import { mediaErrorCatalogue } from './modules/media/index.js'
import { newsroomErrorCatalogue } from './modules/newsroom/index.js'
import { searchErrorCatalogue } from './modules/search/index.js'
import { staffErrorCatalogue } from './modules/staff/index.js'
import { type ErrorCatalogue, platformErrors } from './platform/errors.js'

/** Catalogues by owner; a module's codes start with its name. */
export const errorCatalogue: Readonly<Record<string, ErrorCatalogue>> = {
  platform: platformErrors,
  accounts: accountsErrorCatalogue,
  articles: articlesErrorCatalogue,
  comments: commentsErrorCatalogue,
  inbox: inboxErrorCatalogue,
  media: mediaErrorCatalogue,
  newsroom: newsroomErrorCatalogue,
  search: searchErrorCatalogue,
  staff: staffErrorCatalogue,
}

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ')

/** docs/errors.md: one table per owner, in the order above. */
export function renderErrorsDoc(catalogue = errorCatalogue): string {
  const lines = [
    '# Error codes',
    '',
    'Generated from `src/errors-catalogue.ts` by `npm run docs:errors`; do not edit by hand.',
    'Clients may rely on the code and the status. The message is what the user sees;',
    "`{name}` is filled from the error's `details`, and some errors give a more precise",
    "sentence from the same module's catalog. JSON answers have the shape",
    '`{"errors":[{"code","message","details"}]}`.',
  ]
  for (const [owner, errors] of Object.entries(catalogue)) {
    lines.push('', `## ${owner}`, '', '| code | status | message |', '| --- | --- | --- |')
    for (const spec of Object.values(errors)) {
      lines.push(`| \`${spec.code}\` | ${spec.status} | ${cell(spec.message)} |`)
    }
  }
  return `${lines.join('\n')}\n`
}
