// Readable English addresses for the section names Korean outlets use, so `/section/economy`
// rather than a code; a name not listed keeps the old site's code (`/section/s1n7`).
const KNOWN: Record<string, string> = {
  정치: 'politics',
  경제: 'economy',
  사회: 'society',
  문화: 'culture',
  스포츠: 'sports',
  국제: 'world',
  오피니언: 'opinion',
  연예: 'entertainment',
  지역: 'local',
  교육: 'education',
  산업: 'industry',
  IT·과학: 'it-science',
  IT: 'it',
  과학: 'science',
  생활: 'life',
  라이프: 'life',
  포토: 'photo',
  영상: 'video',
  사설: 'editorial',
  칼럼: 'column',
  인물: 'people',
  기획: 'special',
}

export function sectionSlugFor(name: string, code: string): string {
  return KNOWN[name.trim()] ?? code.toLowerCase().replace(/[^a-z0-9-]+/g, '-')
}
