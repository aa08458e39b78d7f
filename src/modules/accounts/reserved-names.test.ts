import { expect, test } from 'vitest'
import { isReservedName } from './reserved-names.js'

test('names that pose as the outlet or its staff are refused, others pass', () => {
  const staff = ['홍길동', '한승우']
  for (const name of [
    '관리자',
    '관 리 자',
    '신문일보 편집국',
    'Admin!',
    '홍길동',
    '홍길동 기자',
    '운영자입니다',
  ]) {
    expect(isReservedName(name, staff), name).toBe(true)
  }
  for (const name of ['길동이', '독자123', '서울시민', '홍길동팬클럽']) {
    expect(isReservedName(name, staff), name).toBe(false)
  }
})
