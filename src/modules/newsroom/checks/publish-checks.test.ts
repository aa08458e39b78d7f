// The pure rules of 출고 전 점검, each as the reporter would read it in the panel.
import { describe, expect, test } from 'vitest'
import type { ArticleDocument } from '../../articles/index.js'
import { checkArticle } from './publish-checks.js'

const doc = (href?: string): ArticleDocument => ({
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: '보도자료 원문',
          ...(href ? { marks: [{ type: 'link', attrs: { href } }] } : {}),
        },
      ],
    },
  ],
})
const base = {
  headline: '제목',
  body: doc(),
  bodyText: '보도자료 원문',
  reporterCount: 1,
  photos: [],
  scheduledAt: null,
  now: new Date('2026-03-10T00:00:00Z'),
}

describe('checks before publishing', () => {
  test('a headline counts characters, not bytes', () => {
    expect(checkArticle({ ...base, headline: '한글 제목 열두 글자입니다' }, []).headlineLength).toBe(14)
  })
  test('no reporter, a past schedule and a site link written as an address are each reported', () => {
    const codes = checkArticle(
      { ...base, body: doc('/www.korea.kr'), reporterCount: 0, scheduledAt: '2026-03-09T00:00:00Z' },
      [],
    ).findings.map((f) => f.code)
    expect(codes).toEqual(['byline', 'schedule-past', 'link-scheme'])
  })
  test('a site link and an e-mail address are not flagged', () => {
    const result = checkArticle({ ...base, body: doc('/news/3'), bodyText: '문의 press@korea.kr' }, [])
    expect(result.findings).toEqual([])
  })
})
