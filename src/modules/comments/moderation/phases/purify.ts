import type { Phase } from '../pipeline.js'

// Control characters other than tab and newline have no place in a comment, and NUL is not
// even storable in PostgreSQL text. Line endings become \n, as browsers send them anyway.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g

/** Normalizes line endings, drops control characters and trims surrounding space. */
export const purify: Phase = (input) => ({
  body: input.body.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim(),
})
