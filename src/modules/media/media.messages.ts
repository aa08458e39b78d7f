// Korean texts of the media module: why an uploaded photo was refused.
export const mediaMessages = {
  errors: {
    notImage: '이미지 파일이 아닙니다. JPEG, PNG, WebP, AVIF, GIF 사진만 올릴 수 있습니다.',
    unsupported: 'JPEG, PNG, WebP, AVIF, GIF 사진만 올릴 수 있습니다.',
    tooManyPixels: '사진의 화소 수가 너무 많습니다. 5천만 화소(예: 8000×6000) 이하로 줄여 주세요.',
    tooLarge: '파일이 너무 큽니다. 20MB 이하만 올릴 수 있습니다.',
    corrupt: '사진 파일이 손상되었거나 일부만 전송되었습니다.',
    missing: '사진 파일을 골라 주세요.',
    focusInvalid: '사진의 초점 위치가 올바르지 않습니다.',
    busy: '지금 처리 중인 사진이 많습니다. 잠시 후 다시 올려 주세요.',
  },
} as const
