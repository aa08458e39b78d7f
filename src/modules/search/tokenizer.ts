/**
 * Korean analyzer for full-text search. SQLite FTS5 and PostgreSQL both index the output of
 * `indexText`, so the two databases find the same articles.
 *
 * Korean writes particles and compounds into words (삼성전자는, 데이터센터에서), so, as in
 * Lucene's CJK bigram analyzer, Hangul is indexed as overlapping syllable bigrams and any
 * 2+ syllable substring of a word is findable. Per word (Intl.Segmenter; touching segments
 * such as 5000|억원 are glued), cut at punctuation (1.5 → 1, 5), then per run:
 * - Hangul (or Han/kana) run: bigrams in order (a lone syllable is a unigram), then the
 *   whole run if 2+ long, so exact words score higher (삼성 alone has tf 2);
 * - letters/digits, lower-cased: mixed runs give the parts, then the whole
 *   (HBM3E → hbm 3 e hbm3e, so HBM finds HBM3E);
 * - letters touching Hangul add a joint token (5000억원 → 5000 5000억 억원 억원);
 * - nothing spans a space or punctuation: 삼성 전자 gives no 성전.
 * Tokens are [a-z0-9], Hangul syllables or such a joint; all verified to stay one token in
 * FTS5 `unicode61 remove_diacritics 0` and in to_tsvector('simple', ...), so positions and
 * phrases agree. Tokens with other characters (é, 中, ㅋ) become 힣 + hex code points each
 * ended by 'x' (中國 → 힣4e2dx570bx): no plain token is a syllable followed by ASCII, so codes
 * never collide, and the 'x' keeps a prefix query on one encoded character exact.
 *
 * Queries: all words must match; a word matches if any of these phrases does: its own
 * bigram chain (adjacent, so 스타게이트 finds 스타게이트에 but not scattered bigrams); the
 * chain without a trailing particle (데이터센터에서 finds 데이터센터); the word re-split into two
 * words at each syllable (데이터센터 finds 데이터 센터; the reverse needs nothing, as both
 * words occur inside 데이터센터); its whole-run token (implied by the chain, it only ranks exact
 * words higher). A lone syllable is a prefix (김 finds 김정은). "Quoted text" and words with
 * inner punctuation are one phrase whose words, except the last, must be whole text words.
 * PostgreSQL keeps positions up to 16383 only, so phrases fail beyond that point.
 */

/** Consecutive tokens; with `prefix` the last token matches as a prefix. */
export interface Phrase {
  tokens: string[]
  prefix: boolean
}

/** Every group must match; a group matches when any of its phrases does. */
export interface SearchQuery {
  groups: Phrase[][]
}

/** The FTS5 tokenizer the index text is written for. */
export const FTS5_TOKENIZE = 'unicode61 remove_diacritics 0'

type Kind = 'hangul' | 'cjk' | 'letter'
type Run = { kind: Kind; text: string }

