// The outlet's comment rules (window, length, report threshold, page size), kept as one JSON
// settings row; staff change them through the moderation service.
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { memo } from '../../platform/cache/memo.js'
import type { Database } from '../../platform/db/database.js'

export const CommentSettings = z.object({
  /** Hours after publication during which comments are open; null keeps them open. */
  windowHours: z.number().int().min(0).nullable().default(null),
  maxLength: z.number().int().min(10).max(5000).default(1000),
  /** Reports that hide a comment until staff look at it. */
  reportThreshold: z.number().int().min(1).default(5),
  pageSize: z.number().int().min(1).max(200).default(20),
})
export type CommentSettings = z.infer<typeof CommentSettings>

const KEY = 'comments'

export function createCommentSettingsStore(db: Kysely<Database>) {
  const current = memo(async () => {
    const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst()
    return CommentSettings.parse(row ? JSON.parse(row.value) : {})
  }, 60_000)
  return {
    get: () => current.get(),
    async save(input: unknown): Promise<CommentSettings> {
      const settings = CommentSettings.parse(input)
      const value = JSON.stringify(settings)
      await db
        .insertInto('settings')
        .values({ key: KEY, value })
        .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
        .execute()
      current.reset()
      return settings
    },
  }
}

export type CommentSettingsStore = ReturnType<typeof createCommentSettingsStore>
