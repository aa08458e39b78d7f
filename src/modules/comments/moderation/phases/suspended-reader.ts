import { commentsErrors } from '../../comments.errors.js'
import type { Phase } from '../pipeline.js'

/** A suspended reader may read but not post. */
export const suspendedReader: Phase = (input) => {
  if (input.reader?.suspended) throw commentsErrors.suspended()
  return undefined
}
