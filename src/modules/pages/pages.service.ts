// Editable static pages (legal notices, about) and reader tips (기사제보, 정정보도 요청)
// stored for the newsroom.
import { randomBytes } from 'node:crypto'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Kysely } from 'kysely'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { Clock } from '../../platform/clock.js'
import { ArticleDocument, readDocument } from '../articles/index.js'
import { legalPageTemplates } from './legal-templates.js'
import { textToDocument } from './page-text.js'
import { type TipFields, TipInput } from './pages.schema.js'
import type { PagesTables } from './pages.table.js'

export interface PagesDeps {
  db: Kysely<PagesTables>
  clock: Clock
  bus: InvalidationBus
  /** Where tip attachments are kept; never served publicly. */
  uploadsDir: string
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

    /** Stores a tip; the attachment is written first so a stored tip never points at nothing. */
    async submitTip(raw: TipInput | TipFields, attachment?: { name: string; data: Buffer }) {
      const input = TipInput.parse(raw)
      let attachmentKey: string | null = null
      if (attachment) {
        attachmentKey = randomBytes(12).toString('base64url')
        await mkdir(deps.uploadsDir, { recursive: true })
        await writeFile(join(deps.uploadsDir, attachmentKey), attachment.data)
      }
      const row = await deps.db
        .insertInto('tips')
        .values({
          kind: input.kind,
          name: input.name,
          contact: input.contact,
          subject: input.subject,
          body: input.body,
          articleUrl: input.articleUrl,
          attachmentKey,
          attachmentName: attachment ? attachment.name.slice(0, 200) : null,
          createdAt: deps.clock.now().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    },

    listTips: (limit = 50) =>
      deps.db
        .selectFrom('tips')
        .selectAll()
        .orderBy('createdAt', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .execute(),
  }
}

export type PagesService = ReturnType<typeof createPagesService>
