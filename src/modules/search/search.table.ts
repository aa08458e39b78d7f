// The tables the search module owns that code reaches through Kysely's types. The index
// tables themselves (search_documents, search_document_reporters, search_fts) are read and
// written with raw SQL per database (search.sqlite.ts, search.postgres.ts).
import type { Generated } from 'kysely'

export interface SearchAliasesTable {
  id: Generated<number>
  /** JSON array of the spellings, as the desk wrote them. */
  spellings: string
  createdBy: number
  createdAt: string
}

export interface SearchTables {
  searchAliases: SearchAliasesTable
}
