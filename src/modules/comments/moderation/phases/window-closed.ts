import { commentsErrors } from '../../comments.errors.js'
import type { Phase } from '../pipeline.js'

/** True when the article's comment window (its own, else the outlet's) has passed. */
export function windowClosed(
  article: { publishedAt: string; windowHours: number | null | undefined },
  outletWindowHours: number | null,
  now: Date,
): boolean {
  const hours = article.windowHours === undefined ? outletWindowHours : article.windowHours
  if (hours === null) return false
  return now.getTime() >= new Date(article.publishedAt).getTime() + hours * 3_600_000
}

/** Refuses comments once the window is closed. */
export const commentWindow: Phase = (input) => {
  if (windowClosed(input.article, input.settings.windowHours, input.now)) {
    throw commentsErrors.closed(input.article.id)
  }
  return undefined
}
