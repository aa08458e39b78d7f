// Home curation: the desk pins articles into slots of the home page's zones (the top story
// with its sub-stories, the row of major stories, each section block) and may post a 속보
// ticker that expires. Unpinned slots keep the automatic order (newest 헤드라인 / 중요 first).
// The pins are one outlet setting; the resolved cards are memoized and dropped whenever the
// home page changes, so the reader's home costs nothing extra.
import { z } from 'zod'
import { type InvalidationBus, tags } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { ArticleCard, ArticlesReadModel } from '../articles/index.js'
import type { StoredSetting } from '../outlet/index.js'

export const HEADLINE_SLOTS = 4
export const MAJOR_SLOTS = 4
export const SECTION_SLOTS = 4

const Slot = z.number().int().positive().nullable()
export const Breaking = z.object({
  text: z.string().trim().min(1).max(120),
  /** The article it leads to, if any. */
  articleId: z.number().int().positive().nullable(),
  /** UTC ISO instant after which readers no longer see it. */
  until: z.string().datetime(),
})
export type Breaking = z.infer<typeof Breaking>
export const HomePins = z.object({
  /** Slot 0 is the top story, 1–3 its sub-stories. */
  headlines: z.array(Slot).max(HEADLINE_SLOTS).default([]),
  /** The row of major stories with photos under the top story. */
  major: z.array(Slot).max(MAJOR_SLOTS).default([]),
  sections: z.record(z.string(), z.array(Slot).max(SECTION_SLOTS)).default({}),
  breaking: Breaking.nullable().default(null),
})
export type HomePins = z.infer<typeof HomePins>

/** A slot of the home page the desk can fill: `h0` (top), `h1`–`h3`, `m0`–`m3`, `s<section>_<n>`. */
export type SlotKey = { zone: 'h' | 'm'; index: number } | { zone: 's'; section: number; index: number }

export function parseSlotKey(key: unknown): SlotKey | null {
  const m = typeof key === 'string' ? /^(?:([hm])(\d)|s(\d{1,9})_(\d))$/.exec(key) : null
  if (!m) return null
  if (m[1]) {
    const index = Number(m[2])
    return index < (m[1] === 'h' ? HEADLINE_SLOTS : MAJOR_SLOTS) ? { zone: m[1] as 'h' | 'm', index } : null
  }
  const index = Number(m[4])
  return index < SECTION_SLOTS ? { zone: 's', section: Number(m[3]), index } : null
}

/** Sets one slot (null: back to automatic), leaving the others as they are. */
export function withSlot(pins: HomePins, slot: SlotKey, articleId: number | null): HomePins {
  const put = (list: readonly (number | null)[], size: number) => {
    const out = [...list]
    while (out.length < size) out.push(null)
    // One article shows once: pinning it here frees any other slot of the same list.
    const cleared = out.map((id) => (articleId !== null && id === articleId ? null : id))
    cleared[slot.index] = articleId
    return cleared.slice(0, size)
  }
  if (slot.zone !== 's')
    return slot.zone === 'h'
      ? { ...pins, headlines: put(pins.headlines, HEADLINE_SLOTS) }
      : { ...pins, major: put(pins.major, MAJOR_SLOTS) }
  const key = String(slot.section)
  return { ...pins, sections: { ...pins.sections, [key]: put(pins.sections[key] ?? [], SECTION_SLOTS) } }
}

export interface HomeArrangement {
  headlines(auto: ArticleCard[]): ArticleCard[]
  major(auto: ArticleCard[]): ArticleCard[]
  section(sectionId: number, auto: ArticleCard[]): ArticleCard[]
  /** The 속보 ticker while it has not expired at `now`, else null. */
  breaking(now: Date): { text: string; url: string | null } | null
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
    return parsed.success ? parsed.data : { headlines: [], major: [], sections: {}, breaking: null }
  }

  const arrangement = memo(async (): Promise<HomeArrangement> => {
    const current = await pins()
    const ids = [
      ...current.headlines,
      ...current.major,
      ...Object.values(current.sections).flat(),
      current.breaking?.articleId ?? null,
    ].flatMap((id) => (id ? [id] : []))
    // Only published articles can be shown; a withdrawn pin simply leaves its slot automatic.
    const cards = await deps.readModel.publishedCards([...new Set(ids)])
    const byId = new Map(cards.map((c) => [c.id, c]))
    const resolve = (slots: readonly (number | null)[]) =>
      slots.map((id) => (id ? (byId.get(id) ?? null) : null))
    const headlines = resolve(current.headlines)
    const major = resolve(current.major)
    const breaking = current.breaking
    // A ticker pointing at an article that is no longer published keeps its text, not the link.
    const breakingUrl = breaking?.articleId ? (byId.get(breaking.articleId)?.url ?? null) : null
    return {
      headlines: (auto) => fillSlots(headlines, auto, Math.max(HEADLINE_SLOTS, auto.length)),
      major: (auto) => fillSlots(major, auto, MAJOR_SLOTS),
      section: (sectionId, auto) =>
        fillSlots(resolve(current.sections[String(sectionId)] ?? []), auto, SECTION_SLOTS),
      breaking: (now) =>
        breaking && Date.parse(breaking.until) > now.getTime()
          ? { text: breaking.text, url: breakingUrl }
          : null,
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

    /** Fills one slot with an article (null: automatic again). */
    async setSlot(slot: SlotKey, articleId: number | null): Promise<void> {
      await deps.stored.write(HomePins.parse(withSlot(await pins(), slot, articleId)))
      deps.bus.publish([tags.home])
    },

    /** Posts the 속보 ticker (null takes it down). */
    async setBreaking(breaking: Breaking | null): Promise<void> {
      const current = await pins()
      await deps.stored.write(HomePins.parse({ ...current, breaking: breaking && Breaking.parse(breaking) }))
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
