// Korean texts of the articles module that are its own (the reader pages' texts are in the
// site-wide catalog): why a change to an article was refused.
export const articleMessages = {
  errors: {
    invalidTransition: '지금 상태에서는 할 수 없는 작업입니다. 화면을 새로 고쳐 주세요.',
    withdrawn: '이 기사는 편집국의 판단에 따라 삭제(철회)되어 더 이상 볼 수 없습니다.',
  },
} as const
