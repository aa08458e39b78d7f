// The tips table becomes the inbox's (docs/decisions/027-inbox-and-readers-rights.md): kept
// with every row it has, it gains what a 고충처리인 needs to work a request (the article it
// names, assignee, decision, the published correction) and a log of every step. Existing rows
// stay as they were: their status `new` and kind `tip`/`correction` mean the same as before.
// Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'
import { integerId } from './2026_11_29_1000_create_content.js'

const COLUMNS: [string, 'text' | 'integer'][] = [
  ['article_id', 'integer'],
  ['learned_on', 'text'],
  ['disputed_passage', 'text'],
  ['consented_at', 'text'],
  ['assignee_id', 'integer'],
  ['decision', 'text'],
  ['decision_reason', 'text'],
  ['answered_at', 'text'],
  ['published_text', 'text'],
  ['published_at', 'text'],
  ['closed_at', 'text'],
  ['reminded_at', 'text'],
  ['attachment_type', 'text'],
]

export async function up(db: Kysely<any>) {
  const id = integerId(db)
  for (const [name, type] of COLUMNS) {
    await db.schema.alterTable('tips').addColumn(name, type).execute()
  }
  await db.schema
    .createTable('tip_events')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('tip_id', 'integer', (c) => c.notNull().references('tips.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .execute()
  await db.schema
    .createIndex('tip_events_tip')
    .ifNotExists()
    .on('tip_events')
    .columns(['tip_id', 'id'])
    .execute()
  await db.schema
    .createIndex('tips_status')
    .ifNotExists()
    .on('tips')
    .columns(['status', 'created_at'])
    .execute()
  await db.schema.createIndex('tips_article').ifNotExists().on('tips').column('article_id').execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('tip_events').ifExists().execute()
  await db.schema.dropIndex('tips_article').ifExists().execute()
  await db.schema.dropIndex('tips_status').ifExists().execute()
  for (const [name] of [...COLUMNS].reverse()) {
    await db.schema.alterTable('tips').dropColumn(name).execute()
  }
}
