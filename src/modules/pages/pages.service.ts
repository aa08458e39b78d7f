// Editable static pages: legal notices, about. (Reader tips and correction requests are the
// inbox module's.)
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { ArticleDocument, readDocument } from '../articles/index.js'
import { legalPageTemplates } from './legal-templates.js'
import { textToDocument } from './page-text.js'
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

    /**
     * Writes the legal pages from their templates where the outlet has none yet, so no footer
     * link is ever a 404; a page the outlet already wrote is left as it is.
     */
    async prefillLegalPages(outletName: string) {
      const existing = new Set(
        (await deps.db.selectFrom('pages').select('slug').execute()).map((p) => p.slug),
      )
      for (const t of legalPageTemplates) {
        if (existing.has(t.slug)) continue
        const doc = textToDocument(t.text.replaceAll('{outlet}', outletName))
        const values = {
          slug: t.slug,
          title: t.title,
          body: JSON.stringify(doc),
          updatedAt: deps.clock.now().toISOString(),
        }
        await deps.db
          .insertInto('pages')
          .values(values)
          .onConflict((oc) => oc.column('slug').doNothing())
          .execute()
        deps.bus.publish([tags.page(t.slug)])
      }
    },

    /** Every page's title and address, for the newsroom's list. */
    listTitles: () =>
      deps.db.selectFrom('pages').select(['slug', 'title', 'updatedAt']).orderBy('slug').execute(),
  }
}

export type PagesService = ReturnType<typeof createPagesService>
