// Names a reader may not take: words that pose as the outlet (관리자, 편집국, 운영자 …) and the
// names of the newsroom's staff, so that no comment seems to speak for the paper. Compared
// without spaces, case or punctuation, so "관 리 자" and "Admin!" are caught too.
const RESERVED_WORDS = [
  '관리자',
  '운영자',
  '운영진',
  '편집국',
  '편집장',
  '편집부',
  '데스크',
  '발행인',
  '고객센터',
  '고충처리인',
  '공식',
  'admin',
  'administrator',
  'moderator',
  'operator',
]

const squash = (name: string) => name.toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '')

/** Whether a display name is one a reader may not use. */
export function isReservedName(name: string, staffNames: readonly string[]): boolean {
  const plain = squash(name)
  if (plain.length === 0) return false
  if (RESERVED_WORDS.some((word) => plain.includes(squash(word)))) return true
  // A staff member's name, alone or with 기자 (홍길동, 홍길동기자).
  return staffNames.some((staff) => {
    const s = squash(staff)
    return s.length > 0 && (plain === s || plain === `${s}기자`)
  })
}
