import { describe, expect, test } from 'vitest'
import { endOfKoreaDayAfter, statutoryClock } from './statutory-clock.js'

const base = {
  kind: 'correction' as const,
  articlePublishedAt: '2025-01-10T01:00:00.000Z',
  learnedOn: null,
  answeredAt: null,
  decision: null,
  publishedAt: null,
}

describe('the 언론중재법 clock', () => {
  test('days are Korean days: a request at 23:30 KST counts from that Korean day', () => {
    // 2025-02-03 23:30 KST is 14:30 UTC; three days later ends 2025-02-06 24:00 KST.
    expect(endOfKoreaDayAfter('2025-02-03T14:30:00.000Z', 3)).toBe('2025-02-06T14:59:59.999Z')
    // 2025-02-04 00:30 KST is still 2025-02-03 in UTC, yet the Korean day is the 4th.
    expect(endOfKoreaDayAfter('2025-02-03T15:30:00.000Z', 3)).toBe('2025-02-07T14:59:59.999Z')
  })

  test('answer in 3 days and publish in 7, warned a day before and flagged when missed', () => {
    const received = '2025-02-03T01:00:00.000Z'
    const clock = (now: string) => statutoryClock({ ...base, receivedAt: received }, new Date(now))!
    expect(clock('2025-02-03T02:00:00Z')).toMatchObject({
      answerBy: '2025-02-06T14:59:59.999Z',
      publishBy: '2025-02-10T14:59:59.999Z',
      answer: 'ok',
      lateFlags: [],
    })
    expect(clock('2025-02-06T00:00:00Z').answer).toBe('dueSoon')
    expect(clock('2025-02-06T15:00:00Z').answer).toBe('overdue')
    const accepted = statutoryClock(
      { ...base, receivedAt: received, answeredAt: received, decision: 'accepted' },
      new Date('2025-02-10T00:00:00Z'),
    )!
    expect(accepted).toMatchObject({ answer: 'met', publication: 'dueSoon' })
  })

  test('a request 7 months after publication is flagged, not refused; a tip has no clock', () => {
    const late = statutoryClock(
      { ...base, receivedAt: '2025-08-11T01:00:00Z' },
      new Date('2025-08-11T02:00:00Z'),
    )
    expect(late?.lateFlags).toEqual(['afterSixMonths'])
    const inTime = statutoryClock({ ...base, receivedAt: '2025-07-10T01:00:00Z' }, new Date())
    expect(inTime?.lateFlags).toEqual([])
    const learnedLongAgo = statutoryClock(
      { ...base, receivedAt: '2025-06-01T01:00:00Z', learnedOn: '2025-02-01' },
      new Date(),
    )
    expect(learnedLongAgo?.lateFlags).toEqual(['afterThreeMonths'])
    expect(
      statutoryClock({ ...base, kind: 'tip', receivedAt: '2025-02-03T01:00:00Z' }, new Date()),
    ).toBeUndefined()
  })
})
