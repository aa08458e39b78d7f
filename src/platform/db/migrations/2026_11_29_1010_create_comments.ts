// Readers (social-login accounts) and their comments under articles.
// Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'
import { integerId } from './2026_11_29_1000_create_content.js'

export async function up(db: Kysely<any>) {
  const id = integerId(db)
  await db.schema
    .createTable('readers')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('provider', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('suspended_at', 'text')
    .addUniqueConstraint('readers_provider_subject_uq', ['provider', 'subject'])
    .execute()

  await db.schema
    .createTable('comments')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('parent_id', 'integer', (c) => c.references('comments.id'))
    .addColumn('reader_id', 'integer', (c) => c.references('readers.id'))
    .addColumn('guest_name', 'text')
    .addColumn('guest_password_hash', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('likes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('dislikes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reports', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('comments_article_idx')
    .ifNotExists()
    .on('comments')
    .columns(['article_id', 'status', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('comments').ifExists().execute()
  await db.schema.dropTable('readers').ifExists().execute()
}
