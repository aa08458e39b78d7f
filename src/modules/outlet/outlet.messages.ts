// What readers see of the outlet module: the notice while the site is not yet open.
export const outletMessages = {
  closedTitle: '사이트를 준비하고 있습니다',
  closedBody: '법정 표기 사항(신문법 제21조)을 모두 갖춘 뒤 기사를 공개합니다. 잠시 후 다시 찾아 주세요.',
  startSetup: '처음 설정 시작하기',
  toNewsroom: '뉴스룸',
} as const
