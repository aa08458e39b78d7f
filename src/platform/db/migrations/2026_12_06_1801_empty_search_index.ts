// DML apart from the DDL before it: the index entries made before bylines and photos were
// fields are dropped on both databases, so the index is either complete or empty, never a
// mix. An empty index over existing articles is rebuilt by the server at start (the search
// module's rebuildIfEmpty) or by `sinmun reindex`. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  const reporters = await sql`DELETE FROM search_document_reporters`.execute(db)
  const documents = await sql`DELETE FROM search_documents`.execute(db)
  const n = Number(documents.numAffectedRows ?? 0)
  if (n > 0) {
    console.log(
      `migration: emptied the search index (${n} documents, ${reporters.numAffectedRows ?? 0} bylines); it is rebuilt at start`,
    )
  }
}

export async function down(_db: Kysely<any>) {
  // Nothing to restore: `sinmun reindex` rebuilds the index from the articles.
}
