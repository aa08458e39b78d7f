// Editable static pages: legal notices, about. (Reader tips and correction requests are the
// inbox module's.)
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { ArticleDocument, readDocument } from '../articles/index.js'
import type { PagesTables } from './pages.table.js'

export interface PagesDeps {
  db: Kysely<PagesTables>
  clock: Clock
  bus: InvalidationBus
}

export function createPagesService(deps: PagesDeps) {
  return {
    /** Every static page's address and last change, for the sitemap. */
    listPages: () => deps.db.selectFrom('pages').select(['slug', 'updatedAt']).orderBy('slug').execute(),

    async findPage(slug: string) {
      const row = await deps.db.selectFrom('pages').selectAll().where('slug', '=', slug).executeTakeFirst()
      return row
        ? { slug: row.slug, title: row.title, body: readDocument(row.body), updatedAt: row.updatedAt }
        : undefined
    },

    async savePage(slug: string, title: string, body: unknown) {
      const doc = ArticleDocument.parse(body)
      const values = { slug, title, body: JSON.stringify(doc), updatedAt: deps.clock.now().toISOString() }
      await deps.db
        .insertInto('pages')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('slug')
            .doUpdateSet({ title: values.title, body: values.body, updatedAt: values.updatedAt }),
        )
        .execute()
      deps.bus.publish([tags.page(slug)])
    },
  }
}

export type PagesService = ReturnType<typeof createPagesService>
