import { type Generated, type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDialects } from '../../testing/dialects.js'
import { createTestApp, type TestApp } from '../../testing/test-app.js'
import { tablesFor } from './database.js'
import { preparedFor } from './prepared.js'

/** The one table these tests read, as the platform sees it (it knows no module's types). */
interface Tables {
  sections: { id: Generated<number>; slug: string; name: string; position: number }
}
const prepare = preparedFor<Tables>()

const sectionsIn = prepare((db, ids: readonly number[], minPosition: number) =>
  db
    .selectFrom('sections')
    .select(['id', 'slug', 'position'])
    .where('id', 'in', ids)
    .where('position', '>=', minPosition)
    .orderBy('id'),
)

const firstSections = prepare(
  (db, limit: number, offset: number) =>
    db.selectFrom('sections').select('id').orderBy('id').limit(sql.lit(limit)).offset(sql.lit(offset)),
  { inline: [0, 1] },
)

for (const dialect of await testDialects()) {
  describe(`${dialect}: prepared queries`, () => {
    let app: TestApp
    beforeAll(async () => {
      app = await createTestApp({ dialect, seed: true })
    })
    afterAll(() => app.cleanup())
    const db = (): Kysely<Tables> => tablesFor(app.db.kysely)

    it('return what Kysely returns, camel-cased, for every list length and value', async () => {
      const all = await db().selectFrom('sections').select(['id', 'slug', 'position']).orderBy('id').execute()
      expect(all.length).toBeGreaterThan(3)
      for (const ids of [[all[0]!.id], all.slice(0, 3).map((s) => s.id), all.map((s) => s.id)]) {
        for (const minPosition of [0, all[2]!.position]) {
          const expected = all.filter((s) => ids.includes(s.id) && s.position >= minPosition)
          expect(await sectionsIn.all(db(), ids, minPosition)).toEqual(expected)
        }
      }
      expect(await sectionsIn.first(db(), [-1], 0)).toBeUndefined()
    })

    it('see a transaction’s own writes inside it, and never a write that was rolled back', async () => {
      const [first] = await db().selectFrom('sections').select(['id', 'position']).orderBy('id').execute()
      let outside: Promise<{ position: number } | undefined> | undefined
      await expect(
        db()
          .transaction()
          .execute(async (trx) => {
            await trx.updateTable('sections').set({ position: 999 }).where('id', '=', first!.id).execute()
            expect((await sectionsIn.first(trx, [first!.id], 0))?.position).toBe(999)
            // A reader outside the transaction while it is open (on SQLite it waits for it).
            outside = sectionsIn.first(db(), [first!.id], 0)
            throw new Error('roll back')
          }),
      ).rejects.toThrow('roll back')
      expect((await outside)?.position).toBe(first!.position)
      expect((await sectionsIn.first(db(), [first!.id], 0))?.position).toBe(first!.position)
    })

    it('write LIMIT and OFFSET into the SQL, per value, and refuse anything but an integer there', async () => {
      const ids = (await db().selectFrom('sections').select('id').orderBy('id').execute()).map((s) => s.id)
      for (const [limit, offset] of [
        [2, 0],
        [3, 1],
        [2, 2],
      ] as const) {
        const page = await firstSections.all(db(), limit, offset)
        expect(page.map((s) => s.id)).toEqual(ids.slice(offset, offset + limit))
      }
      await expect(firstSections.all(db(), 1.5, 0)).rejects.toThrow(/must be an integer/)
      await expect(firstSections.all(db(), '1; drop table sections' as never, 0)).rejects.toThrow(
        /must be an integer/,
      )
    })

    it('refuse, under test, a builder whose SQL depends on an argument’s value', async () => {
      const branching = prepare((d, sort: string) =>
        d
          .selectFrom('sections')
          .select('id')
          .orderBy(sort === 'slug' ? 'slug' : 'id'),
      )
      await branching.all(db(), 'id')
      await expect(branching.all(db(), 'slug')).rejects.toThrow(/differs from its fresh compile/)
    })
  })
}
