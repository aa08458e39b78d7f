// Votes, reports, banned words, the moderation log and per-article comment windows.
// Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'
import { integerId } from './2026_11_29_1000_create_content.js'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('comment_votes')
    .ifNotExists()
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_votes_pk', ['comment_id', 'reader_id', 'kind'])
    .execute()

  await db.schema
    .createTable('comment_reports')
    .ifNotExists()
    .addColumn('comment_id', 'integer', (c) => c.notNull().references('comments.id').onDelete('cascade'))
    .addColumn('reader_id', 'integer', (c) => c.notNull().references('readers.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('comment_reports_pk', ['comment_id', 'reader_id'])
    .execute()

  await db.schema
    .createTable('banned_words')
    .ifNotExists()
    .addColumn('word', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('moderation_log')
    .ifNotExists()
    .addColumn('id', 'integer', integerId(db))
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('article_comment_settings')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('window_hours', 'integer')
    .execute()

  await db.schema
    .createIndex('comments_parent_idx')
    .ifNotExists()
    .on('comments')
    .column('parent_id')
    .execute()
  await db.schema
    .createIndex('comments_reader_idx')
    .ifNotExists()
    .on('comments')
    .column('reader_id')
    .execute()
  await db.schema
    .createIndex('comments_status_idx')
    .ifNotExists()
    .on('comments')
    .columns(['status', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('comments_status_idx').ifExists().execute()
  await db.schema.dropIndex('comments_reader_idx').ifExists().execute()
  await db.schema.dropIndex('comments_parent_idx').ifExists().execute()
  for (const table of [
    'article_comment_settings',
    'moderation_log',
    'banned_words',
    'comment_reports',
    'comment_votes',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
