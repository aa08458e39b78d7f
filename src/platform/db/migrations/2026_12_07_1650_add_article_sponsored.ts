// 기사형 광고: an article paid for by an advertiser, which must carry the label "광고" at its
// top (신문법 §6③, 인터넷신문위원회 기사형 광고 심의규정). Frozen in time: imports nothing
// from the app.
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .alterTable('articles')
    .addColumn('sponsored', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.alterTable('articles').dropColumn('sponsored').execute()
}
