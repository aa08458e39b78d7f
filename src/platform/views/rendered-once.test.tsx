import { describe, expect, it } from 'vitest'
import { renderedOnce } from './rendered-once.js'

describe('renderedOnce', () => {
  it('renders once per version of its data and per variant, and anew when the data changes', () => {
    let renders = 0
    const menu = renderedOnce(([sections]: [{ name: string }[]], active) => {
      renders++
      return (
        <ul>
          {sections.map((s) => (
            <li aria-current={s.name === active ? 'page' : undefined}>{s.name}</li>
          ))}
        </ul>
      )
    })
    const v1 = [{ name: '정치' }, { name: '경제' }]
    expect(menu([v1], '경제')).toBe('<ul><li>정치</li><li aria-current="page">경제</li></ul>')
    expect(menu([v1], '경제')).toBe('<ul><li>정치</li><li aria-current="page">경제</li></ul>')
    expect(renders).toBe(1)
    expect(menu([v1], '')).toBe('<ul><li>정치</li><li>경제</li></ul>')
    expect(renders).toBe(2)
    const v2 = [{ name: '정치' }, { name: '경제·산업' }]
    expect(menu([v2], '')).toBe('<ul><li>정치</li><li>경제·산업</li></ul>')
    expect(renders).toBe(3)
  })

  it('escapes what it renders like any Preact page', () => {
    const box = renderedOnce(([item]: [{ text: string }]) => <p>{item.text}</p>)
    expect(box([{ text: '<script>alert(1)</script>' }])).toBe('<p>&lt;script>alert(1)&lt;/script></p>')
  })
})
