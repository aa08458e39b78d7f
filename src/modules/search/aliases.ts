// The alias dictionary: which spellings of a name search treats as one (오픈AI = OpenAI =
// 오픈에이아이). Built from the built-in list and the desk's entries; groups that share a
// spelling are merged, since "A is B" and "B is C" make all three the same name to a reader.
import { aliasKey } from './tokenizer.js'

export interface AliasDictionary {
  /** Every spelling of the group the key belongs to (the key's own included), or undefined. */
  lookup(key: string): readonly string[] | undefined
}

export function buildAliasDictionary(groups: readonly (readonly string[])[]): AliasDictionary {
  // Union-find over alias keys; the first spelling seen for a key is the one kept.
  const parent = new Map<string, string>()
  const spellingOf = new Map<string, string>()
  const find = (key: string): string => {
    let root = key
    while (parent.get(root) !== root) root = parent.get(root)!
    parent.set(key, root)
    return root
  }
  for (const group of groups) {
    const keys = group.flatMap((spelling) => {
      const key = aliasKey(spelling)
      if (key.length === 0) return []
      if (!parent.has(key)) {
        parent.set(key, key)
        spellingOf.set(key, spelling.trim())
      }
      return [key]
    })
    for (const key of keys.slice(1)) parent.set(find(key), find(keys[0]!))
  }
  const members = new Map<string, string[]>()
  for (const key of parent.keys()) {
    const root = find(key)
    const list = members.get(root)
    if (list) list.push(spellingOf.get(key)!)
    else members.set(root, [spellingOf.get(key)!])
  }
  return {
    lookup(key) {
      if (!parent.has(key)) return undefined
      const list = members.get(find(key))
      return list && list.length > 1 ? list : undefined
    },
  }
}
