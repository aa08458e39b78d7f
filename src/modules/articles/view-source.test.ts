import { describe, expect, test } from 'vitest'
import { viewSourceOf } from './view-source.js'

const own = 'news.example.kr'

describe('where a reader came from', () => {
  test.each([
    ['https://m.search.naver.com/search.naver?query=x', undefined, 'naver'],
    ['https://n.news.naver.com/article/001/1', undefined, 'naver'],
    ['https://naver.me/abc', undefined, 'naver'],
    ['https://search.daum.net/search?q=x', undefined, 'daum'],
    ['https://v.daum.net/v/2026', undefined, 'daum'],
    ['https://www.google.co.kr/', undefined, 'google'],
    ['https://news.google.com/', undefined, 'google'],
    [undefined, 'Mozilla/5.0 (iPhone) KAKAOTALK 10.9.0', 'kakaotalk'],
    ['https://talk.kakao.com/', undefined, 'kakaotalk'],
    [undefined, 'Mozilla/5.0', 'direct'],
    [`https://${own}/section/economy`, undefined, 'internal'],
    ['https://blog.example.com/', undefined, 'other'],
    ['not a url', undefined, 'other'],
    ['https://fakenaver.com.evil.example/', undefined, 'other'],
  ])('%s / %s → %s', (referer, ua, kind) => {
    expect(viewSourceOf(referer, ua, own)).toBe(kind)
  })
})
