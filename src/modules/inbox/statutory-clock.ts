// The clocks of 언론중재법 for 정정·반론·추후보도 requests, computed in Korea time, where the
// law's days are counted. §15(2)/§16(3)/§17(3): the representative answers within 3 days of
// receiving the request; §15(3): an accepted correction is published within 7 days of
// receipt. §14(1): a request comes within 3 months of learning of the report and within 6
// months of its publication (§17(1): a follow-up within 3 months of learning the case ended).
// Late requests are flagged, never refused: the outlet may still correct, and the
// 언론중재위원회 decides what the law requires.
import type { RequestKind } from './inbox.table.js'

const KST_MS = 9 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The Korean calendar day of an instant, as y/m/d numbers (month 1–12). */
function koreaDay(iso: string) {
  const d = new Date(new Date(iso).getTime() + KST_MS)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() }
}

/** The last instant (UTC ISO) of the Korean day `days` after the day of `iso`. */
export function endOfKoreaDayAfter(iso: string, days: number): string {
  const k = koreaDay(iso)
  const startNextKst = Date.UTC(k.y, k.m - 1, k.d + days + 1) - KST_MS
  return new Date(startNextKst - 1).toISOString()
}

/** The Korean day `months` calendar months after a day, clamped to the month's end. */
function addMonths(day: { y: number; m: number; d: number }, months: number) {
  const first = new Date(Date.UTC(day.y, day.m - 1 + months, 1))
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate()
  return { y: first.getUTCFullYear(), m: first.getUTCMonth() + 1, d: Math.min(day.d, last) }
}

const dayNumber = (k: { y: number; m: number; d: number }) => Date.UTC(k.y, k.m - 1, k.d) / DAY_MS

/** Whether the Korean day of `received` is after the day `months` after `from`. */
function laterThan(received: string, from: { y: number; m: number; d: number }, months: number) {
  return dayNumber(koreaDay(received)) > dayNumber(addMonths(from, months))
}

export const isStatutory = (kind: RequestKind) => kind !== 'tip'

export type Urgency = 'ok' | 'dueSoon' | 'overdue' | 'met'

export interface StatutoryClock {
  answerBy: string
  publishBy: string
  answer: Urgency
  publication: Urgency
  /** Why the request may be outside the legal window, as message keys; empty when inside. */
  lateFlags: ('afterSixMonths' | 'afterThreeMonths')[]
}

export interface ClockInput {
  kind: RequestKind
  receivedAt: string
  articlePublishedAt: string | null
  /** `YYYY-MM-DD`, Korea. */
  learnedOn: string | null
  answeredAt: string | null
  decision: 'accepted' | 'refused' | null
  publishedAt: string | null
}

function urgency(deadline: string, doneAt: string | null, now: Date): Urgency {
  if (doneAt) return 'met'
  const left = new Date(deadline).getTime() - now.getTime()
  return left < 0 ? 'overdue' : left <= DAY_MS ? 'dueSoon' : 'ok'
}

/** The deadlines and flags of a statutory request at `now`; undefined for a tip. */
export function statutoryClock(input: ClockInput, now: Date): StatutoryClock | undefined {
  if (!isStatutory(input.kind)) return undefined
  const answerBy = endOfKoreaDayAfter(input.receivedAt, 3)
  const publishBy = endOfKoreaDayAfter(input.receivedAt, 7)
  const lateFlags: StatutoryClock['lateFlags'] = []
  if (input.kind !== 'followup' && input.articlePublishedAt) {
    if (laterThan(input.receivedAt, koreaDay(input.articlePublishedAt), 6)) lateFlags.push('afterSixMonths')
  }
  const learned = input.learnedOn?.match(/^(\d{4})-(\d{2})-(\d{2})$/)
  if (learned && laterThan(input.receivedAt, { y: +learned[1]!, m: +learned[2]!, d: +learned[3]! }, 3)) {
    lateFlags.push('afterThreeMonths')
  }
  return {
    answerBy,
    publishBy,
    answer: urgency(answerBy, input.answeredAt, now),
    // Publication is owed only once the request is accepted.
    publication:
      input.decision === 'refused'
        ? 'met'
        : input.decision === 'accepted'
          ? urgency(publishBy, input.publishedAt, now)
          : urgency(publishBy, input.publishedAt, now) === 'overdue'
            ? 'overdue'
            : 'ok',
    lateFlags,
  }
}
