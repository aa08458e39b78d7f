// The newsroom: login throttling, invite/reset tokens, article versions, the publishing log,
// and the desk's note on an article. Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'
import { integerId } from './2026_11_29_1000_create_content.js'

export async function up(db: Kysely<any>) {
  const id = integerId(db)
  // One row per throttled key ('email:…' or 'ip:…'), so a lockout survives a restart.
  await db.schema
    .createTable('login_throttle')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('window_started_at', 'text', (c) => c.notNull())
    .addColumn('locked_until', 'text')
    .execute()

  await db.schema
    .createTable('staff_tokens')
    .ifNotExists()
    // SHA-256 of the token sent in the link.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id').onDelete('cascade'))
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute()

  await db.schema
    .createTable('article_versions')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('subheadline', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('saved_by', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('saved_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_versions_article_idx')
    .ifNotExists()
    .on('article_versions')
    .columns(['article_id', 'id'])
    .execute()

  await db.schema
    .createTable('article_events')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('article_events_article_idx')
    .ifNotExists()
    .on('article_events')
    .columns(['article_id', 'id'])
    .execute()

  await db.schema
    .createIndex('articles_scheduled_idx')
    .ifNotExists()
    .on('articles')
    .columns(['status', 'scheduled_at'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('articles_scheduled_idx').ifExists().execute()
  for (const table of ['article_events', 'article_versions', 'staff_tokens', 'login_throttle']) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
