// The admin's section management: create, rename, move to another address, reorder, hide,
// one level of sub-sections, and delete — moving the section's articles first. Every change
// names the sections it touched and the outlet (the menu is on every page).
import type { Kysely } from 'kysely'
import { z } from 'zod'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import type { ArticlesTables } from './articles.table.js'

/** Addresses the site already uses under /section/…, or that would read as something else. */
const RESERVED = new Set(['new', 'edit', 'all', 'rss', 'feed', 'admin', 'newsroom', 'search', 'page'])

export const SectionForm = z.object({
  name: z.string().trim().min(1, 'name').max(30, 'name'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/, 'slug')
    .refine((s) => !RESERVED.has(s), 'slugReserved'),
  parentId: z.coerce.number().int().positive().nullable().default(null),
  hidden: z.boolean().default(false),
})
export type SectionForm = z.infer<typeof SectionForm>

/** Why a section change was refused, by field, for the form to show where it belongs. */
export type SectionProblem = 'slugTaken' | 'parentInvalid' | 'targetInvalid' | 'notFound'

export type SectionResult = { ok: true; id: number } | { ok: false; problem: SectionProblem }

export interface AdminSection {
  id: number
  slug: string
  name: string
  position: number
  parentId: number | null
  hidden: boolean
  articleCount: number
}

export function createSectionsAdmin(deps: { db: Kysely<ArticlesTables>; bus: InvalidationBus }) {
  const { db } = deps
  const changed = (...ids: number[]) => deps.bus.publish([...ids.map(tags.section), tags.outlet, tags.home])

  async function list(): Promise<AdminSection[]> {
    const rows = await db
      .selectFrom('sections')
      .leftJoin('articles', 'articles.sectionId', 'sections.id')
      .select(['sections.id', 'sections.slug', 'sections.name', 'sections.position', 'sections.parentId'])
      .select('sections.hidden')
      .select((eb) => eb.fn.count<number>('articles.id').as('articleCount'))
      .groupBy(['sections.id', 'sections.slug', 'sections.name', 'sections.position', 'sections.parentId'])
      .groupBy('sections.hidden')
      .orderBy('sections.position')
      .orderBy('sections.id')
      .execute()
    const all = rows.map((r) => ({ ...r, hidden: r.hidden === 1, articleCount: Number(r.articleCount) }))
    // Parents first, each followed by its sub-sections: the order of the menu.
    return all
      .filter((s) => s.parentId === null)
      .flatMap((p) => [p, ...all.filter((s) => s.parentId === p.id)])
      .concat(all.filter((s) => s.parentId !== null && !all.some((p) => p.id === s.parentId)))
  }

  /** A parent must exist, be top-level itself, and not be the section being edited. */
  async function parentProblem(parentId: number | null, selfId?: number): Promise<boolean> {
    if (parentId === null) return false
    if (parentId === selfId) return true
    const parent = await db
      .selectFrom('sections')
      .select('parentId')
      .where('id', '=', parentId)
      .executeTakeFirst()
    if (!parent || parent.parentId !== null) return true
    if (selfId === undefined) return false
    // A section with sub-sections of its own cannot become one.
    const child = await db
      .selectFrom('sections')
      .select('id')
      .where('parentId', '=', selfId)
      .executeTakeFirst()
    return child !== undefined
  }

  const slugTaken = async (slug: string, selfId?: number) => {
    const row = await db.selectFrom('sections').select('id').where('slug', '=', slug).executeTakeFirst()
    return row !== undefined && row.id !== selfId
  }

  return {
    list,

    async create(form: SectionForm): Promise<SectionResult> {
      if (await slugTaken(form.slug)) return { ok: false, problem: 'slugTaken' }
      if (await parentProblem(form.parentId)) return { ok: false, problem: 'parentInvalid' }
      const last = await db
        .selectFrom('sections')
        .select((eb) => eb.fn.max('position').as('position'))
        .executeTakeFirst()
      const row = await db
        .insertInto('sections')
        .values({
          slug: form.slug,
          name: form.name,
          position: Number(last?.position ?? -1) + 1,
          parentId: form.parentId,
          hidden: form.hidden ? 1 : 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      changed(row.id)
      return { ok: true, id: row.id }
    },

    async update(id: number, form: SectionForm): Promise<SectionResult> {
      const exists = await db.selectFrom('sections').select('id').where('id', '=', id).executeTakeFirst()
      if (!exists) return { ok: false, problem: 'notFound' }
      if (await slugTaken(form.slug, id)) return { ok: false, problem: 'slugTaken' }
      if (await parentProblem(form.parentId, id)) return { ok: false, problem: 'parentInvalid' }
      await db
        .updateTable('sections')
        .set({ slug: form.slug, name: form.name, parentId: form.parentId, hidden: form.hidden ? 1 : 0 })
        .where('id', '=', id)
        .execute()
      // A new address or name shows on every article of the section: drop all pages.
      changed(id)
      return { ok: true, id }
    },

    /** Moves a section one place up or down among its siblings. */
    async move(id: number, direction: 'up' | 'down'): Promise<void> {
      const sections = await list()
      const self = sections.find((s) => s.id === id)
      if (!self) return
      const siblings = sections.filter((s) => s.parentId === self.parentId)
      const at = siblings.findIndex((s) => s.id === id)
      const other = siblings[direction === 'up' ? at - 1 : at + 1]
      if (!other) return
      // Renumber the siblings so equal positions (older data) still swap cleanly.
      const order = siblings.map((s) => s.id)
      order[at] = other.id
      order[siblings.indexOf(other)] = id
      await db.transaction().execute(async (trx) => {
        for (const [i, sid] of order.entries()) {
          await trx.updateTable('sections').set({ position: i }).where('id', '=', sid).execute()
        }
      })
      changed(id, other.id)
    },

    /** Deletes a section after moving its articles (and sub-sections) to `moveTo`. */
    async remove(id: number, moveTo: number | null): Promise<SectionResult> {
      const sections = await list()
      const self = sections.find((s) => s.id === id)
      if (!self) return { ok: false, problem: 'notFound' }
      const hasArticles = self.articleCount > 0
      const target = sections.find((s) => s.id === moveTo && s.id !== id && s.parentId !== id)
      if (hasArticles && !target) return { ok: false, problem: 'targetInvalid' }
      await db.transaction().execute(async (trx) => {
        if (target)
          await trx
            .updateTable('articles')
            .set({ sectionId: target.id })
            .where('sectionId', '=', id)
            .execute()
        await trx.updateTable('sections').set({ parentId: null }).where('parentId', '=', id).execute()
        await trx.deleteFrom('sections').where('id', '=', id).execute()
      })
      changed(id, ...(target ? [target.id] : []))
      return { ok: true, id }
    },
  }
}

export type SectionsAdmin = ReturnType<typeof createSectionsAdmin>
