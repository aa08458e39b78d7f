// What staff are told by mail: invitations and password resets.
export const staffMessages = {
  mailResetSubject: '[뉴스룸] 비밀번호 재설정 안내',
  mailResetBody: '아래 링크에서 새 비밀번호를 설정해 주세요. 링크는 1시간 동안 유효합니다.\n{link}',
  mailInviteSubject: '[뉴스룸] 초대 안내',
  mailInviteBody:
    '뉴스룸에 초대되었습니다. 아래 링크에서 비밀번호를 설정해 주세요. 링크는 7일 동안 유효합니다.\n{link}',
  errors: {
    emailTaken: '이미 등록된 이메일입니다.',
    passwordTooShort: '비밀번호는 {min}자 이상이어야 합니다.',
    linkInvalid: '링크가 만료되었거나 이미 사용되었습니다. 재설정 링크를 다시 요청해 주세요.',
    notFound: '해당 직원 계정이 없습니다.',
  },
} as const
