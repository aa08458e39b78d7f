import { describe, expect, test } from 'vitest'
import { formatKoreaDate, formatKoreaDateTime, formatKoreaMastheadDate } from './korea-time.js'

describe('Korea time', () => {
  test('a UTC instant is shown in Korea time the way Korean outlets print it', () => {
    expect(formatKoreaDateTime('2025-02-04T06:30:00Z')).toBe('2025.02.04 15:30')
    expect(formatKoreaDate('2025-02-04T06:30:00Z')).toBe('2025.02.04')
  })

  test('late evening UTC is already the next day in Seoul', () => {
    expect(formatKoreaDate('2025-02-03T15:00:00Z')).toBe('2025.02.04')
    expect(formatKoreaDateTime('2024-12-31T15:00:00Z')).toBe('2025.01.01 00:00')
  })

  test('the masthead date reads as Korean sites write it, in Korea time', () => {
    // 2026-12-05 20:00 UTC is already Sunday 6 December in Seoul.
    expect(formatKoreaMastheadDate('2026-12-05T20:00:00Z')).toBe('12월 6일 (일)')
    expect(formatKoreaMastheadDate('2025-02-04T06:30:00Z')).toBe('2월 4일 (화)')
  })
})
