// Moderation as a pipeline of small phases (after Coral Talk): each phase looks at the
// comment about to be posted and either refuses it (throws a coded AppError), rewrites its
// body, or asks for it to be held for review. The first phase to hold decides the reason.
import type { CommentSettings } from '../comments.settings.js'

export interface ModerationInput {
  /** The text as the reader sent it. */
  body: string
  /** null for a guest (비회원) comment. */
  reader: { id: number; suspended: boolean } | null
  article: {
    id: number
    publishedAt: string
    /** The article's own window override; undefined follows the outlet setting. */
    windowHours: number | null | undefined
  }
  settings: CommentSettings
  bannedWords: readonly string[]
  now: Date
}

export interface PhaseResult {
  /** A rewritten body for the phases after this one. */
  body?: string
  /** Set when the comment must wait for a moderator. */
  hold?: string
}

export type Phase = (input: ModerationInput) => PhaseResult | undefined

export interface Verdict {
  body: string
  status: 'published' | 'held'
  /** Why it was held, for the moderation queue. */
  holdReason: string | null
}

export function moderate(phases: readonly Phase[], input: ModerationInput): Verdict {
  let current = input
  let holdReason: string | null = null
  for (const phase of phases) {
    const result = phase(current)
    if (result?.body !== undefined) current = { ...current, body: result.body }
    if (result?.hold && holdReason === null) holdReason = result.hold
  }
  return { body: current.body, status: holdReason ? 'held' : 'published', holdReason }
}
