// Parts every page shows the same way (the masthead and section menu, the footer, the
// 많이 본 뉴스 sidebar), rendered to HTML once per version of their data and then reused.
// The data comes from memos that keep an object's identity until it changes, so the objects
// themselves are the key: a renamed section or a new most-read list is a new object, and
// gets a new rendering; the old one goes with its object (weakly held).
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'

interface Level {
  next: WeakMap<object, Level>
  html: Map<string, string>
}

const newLevel = (): Level => ({ next: new WeakMap(), html: new Map() })

/**
 * Wraps a render function of some data objects (and a short variant string such as the active
 * section) so that each combination is rendered once.
 */
export function renderedOnce<Keys extends readonly object[]>(render: (keys: Keys, variant: string) => VNode) {
  const root = newLevel()
  return (keys: Keys, variant = ''): string => {
    let level = root
    for (const key of keys) {
      let next = level.next.get(key)
      if (!next) {
        next = newLevel()
        level.next.set(key, next)
      }
      level = next
    }
    let html = level.html.get(variant)
    if (html === undefined) {
      html = renderToString(render(keys, variant))
      level.html.set(variant, html)
    }
    return html
  }
}
