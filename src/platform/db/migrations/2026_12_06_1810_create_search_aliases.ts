// Spellings the desk declares equivalent for search (오픈AI = OpenAI = 오픈에이아이), on top of
// the built-in list in the search module. Owned by the search module. Frozen in time.
import { type Kysely, SqliteAdapter } from 'kysely'

export async function up(db: Kysely<any>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  await db.schema
    .createTable('search_aliases')
    .ifNotExists()
    .addColumn('id', 'integer', (c) =>
      sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity(),
    )
    // A JSON array of two or more spellings, as the desk wrote them.
    .addColumn('spellings', 'text', (c) => c.notNull())
    // The staff member who added the entry; no foreign key: staff is another module's table.
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('search_aliases').ifExists().execute()
}
