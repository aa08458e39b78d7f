// Where ndsoft's CMS puts each part of its pages. Skins differ from site to site; what the CMS
// keeps stable (the body element, the figure markup, the info list's icons) is tried first,
// the variants of other skins after it. Every selector the importer uses is here, so a site
// with another skin is fixed in one place.

export const SELECTORS = {
  article: {
    /** The headline: `h1`–`h4` with class `heading` depending on the skin; older skins. */
    headline: ['header.article-view-header .heading', '.article-view-header .heading', '.article-head-title'],
    /** The subtitle, in the header or at the top of the body; older skins. */
    subheadline: ['.subheading', '.article-head-sub'],
    /** The body element, the CMS's own (note its `veiw` typo in the class, not used here). */
    body: '#article-view-content-div',
    /** Inside the body but not content: ads, scripts, reporter and copyright boxes, the subtitle. */
    notContent: [
      '.ad-template',
      'ins.adsbygoogle',
      'script',
      'style',
      'noscript',
      'iframe[src*="ads"]',
      '.subheading',
      'article.writer',
      '.view-editors',
      '.article-copy',
      '.view-copyright',
    ],
    /** The info list: byline and 입력/수정 lines, marked by their icons. */
    infoItems: ['ul.infomation li', 'div.info-text li'],
    bylineIcon: 'i.icon-user-o',
    clockIcon: 'i.icon-clock-o',
    /** Section: the breadcrumb's link to a section list. */
    sectionLinks: [
      'nav.breadcrumbs a[href*="sc_section_code="]',
      '.article-view-header a[href*="sc_section_code="]',
    ],
    /** Reporter boxes after the body: newer and older skins. */
    writers: ['article.writer', '.view-editors'],
    writerName: ['strong.name', 'strong.names'],
    writerEmail: ['a.email', 'a.user-email', 'a[href^="mailto:"]'],
    writerList: 'a[href*="sc_area=I"]',
    tags: ['.tag-group a.tag', '.tag-group a'],
    related: ['section.relation a[href*="idxno="]', '.relation-list a[href*="idxno="]'],
  },
  list: {
    /** The list of articles on a list page (전체기사, a section, a reporter, a keyword). */
    items: '#section-list',
    articleLinks: 'a[href*="articleView.html"]',
    /** Paging links: numbered pages, 다음, 끝. */
    paging: 'ul.pagination a[href]',
  },
  home: {
    /** Links to section lists anywhere on the home page (the menu). */
    sectionLinks: 'a[href*="sc_section_code="]',
  },
} as const

/** The CMS's article address: only `idxno` names the article. */
export const ARTICLE_PATH = '/news/articleView.html'
export const LIST_PATH = '/news/articleList.html'
export const FEED_PATH = '/rss/allArticle.xml'
export const ALL_ARTICLES_LIST = `${LIST_PATH}?view_type=sm`
