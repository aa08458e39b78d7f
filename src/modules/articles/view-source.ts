// Which kind of place a reader came from, as Korean newsrooms report it: the portals (네이버,
// 다음), Google, KakaoTalk (its in-app browser sends no referrer but names itself), the outlet's
// own pages, nothing at all (직접: a bookmark, a typed address, many apps), or elsewhere.
import type { ViewSource } from './articles.table.js'

const byHost: readonly [RegExp, ViewSource][] = [
  [/(^|\.)naver\.(com|net)$|(^|\.)naver\.me$/, 'naver'],
  [/(^|\.)daum\.(net|co\.kr)$/, 'daum'],
  [/(^|\.)google\.[a-z.]+$|(^|\.)googleusercontent\.com$/, 'google'],
  [/(^|\.)kakao\.com$|(^|\.)kakao\.co\.kr$/, 'kakaotalk'],
]

export function viewSourceOf(referer: string | undefined, userAgent: string | undefined, ownHost: string) {
  if (userAgent && /KAKAOTALK/i.test(userAgent)) return 'kakaotalk'
  if (!referer) return 'direct'
  let host: string
  try {
    host = new URL(referer).hostname.toLowerCase()
  } catch {
    return 'other'
  }
  if (host === ownHost) return 'internal'
  for (const [pattern, source] of byHost) if (pattern.test(host)) return source
  return 'other'
}
