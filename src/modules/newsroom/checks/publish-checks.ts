// 출고 전 점검: what a Korean desk looks at before an article goes out, shown to the reporter
// while writing and to the desk before 승인. Each finding is a warning: it never blocks a save,
// a request or an approval. Pure: the caller gathers the article, its photos and the week's
// published articles.
import { msg } from '../../../platform/i18n/messages.js'
import type { ArticleDocument } from '../../articles/index.js'
import { nm } from '../newsroom.messages.js'
import { type DuplicateCandidate, nearDuplicates } from './near-duplicate.js'

/**
 * Characters of a headline that portal lists show whole on a phone; longer ones are cut with
 * an ellipsis (Naver and Daum mobile lists show about this many Hangul letters on two lines).
 */
export const HEADLINE_PORTAL_LIMIT = 30

export interface CheckFinding {
  code:
    | 'headline-length'
    | 'headline-empty'
    | 'body-empty'
    | 'photo-credit'
    | 'photo-alt'
    | 'byline'
    | 'schedule-past'
    | 'link-scheme'
    | 'near-duplicate'
  message: string
  /** The other article, for a near-duplicate. */
  link?: { href: string; text: string }
}

export interface CheckInput {
  headline: string
  body: ArticleDocument
  bodyText: string
  reporterCount: number
  /** Credit and alt text of each photo shown: the lead photo first, then the body's. */
  photos: { credit: string; alt: string }[]
  scheduledAt: string | null
  now: Date
}

export interface CheckResult {
  /** Headline length in characters, always shown beside the findings. */
  headlineLength: number
  findings: CheckFinding[]
}

// A web address written without http(s):// is printed as plain text, not a link.
const BARE_ADDRESS =
  /(?:^|[\s(])((?:www\.)[^\s)]+|[a-z0-9-]+\.(?:co\.kr|or\.kr|go\.kr|com|net|org|kr)(?:\/[^\s)]*)?)/gi

function linksWithoutScheme(doc: ArticleDocument, text: string): string[] {
  const found = new Set<string>()
  const visit = (node: unknown) => {
    const n = node as { marks?: { type: string; attrs?: { href?: string } }[]; content?: unknown[] }
    for (const mark of n.marks ?? []) {
      const href = mark.type === 'link' ? (mark.attrs?.href ?? '') : ''
      // A site link (/news/1) is fine; "/www.example.com" is an address missing its scheme.
      if (/^\/(?:www\.|[a-z0-9-]+\.[a-z]{2,})/i.test(href)) found.add(href.slice(1))
    }
    for (const child of n.content ?? []) visit(child)
  }
  visit(doc)
  for (const match of text.matchAll(BARE_ADDRESS)) {
    const address = match[1]!
    if (!/@/.test(address)) found.add(address)
  }
  return [...found]
}

/** The findings for an article as it stands; `recent` are the week's other published articles. */
export function checkArticle(input: CheckInput, recent: readonly DuplicateCandidate[]): CheckResult {
  const c = nm.checks
  const findings: CheckFinding[] = []
  const headlineLength = [...input.headline.trim()].length
  if (headlineLength === 0) findings.push({ code: 'headline-empty', message: c.headlineEmpty })
  else if (headlineLength > HEADLINE_PORTAL_LIMIT)
    findings.push({
      code: 'headline-length',
      message: msg(c.headlineLong, { count: headlineLength, limit: HEADLINE_PORTAL_LIMIT }),
    })
  if (input.bodyText.trim().length === 0) findings.push({ code: 'body-empty', message: c.bodyEmpty })
  input.photos.forEach((p, i) => {
    if (!p.credit.trim()) findings.push({ code: 'photo-credit', message: msg(c.photoCredit, { n: i + 1 }) })
    if (!p.alt.trim()) findings.push({ code: 'photo-alt', message: msg(c.photoAlt, { n: i + 1 }) })
  })
  if (input.reporterCount === 0) findings.push({ code: 'byline', message: c.byline })
  if (input.scheduledAt && new Date(input.scheduledAt).getTime() < input.now.getTime())
    findings.push({ code: 'schedule-past', message: c.schedulePast })
  for (const address of linksWithoutScheme(input.body, input.bodyText))
    findings.push({ code: 'link-scheme', message: msg(c.linkScheme, { address }) })
  for (const match of nearDuplicates(input.bodyText, recent))
    findings.push({
      code: 'near-duplicate',
      message: msg(c.nearDuplicate, { percent: Math.round(match.score * 100) }),
      link: { href: `/news/${match.id}`, text: match.headline },
    })
  return { headlineLength, findings }
}
