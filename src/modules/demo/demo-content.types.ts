// Shapes of the demo content the seeder turns into a complete outlet.
// The data itself lives in demo-content.ts; the seeder lives in seed-demo.ts.

export interface DemoSection {
  slug: string // URL segment, lower-case ASCII: 'politics'
  name: string // shown to readers: '정치'
}

export interface DemoReporter {
  key: string // referenced by DemoArticle.reporters
  name: string // '김서연'
  email: string // '...@sinmun-demo.kr'
  bio: string // one or two Korean sentences
}

/** A body block: a plain string is a paragraph. */
export type DemoBlock = string | { heading: string } | { quote: string; cite?: string }

export interface DemoPhoto {
  caption: string // Korean caption shown under the photo
  credit: string // e.g. '사진=김서연 기자' or '사진=연합뉴스'
  alt: string // what the picture shows, for screen readers
  /** Words drawn on the generated picture (short; the seeder renders them). */
  label: string
}

export interface DemoArticle {
  section: string // DemoSection.slug
  reporters: string[] // DemoReporter.key, first is the lead byline; none: unsigned (사설)
  headline: string
  subheadline: string
  tags: string[] // Korean tag names
  /** Published this many hours before the seed runs (0 = newest). */
  hoursAgo: number
  /** Desk grade: 'headline' leads the home page, 'important' fills section blocks. */
  grade: 'headline' | 'important' | 'normal'
  /** Fixed publication time (UTC ISO) for articles about a dated event; overrides hoursAgo. */
  publishedAt?: string
  leadPhoto: DemoPhoto
  body: DemoBlock[]
  /** An optional inline photo placed after the given body block index. */
  inlinePhoto?: DemoPhoto & { afterBlock: number }
}

export interface DemoPage {
  slug: string // 'youth-policy', 'privacy', 'no-email-collection', 'correction-request', 'about'
  title: string
  body: DemoBlock[]
}

export interface DemoOutlet {
  name: string // 제호
  tagline: string
  copyrightHolder: string
  registrationNumber: string // 등록번호, e.g. '서울 아00000'
  registrationDate: string // 등록일 'YYYY-MM-DD'
  publisher: string // 발행인
  editor: string // 편집인
  youthProtectionOfficer: string // 청소년보호책임자
  address: string
  phone: string
  email: string
}
