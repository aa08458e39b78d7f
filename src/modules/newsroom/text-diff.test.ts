import { describe, expect, test } from 'vitest'
import { diffText, diffWords, hasChanges } from './text-diff.js'

describe('text diff', () => {
  test('a changed word inside a paragraph is shown as removed and added, the rest kept', () => {
    expect(diffWords('시장은 3일 발표했다', '시장은 4일 발표했다')).toEqual([
      { kind: 'same', text: '시장은 ' },
      { kind: 'removed', text: '3일' },
      { kind: 'added', text: '4일' },
      { kind: 'same', text: ' 발표했다' },
    ])
  })

  test('whole paragraphs added or removed are marked as such', () => {
    const diff = diffText('첫 문단\n\n둘째 문단', '첫 문단\n\n새 문단\n\n둘째 문단')
    expect(diff).toEqual([
      [{ kind: 'same', text: '첫 문단' }],
      [{ kind: 'added', text: '새 문단' }],
      [{ kind: 'same', text: '둘째 문단' }],
    ])
    expect(hasChanges(diff)).toBe(true)
    expect(hasChanges(diffText('같다', '같다'))).toBe(false)
  })
})
