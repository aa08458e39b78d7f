import type { Phase } from '../pipeline.js'

// Spaces, dots and the like are how banned words get past a plain substring check
// ("바 보", "바.보"), so both sides are compared without them.
const SEPARATORS = /[\s.,\u00b7_\-~!?*^'"`|/\\]+/g
const squeeze = (text: string) => text.normalize('NFKC').toLowerCase().replace(SEPARATORS, '')

/** Holds a comment containing a banned word for review instead of publishing it. */
export const bannedWords: Phase = (input) => {
  if (input.bannedWords.length === 0) return undefined
  const text = squeeze(input.body)
  const hit = input.bannedWords.find((word) => {
    const w = squeeze(word)
    return w.length > 0 && text.includes(w)
  })
  return hit ? { hold: `banned-word:${hit}` } : undefined
}
