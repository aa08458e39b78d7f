// SQL of the inbox: requests (the `tips` table) and the log of what was done with them.
import type { Kysely, Updateable } from 'kysely'
import { preparedFor } from '../../platform/db/prepared.js'
import type { InboxTables, TipsTable } from './inbox.table.js'

export type InboxDb = Kysely<InboxTables>

export const findRequest = (db: InboxDb, id: number) =>
  db.selectFrom('tips').selectAll().where('id', '=', id).executeTakeFirst()

export interface ListFilter {
  /** `open` means anything not closed. */
  status?: 'open' | 'closed' | 'all'
  kind?: string
  q?: string
  limit?: number
}

export function listRequests(db: InboxDb, filter: ListFilter) {
  let query = db.selectFrom('tips').selectAll()
  if (filter.status === 'open') query = query.where('status', '!=', 'closed')
  if (filter.status === 'closed') query = query.where('status', '=', 'closed')
  if (filter.kind) query = query.where('kind', '=', filter.kind as never)
  if (filter.q) {
    // Wildcards typed by staff are dropped: SQLite and PostgreSQL escape LIKE differently.
    const like = `%${filter.q.replace(/[\\%_]/g, '')}%`
    query = query.where((eb) =>
      eb.or([eb('subject', 'like', like), eb('body', 'like', like), eb('name', 'like', like)]),
    )
  }
  return query
    .orderBy('createdAt', 'desc')
    .orderBy('id', 'desc')
    .limit(filter.limit ?? 100)
    .execute()
}

export async function updateRequest(db: InboxDb, id: number, values: Updateable<TipsTable>) {
  await db.updateTable('tips').set(values).where('id', '=', id).execute()
}

export async function logStep(
  db: InboxDb,
  step: { tipId: number; at: string; staffId: number | null; action: string; note?: string | null },
) {
  await db
    .insertInto('tipEvents')
    .values({ ...step, note: step.note ?? null })
    .execute()
}

export const findByClientKey = (db: InboxDb, clientKey: string) =>
  db.selectFrom('tips').select('id').where('clientKey', '=', clientKey).executeTakeFirst()

export const stepsOf = (db: InboxDb, tipId: number) =>
  db.selectFrom('tipEvents').selectAll().where('tipId', '=', tipId).orderBy('id').execute()

// Every article page asks this (cache off too): compiled once, like the articles' own queries.
const publishedOn = preparedFor<InboxTables>()((db, articleId: number) =>
  db
    .selectFrom('tips')
    .select(['id', 'kind', 'publishedText', 'publishedAt', 'disputedPassage'])
    .where('articleId', '=', articleId)
    .where('publishedAt', 'is not', null)
    .orderBy('publishedAt'),
)
export const publishedFor = publishedOn.all

/** Statutory requests still owing an answer or a publication. */
export const pendingStatutory = (db: InboxDb) =>
  db
    .selectFrom('tips')
    .selectAll()
    .where('kind', '!=', 'tip')
    .where('status', '!=', 'closed')
    .where('publishedAt', 'is', null)
    .execute()

export const withAttachmentsBefore = (db: InboxDb, before: string) =>
  db
    .selectFrom('tips')
    .select(['id', 'attachmentKey'])
    .where('attachmentKey', 'is not', null)
    .where('createdAt', '<', before)
    .execute()

export const statutoryRegister = (db: InboxDb) =>
  db.selectFrom('tips').selectAll().where('kind', '!=', 'tip').orderBy('createdAt').orderBy('id').execute()
