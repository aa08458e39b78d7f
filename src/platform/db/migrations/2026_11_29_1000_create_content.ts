// The content model: outlet settings, sections, staff, photos, articles, tags, pages, tips.
// Frozen in time: imports nothing from the app.
import { type Kysely, SqliteAdapter } from 'kysely'

/** An auto-numbered integer key, spelled the way each database wants it. */
export function integerId(db: Kysely<any>) {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter
  return (c: any) => (sqlite ? c.primaryKey().autoIncrement() : c.primaryKey().generatedByDefaultAsIdentity())
}

export async function up(db: Kysely<any>) {
  const id = integerId(db)
  await db.schema
    .createTable('settings')
    .ifNotExists()
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('sections')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()

  await db.schema
    .createTable('photos')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('widths', 'text', (c) => c.notNull())
    .addColumn('caption', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('credit', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('alt', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('uploaded_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('staff')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('bio', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('photo_id', 'integer', (c) => c.references('photos.id').onDelete('set null'))
    .addColumn('password_hash', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('articles')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('section_id', 'integer', (c) => c.notNull().references('sections.id'))
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('subheadline', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('lead_photo_id', 'integer', (c) => c.references('photos.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull().defaultTo('normal'))
    .addColumn('created_by', 'integer', (c) => c.references('staff.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('modified_at', 'text')
    .addColumn('scheduled_at', 'text')
    .addColumn('correction_note', 'text')
    .addColumn('withdrawn_reason', 'text')
    .execute()
  await db.schema
    .createIndex('articles_published_idx')
    .ifNotExists()
    .on('articles')
    .columns(['status', 'published_at'])
    .execute()
  await db.schema
    .createIndex('articles_section_published_idx')
    .ifNotExists()
    .on('articles')
    .columns(['section_id', 'status', 'published_at'])
    .execute()
  await db.schema
    .createIndex('articles_grade_published_idx')
    .ifNotExists()
    .on('articles')
    .columns(['grade', 'status', 'published_at'])
    .execute()

  await db.schema
    .createTable('article_reporters')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('staff_id', 'integer', (c) => c.notNull().references('staff.id'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('article_reporters_pk', ['article_id', 'staff_id'])
    .execute()
  await db.schema
    .createIndex('article_reporters_staff_idx')
    .ifNotExists()
    .on('article_reporters')
    .columns(['staff_id', 'article_id'])
    .execute()

  await db.schema
    .createTable('tags')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .execute()
  await db.schema
    .createTable('article_tags')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('article_tags_pk', ['article_id', 'tag_id'])
    .execute()
  await db.schema
    .createIndex('article_tags_tag_idx')
    .ifNotExists()
    .on('article_tags')
    .columns(['tag_id', 'article_id'])
    .execute()

  await db.schema
    .createTable('related_articles')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('related_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('related_articles_pk', ['article_id', 'related_id'])
    .execute()

  // Views counted per article per hour (UTC, 'YYYY-MM-DDTHH'): enough for "most read in
  // the last 24 hours / 7 days" without a row per page view.
  await db.schema
    .createTable('article_views')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    .addColumn('hour', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_views_pk', ['article_id', 'hour'])
    .execute()
  await db.schema
    .createIndex('article_views_hour_idx')
    .ifNotExists()
    .on('article_views')
    .column('hour')
    .execute()

  await db.schema
    .createTable('pages')
    .ifNotExists()
    .addColumn('slug', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('tips')
    .ifNotExists()
    .addColumn('id', 'integer', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('contact', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('article_url', 'text')
    .addColumn('attachment_key', 'text')
    .addColumn('attachment_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
}

export async function down(db: Kysely<any>) {
  for (const table of [
    'tips',
    'pages',
    'article_views',
    'related_articles',
    'article_tags',
    'tags',
    'article_reporters',
    'articles',
    'staff',
    'photos',
    'sections',
    'settings',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
