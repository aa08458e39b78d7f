import { commentsErrors } from '../../comments.errors.js'
import type { Phase } from '../pipeline.js'

/** Refuses empty comments and those over the outlet's limit (counted in characters). */
export const commentLength: Phase = (input) => {
  const length = [...input.body].length
  if (length === 0) throw commentsErrors.empty()
  if (length > input.settings.maxLength) throw commentsErrors.tooLong(input.settings.maxLength)
  return undefined
}
