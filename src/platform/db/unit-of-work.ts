// One transaction that several modules take part in. Each module's repositories are typed with
// that module's own tables, so a transaction opened by one module cannot be handed to another as
// it is; it travels as this opaque value, and each module sees its own tables in it.
import type { Kysely, Transaction } from 'kysely'

export interface UnitOfWork {
  readonly transaction: Transaction<object>
}

/** Runs `work` in one database transaction; everything it writes commits or rolls back together. */
export function inTransaction<DB, R>(db: Kysely<DB>, work: (uow: UnitOfWork) => Promise<R>): Promise<R> {
  return db
    .transaction()
    .execute((transaction) => work({ transaction: transaction as unknown as Transaction<object> }))
}

/**
 * The executor a module's repository runs on: the unit of work's transaction when there is one,
 * seen through the module's own tables, or the module's database handle.
 */
export function executorFor<DB>(db: Kysely<DB>, uow: UnitOfWork | undefined): Kysely<DB> {
  // The same connection whatever the table type: the type only narrows what may be named.
  return uow ? (uow.transaction as unknown as Kysely<DB>) : db
}
