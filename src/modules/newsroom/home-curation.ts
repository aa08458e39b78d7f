// Home curation: the desk pins articles into slots of the home page (the top story, the
// headline list, each section block). Unpinned slots keep the automatic order (newest
// 헤드라인 / 중요 first). The pins are one outlet setting; the resolved cards are memoized and
// dropped whenever the home page changes, so the reader's home costs nothing extra.
import { z } from 'zod'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { ArticleCard, ArticlesReadModel } from '../articles/index.js'
import type { StoredSetting } from '../outlet/index.js'

export const HEADLINE_SLOTS = 4
export const SECTION_SLOTS = 4

const Slot = z.number().int().positive().nullable()
export const HomePins = z.object({
  /** Slot 0 is the top story, 1–3 the headline list. */
  headlines: z.array(Slot).max(HEADLINE_SLOTS).default([]),
  sections: z.record(z.string(), z.array(Slot).max(SECTION_SLOTS)).default({}),
})
export type HomePins = z.infer<typeof HomePins>

export interface HomeArrangement {
  headlines(auto: ArticleCard[]): ArticleCard[]
  section(sectionId: number, auto: ArticleCard[]): ArticleCard[]
}

/** Puts each pinned card in its slot and fills the others, in order, from the automatic list. */
export function fillSlots(
  pinned: readonly (ArticleCard | null)[],
  auto: readonly ArticleCard[],
  count: number,
): ArticleCard[] {
  const pinnedIds = new Set(pinned.flatMap((c) => (c ? [c.id] : [])))
  const rest = auto.filter((c) => !pinnedIds.has(c.id))
  const out: ArticleCard[] = []
  for (let i = 0; i < count; i++) {
    const card = pinned[i] ?? rest.shift()
    if (card) out.push(card)
  }
  return out
}

export function createHomeCuration(deps: {
  /** The pins, kept in the outlet's settings. */
  stored: StoredSetting
  bus: InvalidationBus
  readModel: Pick<ArticlesReadModel, 'publishedCards'>
}) {
  async function pins(): Promise<HomePins> {
    const parsed = HomePins.safeParse((await deps.stored.read()) ?? {})
    return parsed.success ? parsed.data : { headlines: [], sections: {} }
  }

  const arrangement = memo(async (): Promise<HomeArrangement> => {
    const current = await pins()
    const ids = [...current.headlines, ...Object.values(current.sections).flat()].flatMap((id) =>
      id ? [id] : [],
    )
    // Only published articles can be shown; a withdrawn pin simply leaves its slot automatic.
    const cards = await deps.readModel.publishedCards([...new Set(ids)])
    const byId = new Map(cards.map((c) => [c.id, c]))
    const resolve = (slots: readonly (number | null)[]) =>
      slots.map((id) => (id ? (byId.get(id) ?? null) : null))
    const headlines = resolve(current.headlines)
    return {
      headlines: (auto) => fillSlots(headlines, auto, Math.max(HEADLINE_SLOTS, auto.length)),
      section: (sectionId, auto) =>
        fillSlots(resolve(current.sections[String(sectionId)] ?? []), auto, SECTION_SLOTS),
    }
  }, 300_000)

  deps.bus.subscribe((changed) => {
    if (changed.includes(tags.home)) arrangement.reset()
  })

  return {
    pins,
    arrangement: () => arrangement.get(),
    async savePins(raw: HomePins): Promise<void> {
      await deps.stored.write(HomePins.parse(raw))
      deps.bus.publish([tags.home])
    },

    /**
     * Pins an article into the first free headline slot (a WordPress sticky post leading the
     * home page); false when it is pinned already or every slot is taken, which the caller reports.
     */
    async pinHeadline(articleId: number): Promise<boolean> {
      const current = await pins()
      if (current.headlines.includes(articleId)) return true
      const slots = [...current.headlines]
      while (slots.length < HEADLINE_SLOTS) slots.push(null)
      const free = slots.indexOf(null)
      if (free < 0) return false
      slots[free] = articleId
      await deps.stored.write(HomePins.parse({ ...current, headlines: slots }))
      deps.bus.publish([tags.home])
      return true
    },
  }
}

export type HomeCuration = ReturnType<typeof createHomeCuration>
