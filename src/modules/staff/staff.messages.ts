// Korean texts of the staff module.
export const staffMessages = {
  errors: {
    emailTaken: '이미 등록된 이메일입니다.',
    passwordTooShort: '비밀번호는 {min}자 이상이어야 합니다.',
    linkInvalid: '링크가 만료되었거나 이미 사용되었습니다. 재설정 링크를 다시 요청해 주세요.',
    notFound: '해당 직원 계정이 없습니다.',
  },
} as const
