// Korean texts of the portal check: what a portal or search engine reads on an article page,
// and what to fix when it is missing.
export const portalCheckMessages = {
  title: '포털 점검',
  intro:
    '네이버·다음·Google 뉴스가 기사를 읽어 가는 방식 그대로 기사 한 건의 공개 페이지를 확인합니다. 기사 번호나 기사 주소를 입력해 주세요.',
  article: '기사 번호 또는 주소',
  submit: '점검',
  notFound: '공개된 기사를 찾지 못했습니다. 출고된 기사의 번호나 주소인지 확인해 주세요.',
  checkedUrl: '점검한 주소: {url}',
  summary: '{fail}건을 고쳐야 하고 {warn}건은 확인이 필요합니다.',
  allGood: '포털이 읽는 항목이 모두 갖춰져 있습니다.',
  status: { ok: '통과', warn: '확인', fail: '고칠 것' },
  checks: {
    canonical: {
      title: '대표 주소 (canonical)',
      ok: '대표 주소가 기사 주소와 같습니다.',
      missing: '<link rel="canonical">이 없습니다. 포털이 같은 기사를 여러 주소로 색인할 수 있습니다.',
      differs: '대표 주소({found})가 기사 주소와 다릅니다. PUBLIC_URL 설정을 확인해 주세요.',
    },
    openGraph: {
      title: 'Open Graph 태그',
      ok: 'og:title, og:description, og:image, og:url, og:type이 모두 있습니다.',
      missing: '빠진 태그: {tags}. 카카오톡·페이스북 미리보기와 네이버 검색에 쓰입니다.',
    },
    image: {
      title: '대표 이미지 크기',
      ok: '대표 이미지가 {width}×{height}입니다.',
      small:
        '대표 이미지가 {width}×{height}입니다. Google 뉴스·Discover는 가로 1200px 이상을, 카카오톡·페이스북은 1200×630을 권장합니다. 더 큰 사진을 대표 사진으로 올려 주세요.',
      unreadable: '대표 이미지({url})를 읽지 못했습니다. 주소가 맞는지 확인해 주세요.',
    },
    jsonLd: {
      title: '구조화 데이터 (JSON-LD NewsArticle)',
      ok: 'NewsArticle에 제목, 이미지, 입력·수정 시각, 작성자, 발행처가 모두 있습니다.',
      missing: 'NewsArticle에 빠진 항목: {fields}.',
      none: 'NewsArticle 구조화 데이터가 없습니다. Google 주요 뉴스(Top Stories)에 오르기 어렵습니다.',
    },
    headline: {
      title: '제목 길이',
      ok: '제목이 {length}자입니다.',
      long: '제목이 {length}자입니다. 포털 검색 결과와 목록에서는 보통 40자 안팎에서 잘립니다. 핵심어를 앞에 두세요.',
      tooLong: '제목이 {length}자입니다. Google은 구조화 데이터의 제목을 110자까지만 씁니다. 줄여 주세요.',
    },
    description: {
      title: '요약 (description)',
      ok: '요약문이 있습니다 ({length}자).',
      missing: '요약문(meta description)이 없습니다. 부제목을 쓰거나 본문 첫 문단을 채워 주세요.',
    },
    newsSitemap: {
      title: '뉴스 사이트맵',
      ok: '뉴스 사이트맵(/sitemaps/news.xml)에 들어 있습니다.',
      missing: '출고 48시간 이내인데 뉴스 사이트맵에 없습니다. 기사가 공개 상태인지 확인해 주세요.',
      old: '출고한 지 48시간이 지나 뉴스 사이트맵에서 빠졌습니다 (정상). 일반 사이트맵에는 남아 있습니다.',
    },
  },
} as const
