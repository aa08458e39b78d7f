// A photo's focal point becomes the classes that move its crop: quarter steps, none for the
// middle (so photos without one add no bytes to a page), values outside the photo held at its edge.
import { describe, expect, test } from 'vitest'
import { focusClass } from './photo.js'

describe('focusClass', () => {
  test('no focal point, or the middle, needs no class', () => {
    expect(focusClass({ focus: null })).toBeUndefined()
    expect(focusClass({ focus: { x: 0.5, y: 0.5 } })).toBeUndefined()
    expect(focusClass({ focus: { x: 0.45, y: 0.6 } })).toBeUndefined()
  })

  test('the subject at the top of a portrait keeps the top in view', () => {
    expect(focusClass({ focus: { x: 0.5, y: 0.1 } })).toBe('fy0')
    expect(focusClass({ focus: { x: 0.8, y: 0.3 } })).toBe('fx3 fy1')
    expect(focusClass({ focus: { x: 1, y: 1 } })).toBe('fx4 fy4')
  })

  test('values outside the photo are held at its edge', () => {
    expect(focusClass({ focus: { x: -2, y: 7 } })).toBe('fx0 fy4')
  })
})
