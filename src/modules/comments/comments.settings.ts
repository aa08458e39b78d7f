// The outlet's comment rules (window, length, report threshold, page size), kept as one JSON
// setting by the outlet module; staff change them through the moderation service.
import { z } from 'zod'
import { memo } from '../../platform/cache/memo.js'
import type { StoredSetting } from '../outlet/index.js'

export const CommentSettings = z.object({
  /** Hours after publication during which comments are open; null keeps them open. */
  windowHours: z.number().int().min(0).nullable().default(null),
  maxLength: z.number().int().min(10).max(5000).default(1000),
  /** Reports that hide a comment until staff look at it. */
  reportThreshold: z.number().int().min(1).default(5),
  pageSize: z.number().int().min(1).max(200).default(20),
  /** What happens to a reader's comments when they delete their account. */
  onReaderDeleted: z.enum(['keep', 'delete']).default('keep'),
})
export type CommentSettings = z.infer<typeof CommentSettings>

/** `stored` is the outlet's setting the rules are kept in. */
export function createCommentSettingsStore(stored: StoredSetting) {
  const current = memo(async () => CommentSettings.parse((await stored.read()) ?? {}), 60_000)
  return {
    get: () => current.get(),
    async save(input: unknown): Promise<CommentSettings> {
      const settings = CommentSettings.parse(input)
      await stored.write(settings)
      current.reset()
      return settings
    },
  }
}

export type CommentSettingsStore = ReturnType<typeof createCommentSettingsStore>
