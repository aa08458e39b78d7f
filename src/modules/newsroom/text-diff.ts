// A readable diff of two plain texts for the correction history: paragraphs are matched
// first (longest common subsequence), then each changed pair is compared word by word.
// Two passes keep the tables small: a long article has a few dozen paragraphs, and a
// paragraph a few hundred words.

export type Segment = { kind: 'same' | 'added' | 'removed'; text: string }
/** One paragraph of the merged text, as segments. */
export type DiffParagraph = Segment[]

type Op<T> = { kind: Segment['kind']; value: T }

function lcsOps<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  const n = a.length
  const m = b.length
  const table = new Uint32Array((n + 1) * (m + 1))
  const at = (i: number, j: number) => table[i * (m + 1) + j]!
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1))
    }
  }
  const ops: Op<T>[] = []
  let i = 0
  let j = 0
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ kind: 'same', value: a[i]! })
      i++
      j++
    } else if (at(i + 1, j) >= at(i, j + 1)) ops.push({ kind: 'removed', value: a[i++]! })
    else ops.push({ kind: 'added', value: b[j++]! })
  }
  while (i < n) ops.push({ kind: 'removed', value: a[i++]! })
  while (j < m) ops.push({ kind: 'added', value: b[j++]! })
  return ops
}

/** Joins neighbouring tokens of the same kind into one segment. */
function merge(ops: Op<string>[]): Segment[] {
  const out: Segment[] = []
  for (const op of ops) {
    const last = out[out.length - 1]
    if (last && last.kind === op.kind) last.text += op.value
    else out.push({ kind: op.kind, text: op.value })
  }
  return out
}

const words = (text: string) => text.split(/(\s+)/).filter((t) => t.length > 0)

export function diffWords(before: string, after: string): Segment[] {
  return merge(lcsOps(words(before), words(after)))
}

export function diffText(before: string, after: string): DiffParagraph[] {
  const paragraphs = (t: string) => t.split(/\n+/).filter((p) => p.trim().length > 0)
  const ops = lcsOps(paragraphs(before), paragraphs(after))
  const result: DiffParagraph[] = []
  // A removed paragraph directly followed by an added one is shown as an edit of one paragraph.
  for (let k = 0; k < ops.length; k++) {
    const op = ops[k]!
    const next = ops[k + 1]
    if (op.kind === 'removed' && next?.kind === 'added') {
      result.push(diffWords(op.value, next.value))
      k++
    } else result.push([{ kind: op.kind, text: op.value }])
  }
  return result
}

export const hasChanges = (diff: DiffParagraph[]) => diff.some((p) => p.some((s) => s.kind !== 'same'))
