import { describe, expect, test } from 'vitest'
import { CommentSettings } from '../comments.settings.js'
import { defaultPhases } from './phases/index.js'
import { windowClosed } from './phases/window-closed.js'
import { type ModerationInput, moderate } from './pipeline.js'

const base: ModerationInput = {
  body: '좋은 기사 잘 읽었습니다.',
  reader: { id: 1, suspended: false },
  article: { id: 7, publishedAt: '2025-02-05T00:00:00.000Z', windowHours: undefined },
  settings: CommentSettings.parse({ maxLength: 20 }),
  bannedWords: ['바보'],
  now: new Date('2025-02-05T03:00:00.000Z'),
}
const run = (over: Partial<ModerationInput>) => moderate(defaultPhases, { ...base, ...over })

describe('comment moderation pipeline', () => {
  test('publishes an ordinary comment as typed', () => {
    expect(run({})).toEqual({ body: '좋은 기사 잘 읽었습니다.', status: 'published', holdReason: null })
  })

  test('stores clean text: trimmed, \\n line endings, no control characters', () => {
    expect(run({ body: '  첫줄\r\n둘째\u0000줄\u0007 ' }).body).toBe('첫줄\n둘째줄')
  })

  test('refuses an empty or whitespace-only comment', () => {
    expect(() => run({ body: ' \n\t ' })).toThrow(
      expect.objectContaining({ code: 'COMMENTS_EMPTY', status: 400 }),
    )
  })

  test('counts characters, not UTF-16 units, against the limit', () => {
    expect(run({ body: '😀'.repeat(20) }).status).toBe('published')
    expect(() => run({ body: '가'.repeat(21) })).toThrow(
      expect.objectContaining({ code: 'COMMENTS_TOO_LONG' }),
    )
  })

  test('holds a comment with a banned word, even spaced out', () => {
    expect(run({ body: '이런 바 보 같은' })).toMatchObject({ status: 'held', holdReason: 'banned-word:바보' })
    expect(run({ body: '바.보' }).status).toBe('held')
  })

  test('refuses a suspended reader', () => {
    expect(() => run({ reader: { id: 1, suspended: true } })).toThrow(
      expect.objectContaining({ code: 'COMMENTS_READER_SUSPENDED', status: 403 }),
    )
  })

  test('guests pass the reader check', () => {
    expect(run({ reader: null }).status).toBe('published')
  })

  test('refuses once the outlet window has passed; the article override wins', () => {
    const settings = CommentSettings.parse({ windowHours: 2 })
    expect(() => run({ settings })).toThrow(expect.objectContaining({ code: 'COMMENTS_CLOSED', status: 409 }))
    expect(run({ settings, article: { ...base.article, windowHours: 48 } }).status).toBe('published')
    expect(() => run({ article: { ...base.article, windowHours: 0 } })).toThrow(
      expect.objectContaining({ code: 'COMMENTS_CLOSED' }),
    )
  })

  test('an article override of null keeps comments open whatever the outlet says', () => {
    expect(windowClosed({ publishedAt: base.article.publishedAt, windowHours: null }, 1, base.now)).toBe(
      false,
    )
    expect(windowClosed({ publishedAt: base.article.publishedAt, windowHours: undefined }, 1, base.now)).toBe(
      true,
    )
  })
})
