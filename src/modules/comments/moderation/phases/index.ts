// The order matters: clean the text first so every later phase judges what will be stored;
// refuse what can never be posted (too long, closed, suspended) before holding for review.
import type { Phase } from '../pipeline.js'
import { bannedWords } from './banned-words.js'
import { commentLength } from './comment-length.js'
import { purify } from './purify.js'
import { suspendedReader } from './suspended-reader.js'
import { commentWindow } from './window-closed.js'

export const defaultPhases: readonly Phase[] = [
  purify,
  commentLength,
  commentWindow,
  suspendedReader,
  bannedWords,
]
