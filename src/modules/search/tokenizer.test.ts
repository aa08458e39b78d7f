import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { FTS5_TOKENIZE, indexText, indexTokens, parseQuery, toFts5Match, toTsquery } from './tokenizer.js'

const SAFE_TOKEN = /^[a-z0-9\uac00-\ud7a3]+$/

const DOCS: Record<number, string> = {
  1: '삼성전자는 HBM3E 12단 제품을 엔비디아에 공급한다',
  2: '중국이 희토류 수출을 통제했다',
  3: 'OpenAI가 스타게이트에 참여한다',
  4: '용인에 데이터센터 건립이 추진된다',
  5: '데이터 센터 전력 수요가 급증했다',
  6: '정부는 5000억원 규모의 펀드를 조성한다',
  7: '한미일 정상회의가 열렸다',
  8: '삼성 전자 제품 매장이 문을 열었다',
  9: '서울 시민이 공원을 찾았다',
  10: '시민 서울 행진이 열렸다',
  11: '한·미·일 외교장관이 만났다',
  12: 'SK하이닉스가 HBM 공급을 늘린다',
}

/** Every kind of token: bigrams, wholes, parts, joints, encoded scripts. */
const MIXED = `${Object.values(DOCS).join(' ')} 中國 Café ㅋㅋ 1.5% İstanbul Ελλάδα カタカナ 美·中 V3 ß`

/** Query → ids expected from both databases. */
const CASES: [string, number[]][] = [
  ['삼성', [1, 8]],
  ['중국', [2]],
  ['스타게이트', [3]],
  ['데이터센터에서', [4, 5]],
  ['데이터 센터', [4, 5]],
  ['데이터센터', [4, 5]],
  ['OpenAI', [3]],
  ['openai', [3]],
  ['HBM', [1, 12]],
  ['hbm3e', [1]],
  ['5000억', [6]],
  ['5,000억원', [6]],
  ['한미일', [7, 11]],
  ['서울 시민', [9, 10]],
  ['"서울 시민"', [9]],
  ['"시민 서울"', [10]],
  ['성전', [1]],
  ['중국 삼성', []],
  ['엔비디아 HBM3E', [1]],
  ['하이닉스', [12]],
  ['희', [2]],
  ['ＨＢＭ', [1, 12]],
]

const HOSTILE = [
  '',
  '   ',
  '"',
  '""',
  '"unterminated 삼성',
  '(((',
  ')',
  '*',
  ':*',
  'a:b',
  '&|!',
  '!삼성',
  '-삼성',
  '^삼성',
  '삼성*',
  'body:삼성',
  'NEAR(삼성 중국, 2)',
  'AND OR NOT',
  '삼성 AND 중국',
  "'; drop table docs; --",
  "'''",
  '\\',
  '\u0000삼성',
  '😀🔥',
  '👨‍👩‍👧 삼성',
  '①②③',
  'x'.repeat(5000),
  '삼성 '.repeat(500),
  '가'.repeat(300),
]

describe('indexTokens', () => {
  test('Hangul words give their bigrams, then the whole word', () => {
    expect(indexTokens('삼성전자는')).toEqual(['삼성', '성전', '전자', '자는', '삼성전자는'])
    expect(indexTokens('중국이')).toEqual(['중국', '국이', '중국이'])
    expect(indexTokens('새 정부')).toEqual(['새', '정부', '정부'])
  })

  test('no bigram crosses a space or punctuation', () => {
    expect(indexTokens('삼성 전자')).toEqual(['삼성', '삼성', '전자', '전자'])
    expect(indexTokens('삼성, 전자')).not.toContain('성전')
  })

  test('letters and digits are lower-cased and split at letter/digit boundaries', () => {
    expect(indexTokens('HBM3E')).toEqual(['hbm', '3', 'e', 'hbm3e'])
    expect(indexTokens('V3')).toEqual(['v', '3', 'v3'])
    expect(indexTokens('OpenAI')).toEqual(['openai'])
    expect(indexTokens('ＨＢＭ３')).toEqual(indexTokens('HBM3'))
  })

  test('numbers touching Hangul get a joint token; thousands separators are ignored', () => {
    expect(indexTokens('5000억원')).toEqual(['5000', '5000억', '억원', '억원'])
    expect(indexTokens('5,000억원')).toEqual(indexTokens('5000억원'))
    expect(indexTokens('OpenAI가')).toEqual(['openai', 'openai가', '가'])
  })

  test('middle dots between Hangul join the words', () => {
    expect(indexTokens('한·미·일')).toEqual(['한미', '미일', '한미일'])
    expect(indexTokens('한ㆍ미')).toEqual(indexTokens('한미'))
  })

  test('NFC: decomposed jamo index like composed syllables', () => {
    expect(indexTokens('삼성'.normalize('NFD'))).toEqual(indexTokens('삼성'))
  })

  test('punctuation, symbols and emoji give no tokens', () => {
    expect(indexTokens('!?…·😀 ①② ※ -- ()')).toEqual([])
  })

  test('other scripts are encoded into the safe alphabet', () => {
    expect(indexTokens('中國')).toEqual(['힣4e2dx570bx', '힣4e2dx570bx'])
    expect(indexTokens('Café')).toEqual(['힣63x61x66xe9x'])
  })

  test('every token uses only the safe alphabet', () => {
    const tokens = indexTokens("naïve Ελλάδα Москва カタカナ ㅋㅋ x_y don't 1.5% İstanbul a\u0301 美·中 ß")
    expect(tokens.length).toBeGreaterThan(10)
    for (const t of tokens) expect(t).toMatch(SAFE_TOKEN)
  })
})

