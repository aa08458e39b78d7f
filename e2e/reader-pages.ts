// The reader pages every validity and accessibility check walks through, found in the demo
// seed: one of each kind of page, the article being one with an inline photo, a quote, a
// subheading and two reporters so that every block of the body renderer is on it.
import type { TestApp } from '../src/testing/test-app.js'

export const READER_PAGES = [
  'home',
  'article',
  'article with comments',
  'section',
  'tag',
  'reporter',
  'legal page',
  '기사제보 form',
  '정정보도 요청 form',
  'not found',
] as const

export type ReaderPage = (typeof READER_PAGES)[number]

export async function readerPagePaths(app: TestApp): Promise<Record<ReaderPage, string>> {
  const db = app.db.kysely
  const article = await db
    .selectFrom('articles')
    .select('id')
    .where('status', '=', 'published')
    .where('body', 'like', '%"blockquote"%')
    .where('body', 'like', '%"heading"%')
    .where('body', 'like', '%"photo"%')
    // Two bylines, so that landmarks repeated per reporter are checked too.
    .where('id', 'in', (sub) =>
      sub
        .selectFrom('articleReporters')
        .select('articleId')
        .groupBy('articleId')
        .having((eb) => eb.fn.countAll(), '>', 1),
    )
    .orderBy('id')
    .executeTakeFirstOrThrow()
  const tag = await db
    .selectFrom('articleTags')
    .innerJoin('tags', 'tags.id', 'articleTags.tagId')
    .select('tags.name')
    .where('articleTags.articleId', '=', article.id)
    .executeTakeFirstOrThrow()
  const reporter = await db
    .selectFrom('articleReporters')
    .select('staffId')
    .where('articleId', '=', article.id)
    .orderBy('position')
    .executeTakeFirstOrThrow()
  const discussed = await db
    .selectFrom('comments')
    .select(['articleId', (eb) => eb.fn.countAll().as('count')])
    .where('status', '=', 'published')
    .groupBy('articleId')
    .orderBy('count', 'desc')
    .orderBy('articleId')
    .executeTakeFirstOrThrow()
  const section = await db.selectFrom('sections').select('slug').orderBy('position').executeTakeFirstOrThrow()
  return {
    home: '/',
    article: `/news/${article.id}`,
    'article with comments': `/news/${discussed.articleId}`,
    section: `/section/${section.slug}`,
    tag: `/tag/${encodeURIComponent(tag.name)}`,
    reporter: `/reporter/${reporter.staffId}`,
    'legal page': '/page/youth-policy',
    '기사제보 form': '/tip',
    '정정보도 요청 form': '/correction-request',
    'not found': '/no-such-page',
  }
}
