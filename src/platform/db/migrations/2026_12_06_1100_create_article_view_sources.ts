// Where readers came from: counted views per article, per Korea-time day and per kind of
// referrer (네이버, 다음, 구글, 카카오톡, 직접 …). The hourly totals stay in article_views.
// Frozen in time: imports nothing from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('article_view_sources')
    .ifNotExists()
    .addColumn('article_id', 'integer', (c) => c.notNull().references('articles.id').onDelete('cascade'))
    /** 'YYYY-MM-DD' in Korea time: the day the newsroom reports by. */
    .addColumn('day', 'text', (c) => c.notNull())
    /** naver, daum, google, kakaotalk, direct, internal, other */
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('views', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('article_view_sources_pk', ['article_id', 'day', 'source'])
    .execute()
  await db.schema
    .createIndex('article_view_sources_day_idx')
    .ifNotExists()
    .on('article_view_sources')
    .column('day')
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('article_view_sources').ifExists().execute()
}