describe('parseQuery', () => {
  test('each word is one group, all required', () => {
    expect(parseQuery('삼성 중국').groups).toHaveLength(2)
  })

  test('a word matches its bigram chain without the whole-run token', () => {
    const [group] = parseQuery('스타게이트').groups
    expect(group?.[0]).toEqual({ tokens: ['스타', '타게', '게이', '이트'], prefix: false })
    expect(group).toContainEqual({ tokens: ['스타게이트'], prefix: false })
  })

  test('a particle-less stem and two-word splits are alternatives', () => {
    const [group] = parseQuery('데이터센터에서').groups
    expect(group).toContainEqual({ tokens: ['데이', '이터', '터센', '센터'], prefix: false })
    expect(group).toContainEqual({ tokens: ['데이', '이터', '데이터', '센터'], prefix: false })
  })

  test('a lone syllable is a prefix', () => {
    expect(parseQuery('김').groups).toEqual([[{ tokens: ['김'], prefix: true }]])
  })

  test('a quoted phrase is one ordered token sequence', () => {
    expect(parseQuery('"데이터 센터"').groups).toEqual([
      [{ tokens: ['데이', '이터', '데이터', '센터'], prefix: false }],
    ])
    expect(parseQuery('“서울 시민”')).toEqual(parseQuery('"서울 시민"'))
  })

  test('MATCH and tsquery strings for a simple query', () => {
    const q = parseQuery('삼성 김')
    expect(toFts5Match(q)).toBe('("삼성") AND ("김"*)')
    expect(toTsquery(q)).toBe("(('삼성')) & (('김':*))")
  })

  test('hostile input never yields unsafe syntax', () => {
    for (const input of HOSTILE) {
      const q = parseQuery(input)
      for (const g of q.groups) for (const p of g) for (const t of p.tokens) expect(t).toMatch(SAFE_TOKEN)
      expect(q.groups.length).toBeLessThanOrEqual(16)
    }
    for (const input of ['', '   ', '"', '(((', '*', ':*', '&|!', '😀🔥', '①②③', "'''", '\\']) {
      expect(toFts5Match(parseQuery(input))).toBeNull()
      expect(toTsquery(parseQuery(input))).toBeNull()
    }
    expect(toFts5Match(parseQuery('삼성*'))).toBe(toFts5Match(parseQuery('삼성')))
    expect(toFts5Match(parseQuery('AND OR NOT'))).toBe('("and") AND ("or") AND ("not")')
  })

  test('hand-built queries are re-encoded too', () => {
    const q = { groups: [[{ tokens: ['a" OR "b', "x' | 'y"], prefix: false }]] }
    expect(toFts5Match(q)).toMatch(/^\("[^"]*"\)$/)
    expect(toTsquery(q)).toMatch(/^\(\('[^']*' <-> '[^']*'\)\)$/)
  })
})

describe('SQLite FTS5', () => {
  const db = new Database(':memory:')
  db.exec(`CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = '${FTS5_TOKENIZE}')`)
  db.exec(`CREATE VIRTUAL TABLE docs_vocab USING fts5vocab(docs, 'instance')`)
  const insert = db.prepare('INSERT INTO docs (rowid, body) VALUES (?, ?)')
  for (const [id, text] of Object.entries(DOCS)) insert.run(Number(id), indexText(text))
  const find = db.prepare<[string], { id: number }>(
    'SELECT rowid AS id FROM docs WHERE docs MATCH ? ORDER BY rowid',
  )
  const search = (query: string) => {
    const match = toFts5Match(parseQuery(query))
    return match === null ? [] : find.all(match).map((r) => r.id)
  }

  test.each(CASES)('%s', (query, expected) => {
    expect(search(query)).toEqual(expected)
  })

  test('every token stays one FTS5 token at its own position', () => {
    const probe = new Database(':memory:')
    probe.exec(`CREATE VIRTUAL TABLE p USING fts5(body, tokenize = '${FTS5_TOKENIZE}')`)
    probe.exec(`CREATE VIRTUAL TABLE p_vocab USING fts5vocab(p, 'instance')`)
    const tokens = indexTokens(MIXED)
    probe.prepare('INSERT INTO p (body) VALUES (?)').run(tokens.join(' '))
    const sql = 'SELECT term, offset FROM p_vocab ORDER BY offset'
    const rows = probe.prepare<[], { term: string; offset: number }>(sql).all()
    expect(rows.map((r) => r.term)).toEqual(tokens)
    expect(rows.map((r) => r.offset)).toEqual(tokens.map((_, i) => i))
  })

  test('hostile input runs without syntax errors', () => {
    for (const input of HOSTILE) expect(() => search(input)).not.toThrow()
  })

  test('bm25 ranks the exact word above a compound', () => {
    const ranked = db
      .prepare<[string], { id: number }>(
        'SELECT rowid AS id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs)',
      )
      .all(toFts5Match(parseQuery('삼성'))!)
    expect(ranked.map((r) => r.id)).toEqual([8, 1])
  })
})

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test'

async function connectPg(): Promise<pg.Client | null> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 })
  try {
    await client.connect()
    return client
  } catch (error) {
    if (process.env.CI) throw new Error(`PostgreSQL is required in CI: ${String(error)}`)
    console.warn(`Skipping PostgreSQL search tests: ${PG_URL} unreachable (${String(error)})`)
    return null
  }
}

