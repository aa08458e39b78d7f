// Korean texts of feeds and the RSS page.
export const syndicationMessages = {
  allFeedTitle: '{outlet} 전체기사',
  sectionFeedTitle: '{outlet} {section}',
  allFeedDescription: '{outlet}의 최신 기사 전문',
  sectionFeedDescription: '{outlet} {section} 분야 최신 기사 전문',
  rssPageTitle: 'RSS 서비스',
  rssPageIntro:
    'RSS 리더나 뉴스 앱에 아래 주소를 등록하면 새 기사를 바로 받아 볼 수 있습니다. 모든 피드에는 기사 전문과 대표 사진이 담겨 있습니다.',
  rssPageAll: '전체기사',
  rssPageNote:
    '피드는 개인적인 구독 용도로 제공됩니다. 기사를 다른 곳에 게재하려면 저작권자의 허락을 받아야 합니다.',
} as const