// Made on first use: ICU's word-break data costs ~4 MiB, and a node that serves pages may
// never index or search.
let segmenter: Intl.Segmenter | undefined
const SAFE = /^[a-z0-9\uac00-\ud7a3]+$/
const UNIT = /[\p{L}\p{M}\p{Nd}]+/gu
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]$/u
// Double quotes as readers type them: ASCII, curly (U+201C to U+201F) and full-width (U+FF02).
const DOUBLE_QUOTES = /["\u201c\u201d\u201e\u201f\uff02]/g
const ENCODED_MARK = '힣'
// Long runs are hashes or URLs; capping them keeps every token far below PostgreSQL's
// 2047-byte lexeme limit, past which it silently drops the word and shifts positions.
const MAX_RUN = 32
// Bound the work and expression size one request can cause.
const MAX_QUERY_CHARS = 256
const MAX_GROUPS = 16
const MAX_SPLIT_CHARS = 12
// Longest first. 도 and 만 are left out: 30도, 100만 would shrink to a bare number.
const PARTICLES = [
  ...'에서는 에서도 에게서 으로는 으로도 이라는 에서 에게 으로 부터 까지'.split(' '),
  ...'에는 에도 처럼 보다 라는 은 는 이 가 을 를 에 의 와 과 로'.split(' '),
]

function normalize(text: string): string {
  return (
    text
      .normalize('NFC')
      // Full-width ASCII (ＨＢＭ３) comes from Korean IMEs. NFKC would fold it too but also
      // rewrites ㈜ and compatibility jamo, so only this block is folded.
      .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .toLowerCase()
      // 5,000억 and 5000억 must index alike.
      .replace(/(?<=\d),(?=\d{3}(?!\d))/g, '')
      // 한·미·일 (with any of the middle dots in use) is searched as 한미일.
      .replace(
        /(?<=[\uac00-\ud7a3\p{Script=Han}])[\u00b7\u318d\u30fb\uff65\u2027\u2219](?=[\uac00-\ud7a3\p{Script=Han}])/gu,
        '',
      )
  )
}

/** Word-like segments, gluing touching ones: ICU splits at script changes (5000|억원). */
function words(text: string): string[] {
  const out: string[] = []
  let end = -1
  segmenter ??= new Intl.Segmenter('ko', { granularity: 'word' })
  for (const { segment, index, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike) continue
    if (index === end && out.length > 0) out[out.length - 1] += segment
    else out.push(segment)
    end = index + segment.length
  }
  return out
}

function units(word: string): string[] {
  return word.split(/[^\p{L}\p{M}\p{Nd}]+/u).filter((u) => u.length > 0)
}

function kindOf(ch: string): Kind {
  // Code-point checks first: this runs for every character of every indexed article.
  const code = ch.charCodeAt(0)
  if (code >= 0xac00 && code <= 0xd7a3) return 'hangul'
  if (code < 0x2e80) return 'letter'
  return CJK.test(ch) ? 'cjk' : 'letter'
}

function runs(unit: string): Run[] {
  const out: Run[] = []
  for (const ch of unit) {
    const kind = kindOf(ch)
    const last = out.at(-1)
    if (last?.kind === kind) last.text += ch
    else out.push({ kind, text: ch })
  }
  for (const run of out) if (run.kind === 'letter') run.text = [...run.text].slice(0, MAX_RUN).join('')
  return out
}

function encode(token: string): string {
  if (SAFE.test(token)) return token
  return ENCODED_MARK + [...token].map((c) => `${c.codePointAt(0)!.toString(16)}x`).join('')
}

function letterTokens(run: string, open: boolean): string[] {
  const parts = run.match(/\p{Nd}+|\P{Nd}+/gu) ?? []
  if (parts.length < 2) return [run]
  return open ? parts : [...parts, run]
}

/** A Hangul or CJK run: bigrams, then the whole run; `tail` marks the open end of a query phrase. */
function cjkTokens(run: Run, before: Run | undefined, tail: boolean): Phrase {
  const chars = [...run.text]
  const joint = run.kind === 'hangul' && before?.kind === 'letter' ? [before.text + chars[0]] : []
  if (chars.length === 1) {
    // After a joint token the syllable is already covered (5000억 ⊂ 5000억원).
    if (tail && joint.length > 0) return { tokens: joint, prefix: false }
    return { tokens: [...joint, run.text], prefix: tail }
  }
  const bigrams = chars.slice(1).map((c, j) => chars[j]! + c)
  const whole = !tail && chars.length <= MAX_RUN ? [run.text] : []
  return { tokens: [...joint, ...bigrams, ...whole], prefix: false }
}

/**
 * Tokens of one unit. `open` is for the last word of a query phrase, whose text may go on
 * (particles): trailing whole tokens are left out and a lone final character is a prefix.
 */
function analyzeUnit(unit: string, open = false): Phrase {
  const all = runs(unit)
  const pieces = all.map((run, i) => {
    const tail = open && i === all.length - 1
    if (run.kind === 'letter') return { tokens: letterTokens(run.text, tail), prefix: false }
    return cjkTokens(run, all[i - 1], tail)
  })
  return { tokens: pieces.flatMap((p) => p.tokens.map(encode)), prefix: pieces.at(-1)?.prefix ?? false }
}

/**
 * Index tokens in document order, duplicates kept for term frequency. Units are taken
 * straight from the text: a unit is a maximal letter/digit run either way, and word
 * segmentation (which queries need for phrases) costs twice the rest of the analysis.
 */
export function indexTokens(text: string): string[] {
  const tokens: string[] = []
  for (const [unit] of normalize(text).matchAll(UNIT))
    for (const t of analyzeUnit(unit).tokens) tokens.push(t)
  return tokens
}

/** The value to store in the FTS5 column or to pass to to_tsvector('simple', ...). */
export function indexText(text: string): string {
  return indexTokens(text).join(' ')
}

/** Units as consecutive text words; only the last may continue (open). */
function phraseOf(parts: string[]): Phrase {
  const head = parts.slice(0, -1).flatMap((u) => analyzeUnit(u).tokens)
  const tail = analyzeUnit(parts.at(-1) ?? '', true)
  return { tokens: [...head, ...tail.tokens], prefix: tail.prefix && tail.tokens.length > 0 }
}

/** The unit minus a particle, if what remains is still a searchable stem. */
function stemOf(unit: string): string | null {
  const particle = PARTICLES.find((p) => unit.endsWith(p) && unit.length > p.length)
  if (!particle) return null
  const stem = unit.slice(0, -particle.length)
  const open = analyzeUnit(stem, true)
  return open.tokens.length > 0 && !open.prefix ? stem : null
}

/**
 * Two-word readings for text that puts a space inside the query word. The right part keeps
 * 2+ syllables (a one-syllable left part is common: 새 정부, 전 대통령).
 */
function splits(unit: string): Phrase[] {
  const chars = [...unit]
  if (chars.length > MAX_SPLIT_CHARS) return []
  const out: Phrase[] = []
  for (let k = 1; k + 1 < chars.length; k++) {
    if (kindOf(chars[k]!) !== 'hangul' || kindOf(chars[k - 1]!) === 'cjk') continue
    out.push(phraseOf([chars.slice(0, k).join(''), chars.slice(k).join('')]))
  }
  return out
}

function wordGroup(unit: string): Phrase[] {
  const stem = stemOf(unit)
  const group = [phraseOf([unit])]
  if (stem) group.push(phraseOf([stem]))
  group.push(...splits(stem ?? unit))
  const only = runs(unit)
  const length = [...unit].length
  if (only.length === 1 && only[0]!.kind !== 'letter' && length >= 3 && length <= MAX_RUN) {
    group.push({ tokens: [encode(unit)], prefix: false })
  }
  return unique(group)
}

/**
 * Finds a query word's other spellings (오픈AI → OpenAI, 오픈에이아이): given an alias key
 * (see `aliasKey`), every spelling of its alias group, or undefined.
 */
export type AliasLookup = (key: string) => readonly string[] | undefined

/** How spellings are compared: normalized, letters and digits only (오픈 AI = 오픈AI = 오픈ai). */
export function aliasKey(text: string): string {
  return normalize(text).replace(/[^\p{L}\p{M}\p{Nd}]+/gu, '')
}

// A name of up to this many words (마사요시 손, 뉴욕 타임스) is looked up as one.
const MAX_ALIAS_WORDS = 4
// Bounds the phrases one query word can expand into.
const MAX_SPELLINGS = 12

/** Consecutive query words read as one (an alias of several words), with its other spellings. */
interface Segment {
  /** The units of each word. */
  words: string[][]
  spellings: readonly string[]
}

/** Groups words into segments, the longest alias first; words without one stand alone. */
function segments(all: string[][], aliases: AliasLookup | undefined): Segment[] {
  const out: Segment[] = []
  for (let i = 0; i < all.length; ) {
    let found: Segment | undefined
    for (let n = Math.min(MAX_ALIAS_WORDS, all.length - i); n >= 1 && aliases && !found; n--) {
      const run = all.slice(i, i + n)
      const units = run.flat()
      const last = units.at(-1) ?? ''
      const stem = stemOf(last)
      const keys = [units.join(''), ...(stem ? [[...units.slice(0, -1), stem].join('')] : [])]
      for (const key of keys) {
        const spellings = aliases(aliasKey(key))
        if (spellings && spellings.length > 0) {
          found = { words: run, spellings: spellings.slice(0, MAX_SPELLINGS) }
          break
        }
      }
    }
    found ??= { words: all.slice(i, i + 1), spellings: [] }
    out.push(found)
    i += found.words.length
  }
  return out
}

/** The phrases of written words: a single unit gets the misspacing and particle readings. */
function wordsPhrases(words: string[][]): Phrase[] {
  const units = words.flat()
  return words.length === 1 && units.length === 1 ? wordGroup(units[0]!) : [phraseOf(units)]
}

function spellingPhrases(spelling: string): Phrase[] {
  return wordsPhrases(words(normalize(spelling)).map(units))
}

function unique(phrases: Phrase[]): Phrase[] {
  const byKey = new Map(phrases.map((p) => [`${p.tokens.join(' ')}${p.prefix ? '*' : ''}`, p]))
  return [...byKey.values()]
}

function textGroups(text: string, quoted: boolean, aliases: AliasLookup | undefined): Phrase[][] {
  const all = words(normalize(text)).map(units)
  if (quoted) {
    const spellings = aliases?.(aliasKey(all.flat().join(''))) ?? []
    const alternatives = spellings.slice(0, MAX_SPELLINGS).flatMap(spellingPhrases)
    return [unique([phraseOf(all.flat()), ...alternatives])]
  }
  return segments(all, aliases).map((segment) =>
    unique([...wordsPhrases(segment.words), ...segment.spellings.flatMap(spellingPhrases)]),
  )
}

/**
 * Parses user input; quotes (also “ ”) delimit phrases, an unclosed quote runs to the end. A
 * word (or words) with aliases matches any of their spellings.
 */
export function parseQuery(query: string, aliases?: AliasLookup): SearchQuery {
  const pieces = query.slice(0, MAX_QUERY_CHARS).replace(DOUBLE_QUOTES, '"').split('"')
  const groups = pieces
    .flatMap((piece, i) => textGroups(piece, i % 2 === 1, aliases))
    .map((g) => withoutImpliedPhrases(g.filter((p) => p.tokens.length > 0)))
    .filter((g) => g.length > 0)
  return { groups: groups.slice(0, MAX_GROUPS) }
}

const holds = (outer: readonly string[], inner: readonly string[]) => {
  for (let start = 0; start + inner.length <= outer.length; start++) {
    if (inner.every((t, i) => outer[start + i] === t)) return true
  }
  return false
}

/**
 * A group's phrases without those another phrase of the group already implies: a text that
 * holds 데이 이터 터센 센터 터에 에서 side by side holds 데이 이터 터센 센터 too, so in an OR the longer
 * phrase finds nothing more. Each phrase left is one more pass for the index (bm25's document
 * frequencies on SQLite, the phrase check and rank on PostgreSQL), and long compounds' readings
 * made up to six. The matches are the same; only prefix-free phrases are compared.
 */
function withoutImpliedPhrases(group: Phrase[]): Phrase[] {
  return group.filter(
    (phrase, i) =>
      phrase.prefix ||
      !group.some(
        (other, j) =>
          j !== i &&
          !other.prefix &&
          other.tokens.length <= phrase.tokens.length &&
          holds(phrase.tokens, other.tokens) &&
          // Of two equal phrases the first stays.
          (other.tokens.length < phrase.tokens.length || j < i),
      ),
  )
}

type PhraseSyntax = (p: Phrase, tokens: string[]) => string

function build(query: SearchQuery, phrase: PhraseSyntax, or: string, and: string): string | null {
  // Tokens are re-encoded so that even a hand-built SearchQuery cannot inject syntax: after
  // encode() they hold only [a-z0-9] and Hangul, never quotes, operators or spaces.
  const render = (p: Phrase) => {
    const tokens = p.tokens.filter((t) => t.length > 0).map(encode)
    return tokens.length > 0 ? [phrase(p, tokens)] : []
  }
  const groups = query.groups.map((g) => g.flatMap(render)).filter((g) => g.length > 0)
  if (groups.length === 0) return null
  return groups.map((g) => `(${g.join(or)})`).join(and)
}

/** An FTS5 MATCH expression, or null when the query has nothing to search for. */
export function toFts5Match(query: SearchQuery): string | null {
  return build(query, (p, tokens) => `"${tokens.join(' ')}"${p.prefix ? '*' : ''}`, ' OR ', ' AND ')
}

/** A string for to_tsquery('simple', $1), or null when there is nothing to search for. */
export function toTsquery(query: SearchQuery): string | null {
  const lexeme = (p: Phrase, t: string, last: boolean) => `'${t}'${p.prefix && last ? ':*' : ''}`
  const phrase = (p: Phrase, tokens: string[]) =>
    `(${tokens.map((t, i) => lexeme(p, t, i === tokens.length - 1)).join(' <-> ')})`
  return build(query, phrase, ' | ', ' & ')
}

/**
 * The query with every phrase loosened to "all its tokens, anywhere": it finds every article
 * the query finds and a few more. PostgreSQL's GIN index answers it exactly, without reading
 * a single tsvector (positions are only needed for phrases), so the newest candidates can be
 * narrowed down before the exact query reads theirs.
 */
export function toLooseTsquery(query: SearchQuery): string | null {
  const lexeme = (p: Phrase, t: string, last: boolean) => `'${t}'${p.prefix && last ? ':*' : ''}`
  const phrase = (p: Phrase, tokens: string[]) =>
    `(${[...new Set(tokens)].map((t, i, all) => lexeme(p, t, i === all.length - 1)).join(' & ')})`
  return build(query, phrase, ' | ', ' & ')
}

/**
 * The words of a query as a reader would see them in the text, for highlighting: each word
 * in normalized form, plus its stem when it ends in a particle (데이터센터에서 → 데이터센터),
 * plus every spelling of its aliases.
 */
export function queryTerms(query: string, aliases?: AliasLookup): string[] {
  // Words of a quoted phrase are marked on their own too, as the reader typed them.
  const text = normalize(query.slice(0, MAX_QUERY_CHARS).replace(DOUBLE_QUOTES, ' '))
  const words_ = words(text)
    .flatMap(units)
    .flatMap((unit) => {
      const stem = stemOf(unit)
      return stem ? [unit, stem] : [unit]
    })
  return [...new Set([...words_, ...queryTermGroups(query, aliases).flat()])]
}

/**
 * queryTerms per query group (a word, words read as one alias, or a quoted phrase as one
 * term), in query order, for counting how often each group occurs in a text.
 */
export function queryTermGroups(query: string, aliases?: AliasLookup): string[][] {
  const pieces = query.slice(0, MAX_QUERY_CHARS).replace(DOUBLE_QUOTES, '"').split('"')
  const spelled = (spellings: readonly string[]) => spellings.slice(0, MAX_SPELLINGS).map(normalize)
  const groups = pieces.flatMap((piece, i) => {
    const all = words(normalize(piece)).map(units)
    if (i % 2 === 1) {
      const parts = all.flat()
      if (parts.length === 0) return []
      return [[parts.join(' '), ...spelled(aliases?.(aliasKey(parts.join(''))) ?? [])]]
    }
    return segments(all, aliases).flatMap((segment) => {
      const withStems = (unit: string) => {
        const stem = stemOf(unit)
        return stem ? [unit, stem] : [unit]
      }
      if (segment.spellings.length === 0) return segment.words.flat().map(withStems)
      const typed = segment.words.map((w) => w.join(' ')).join(' ')
      return [[...withStems(typed), ...spelled(segment.spellings)]]
    })
  })
  return groups.slice(0, MAX_GROUPS)
}
