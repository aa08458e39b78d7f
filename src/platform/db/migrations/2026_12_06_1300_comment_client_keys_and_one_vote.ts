// Comments carry the key their client sent with them, so a retried post finds the comment it
// already stored instead of storing it twice. A reader votes once per comment (공감 or 비공감,
// not both): where both were cast, the 공감 is kept; votes on one's own comments are dropped,
// and the counters are recounted where they changed. Frozen in time: imports nothing from the app.
import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema.alterTable('comments').addColumn('client_key', 'text').execute()
  await db.schema
    .createIndex('comments_client_key_unique')
    .on('comments')
    .column('client_key')
    .unique()
    .execute()

  await sql`delete from comment_votes where kind = 'dislike' and exists (
    select 1 from comment_votes l
    where l.comment_id = comment_votes.comment_id and l.reader_id = comment_votes.reader_id and l.kind = 'like')`.execute(
    db,
  )
  await sql`delete from comment_votes where exists (
    select 1 from comments c where c.id = comment_votes.comment_id and c.reader_id = comment_votes.reader_id)`.execute(
    db,
  )
  const likes = sql`(select count(*) from comment_votes v where v.comment_id = comments.id and v.kind = 'like')`
  const dislikes = sql`(select count(*) from comment_votes v where v.comment_id = comments.id and v.kind = 'dislike')`
  await sql`update comments set likes = ${likes}, dislikes = ${dislikes}
    where likes <> ${likes} or dislikes <> ${dislikes}`.execute(db)
  await db.schema
    .createIndex('comment_votes_one_per_reader')
    .on('comment_votes')
    .columns(['comment_id', 'reader_id'])
    .unique()
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('comment_votes_one_per_reader').execute()
  await db.schema.dropIndex('comments_client_key_unique').execute()
  await db.schema.alterTable('comments').dropColumn('client_key').execute()
}
