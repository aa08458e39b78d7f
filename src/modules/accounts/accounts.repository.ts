// SQL of reader accounts.
import type { Kysely } from 'kysely'
import type { AccountsTables } from './accounts.table.js'

export interface ReaderRow {
  id: number
  provider: string
  subject: string
  displayName: string
  suspendedAt: string | null
}

const columns = ['id', 'provider', 'subject', 'displayName', 'suspendedAt'] as const

export const findReader = (db: Kysely<AccountsTables>, id: number): Promise<ReaderRow | undefined> =>
  db.selectFrom('readers').select(columns).where('id', '=', id).executeTakeFirst()

/** The account of (provider, subject), created on first login with the provider's name. */
export async function findOrCreateReader(
  db: Kysely<AccountsTables>,
  identity: { provider: string; subject: string; displayName: string },
  now: string,
): Promise<ReaderRow> {
  const find = () =>
    db
      .selectFrom('readers')
      .select(columns)
      .where('provider', '=', identity.provider)
      .where('subject', '=', identity.subject)
      .executeTakeFirst()
  const existing = await find()
  if (existing) return existing
  // Two first logins at once: the unique key lets one insert win and the other reads it.
  await db
    .insertInto('readers')
    .values({ ...identity, createdAt: now, suspendedAt: null })
    .onConflict((oc) => oc.columns(['provider', 'subject']).doNothing())
    .execute()
  return (await find())!
}

export async function renameReader(db: Kysely<AccountsTables>, id: number, displayName: string) {
  await db.updateTable('readers').set({ displayName }).where('id', '=', id).execute()
}

/**
 * Deletes an account by erasing what identified it: the provider's subject (a new login makes a
 * new account) and the name. The row stays because kept comments, votes and reports point at
 * it; it is suspended so nothing can act as it. Sessions are ended by the caller.
 */
export async function eraseReader(db: Kysely<AccountsTables>, id: number, shownAs: string, now: string) {
  await db
    .updateTable('readers')
    .set({ provider: 'deleted', subject: `deleted:${id}`, displayName: shownAs, suspendedAt: now })
    .where('id', '=', id)
    .execute()
}

export async function setSuspended(db: Kysely<AccountsTables>, id: number, suspendedAt: string | null) {
  await db.updateTable('readers').set({ suspendedAt }).where('id', '=', id).execute()
}

/** Names and standing of several readers (comment threads, the moderation queue). */
export const readersByIds = (db: Kysely<AccountsTables>, ids: readonly number[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('readers')
        .select(['id', 'displayName', 'suspendedAt'])
        .where('id', 'in', [...ids])
        .execute()
