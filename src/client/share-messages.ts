// What the share panel's script says. Only the script ever shows these, so they travel in its
// bundle (cached for a year) rather than in every article page.
export const shareMessages = {
  copied: '링크가 복사되었습니다.',
  copiedForKakao: '링크가 복사되었습니다. 카카오톡 대화창에 붙여 넣어 공유해 주세요.',
  failed: '복사하지 못했습니다. 주소창의 주소를 복사해 주세요.',
  largest: '가장 큰 글자 크기입니다.',
  smallest: '가장 작은 글자 크기입니다.',
} as const