const client = await connectPg()

describe.skipIf(client === null)('PostgreSQL tsvector', () => {
  const pgc = client!
  const search = async (query: string) => {
    const tsquery = toTsquery(parseQuery(query))
    if (tsquery === null) return []
    const sql = "SELECT id FROM search_docs WHERE tsv @@ to_tsquery('simple', $1) ORDER BY id"
    const { rows } = await pgc.query<{ id: number }>(sql, [tsquery])
    return rows.map((r) => r.id)
  }

  beforeAll(async () => {
    await pgc.query('CREATE TEMP TABLE search_docs (id int PRIMARY KEY, tsv tsvector NOT NULL)')
    await pgc.query('CREATE INDEX ON search_docs USING gin (tsv)')
    for (const [id, text] of Object.entries(DOCS)) {
      await pgc.query("INSERT INTO search_docs VALUES ($1, to_tsvector('simple', $2))", [
        Number(id),
        indexText(text),
      ])
    }
  })

  afterAll(async () => {
    await pgc.end()
  })

  test.each(CASES)('%s', async (query, expected) => {
    expect(await search(query)).toEqual(expected)
  })

  test('every token stays one lexeme at its own position', async () => {
    const tokens = indexTokens(MIXED)
    const sql = "SELECT lexeme, unnest(positions) AS pos FROM unnest(to_tsvector('simple', $1)) ORDER BY pos"
    const { rows } = await pgc.query<{ lexeme: string; pos: number }>(sql, [tokens.join(' ')])
    expect(rows.map((r) => r.lexeme)).toEqual(tokens)
    expect(rows.map((r) => r.pos)).toEqual(tokens.map((_, i) => i + 1))
  })

  test('hostile input runs without syntax errors', async () => {
    for (const input of HOSTILE) await expect(search(input)).resolves.toBeInstanceOf(Array)
  })

  test('ts_rank ranks the exact word above a compound', async () => {
    const sql =
      "SELECT id FROM search_docs WHERE tsv @@ to_tsquery('simple', $1) ORDER BY ts_rank(tsv, to_tsquery('simple', $1)) DESC"
    const { rows } = await pgc.query<{ id: number }>(sql, [toTsquery(parseQuery('삼성'))])
    expect(rows.map((r) => r.id)).toEqual([8, 1])
  })
})
