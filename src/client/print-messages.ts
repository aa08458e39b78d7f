// What a printed page says beside the outlet's name. Only the script writes these (on
// `beforeprint`), so they travel in its bundle rather than in every page.
export const printMessages = {
  address: '기사 주소',
  printed: '인쇄',
} as const
