// The home editor's slot keys and what filling one slot does to the others.
import { describe, expect, test } from 'vitest'
import { HomePins, parseSlotKey, withSlot } from './home-curation.js'

describe('home slots', () => {
  test('slot keys name the zones; anything else is no slot', () => {
    expect(parseSlotKey('h0')).toEqual({ zone: 'h', index: 0 })
    expect(parseSlotKey('m3')).toEqual({ zone: 'm', index: 3 })
    expect(parseSlotKey('s12_1')).toEqual({ zone: 's', section: 12, index: 1 })
    for (const bad of ['h4', 'm9', 's12_4', 'x0', 's_1', 'h0 ', '', 7, null])
      expect(parseSlotKey(bad)).toBeNull()
  })

  test('pinning an article frees the other slot of the same list that held it', () => {
    const pins = HomePins.parse({ headlines: [5, 6], major: [7] })
    const moved = withSlot(pins, { zone: 'h', index: 2 }, 5)
    expect(moved.headlines).toEqual([null, 6, 5, null])
    expect(moved.major).toEqual([7])
    expect(withSlot(moved, { zone: 'h', index: 2 }, null).headlines).toEqual([null, 6, null, null])
    expect(withSlot(pins, { zone: 's', section: 3, index: 1 }, 9).sections).toEqual({
      '3': [null, 9, null, null],
    })
  })

  test('pins stored before the major row and the ticker existed still read', () => {
    expect(HomePins.parse({ headlines: [1], sections: { '2': [3] } })).toEqual({
      headlines: [1],
      major: [],
      sections: { '2': [3] },
      breaking: null,
    })
  })
})
