// The article page: every element of the reference page (DESIGN.md), server-rendered;
// the progress bar, copy, font size and Kakao share are enhanced by article.ts.
import { messages as m, msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import { Layout } from '../../../platform/views/layout.js'
import type { SiteContext } from '../../../platform/views/site-context.js'
import type { CommentSectionData } from '../../comments/index.js'
import { CommentSection } from '../../comments/index.js'
import { Figure, Picture } from '../../media/index.js'
import { type ArticlePage, type RankedLink, reporterUrl, sectionUrl } from '../article-views.js'
import type { DocumentBlock } from '../document/document.schema.js'
import { blockText } from '../document/document.text.js'
import { DocumentBody, Inline } from '../document/document.view.js'
import type { TodayPhoto } from '../today-photos.js'
import { articleMeta } from './article-meta.js'
import { ArticleList, Sidebar } from './blocks.js'
import { SharePanel } from './share-panel.js'

export interface ArticlePageProps {
  site: SiteContext
  article: ArticlePage
  comments: CommentSectionData
  mostRead: { day: RankedLink[]; week: RankedLink[] }
  todayPhotos: TodayPhoto[]
  /** Published corrections, rebuttals and follow-ups (언론중재법), oldest first. */
  notices?: ArticleNotice[]
}

/** A correction, rebuttal or follow-up published on the article through the inbox. */
export interface ArticleNotice {
  id: number
  /** 정정보도, 반론보도 or 추후보도. */
  title: string
  text: string
  publishedAt: string
  /** The article's words it answers; the notice is pointed to from beside them. */
  passage: string | null
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim()

/** A note after the first block that holds each notice's passage, linking to the notice. */
function passageNotes(notices: readonly ArticleNotice[]) {
  const placed = new Set<number>()
  return (block: DocumentBlock) => {
    const text = flat(blockText(block))
    const here = notices.filter((n) => n.passage && !placed.has(n.id) && text.includes(flat(n.passage)))
    return here.map((n) => {
      placed.add(n.id)
      return (
        <p class="article-notice-here">
          <a href={`#notice-${n.id}`}>{msg(m.article.noticeHere, { kind: n.title })}</a>
        </p>
      )
    })
  }
}

function Notices(props: { notices: readonly ArticleNotice[] }) {
  if (props.notices.length === 0) return null
  return (
    <section class="article-notices" aria-labelledby="notices-title">
      <h2 id="notices-title" class="visually-hidden">
        {m.article.notices}
      </h2>
      {props.notices.map((n) => (
        <div class="article-notice" id={`notice-${n.id}`}>
          <p class="article-notice-title">
            <strong>{n.title}</strong>{' '}
            <time datetime={n.publishedAt}>
              {msg(m.article.noticeDated, { date: formatKoreaDateTime(n.publishedAt) })}
            </time>
          </p>
          <p>{n.text}</p>
        </div>
      ))}
    </section>
  )
}

export function ArticlePageView(props: ArticlePageProps) {
  const { site, article: a } = props
  const absoluteUrl = `${site.publicUrl}${a.url}`
  return (
    <Layout
      site={site}
      meta={articleMeta(site, a)}
      scripts={[site.assets.articleJs, ...(site.assets.commentsJs ? [site.assets.commentsJs] : [])]}
      activeSection={a.section.id}
    >
      <div
        class="progress"
        role="progressbar"
        aria-label={m.article.progress}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={0}
      >
        <span class="progress-fill" />
      </div>
      <div class="article-layout">
        <article class="article" data-article-id={a.id}>
          <header class="article-header">
            <p class="article-section">
              <a href={sectionUrl(a.section.slug)}>{a.section.name}</a>
            </p>
            <h1 class="headline">{a.headline}</h1>
            {a.subheadline && <p class="subheadline">{a.subheadline}</p>}
            <ul class="article-info">
              {/* An unsigned piece (사설) has no reporters: no byline here, none in the body. */}
              {a.reporters.length > 0 && (
                <li>
                  {a.reporters.map((r, i) => (
                    <>
                      {i > 0 && ', '}
                      <a href={reporterUrl(r.id)}>{`${r.name} ${m.article.reporterSuffix}`}</a>
                    </>
                  ))}
                </li>
              )}
              <li>
                {m.article.published}{' '}
                <time datetime={a.publishedAt}>{formatKoreaDateTime(a.publishedAt)}</time>
              </li>
              {a.modifiedAt && (
                <li class="modified">
                  {m.article.modified}{' '}
                  <time datetime={a.modifiedAt}>{formatKoreaDateTime(a.modifiedAt)}</time>
                </li>
              )}
            </ul>
            <SharePanel kakaoKey={site.kakaoJsKey} url={absoluteUrl} title={a.headline} />
          </header>
          <Notices notices={props.notices ?? []} />
          <div class="article-body" id="article-body">
            {a.leadPhoto && <Figure photo={a.leadPhoto} eager />}
            <BylineLead outlet={site.outlet.name} article={a} after={passageNotes(props.notices ?? [])} />
            {a.correctionNote && (
              <aside class="correction" aria-label={m.article.correctionNote}>
                <strong>{m.article.correctionNote}</strong> {a.correctionNote}
              </aside>
            )}
          </div>
          {a.tags.length > 0 && (
            <div class="tags">
              <h2 class="visually-hidden">{m.article.tags}</h2>
              <ul>
                {a.tags.map((t) => (
                  <li>
                    <a href={t.url}>{`#${t.name}`}</a>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {a.reporters.map((r) => (
            // Named by the reporter, so that two bylines give two distinct landmarks.
            <section class="reporter-box" aria-labelledby={`reporter-${r.id}`}>
              {r.photo && (
                <Picture photo={r.photo} sizes="64px" width={320} class="reporter-photo" alt={r.name} />
              )}
              <div>
                <p class="reporter-name" id={`reporter-${r.id}`}>
                  <a href={reporterUrl(r.id)}>{`${r.name} ${m.article.reporterSuffix}`}</a>
                </p>
                {r.email && (
                  <p class="reporter-email">
                    <a href={`mailto:${r.email}`}>{r.email}</a>
                  </p>
                )}
                {r.bio && <p class="reporter-bio">{r.bio}</p>}
              </div>
            </section>
          ))}
          <p class="article-copyright">
            {msg(m.site.copyright, { holder: site.outlet.copyrightHolder || site.outlet.name })}
          </p>
          {a.related.length > 0 && (
            <section class="related" aria-labelledby="related-title">
              <h2 id="related-title">{m.article.related}</h2>
              <ArticleList articles={a.related} />
            </section>
          )}
          {(a.previous || a.next) && (
            <nav class="prev-next" aria-label={`${m.article.previous} / ${m.article.next}`}>
              {a.previous && (
                <a href={a.previous.url} rel="prev">
                  <span>{m.article.previous}</span> {a.previous.headline}
                </a>
              )}
              {a.next && (
                <a href={a.next.url} rel="next">
                  <span>{m.article.next}</span> {a.next.headline}
                </a>
              )}
            </nav>
          )}
          <CommentSection {...props.comments} />
        </article>
        <Sidebar mostRead={props.mostRead} todayPhotos={props.todayPhotos} />
      </div>
    </Layout>
  )
}

/** `매체명=이름 기자 | 본문…`: the byline opens the body, as Korean wire copy does. */
function BylineLead(props: {
  outlet: string
  article: ArticlePage
  after: (block: DocumentBlock) => preact.ComponentChild
}) {
  if (props.article.reporters.length === 0) {
    return <DocumentBody doc={props.article.body} photos={props.article.bodyPhotos} after={props.after} />
  }
  // 매체명=강도현·한승우 기자: co-reporters share one suffix, the way Korean bylines print them.
  const names = `${props.article.reporters.map((r) => r.name).join('·')} ${m.article.reporterSuffix}`
  const byline = <span class="byline">{`${props.outlet}=${names}`}</span>
  const [first, ...rest] = props.article.body.content
  const doc = props.article.body
  if (first?.type !== 'paragraph') {
    return (
      <>
        <p>{byline}</p>
        <DocumentBody doc={doc} photos={props.article.bodyPhotos} after={props.after} />
      </>
    )
  }
  return (
    <>
      <p>
        {byline}
        {' | '}
        <Inline nodes={first.content} />
      </p>
      {props.after(first)}
      <DocumentBody
        doc={{ type: 'doc', content: rest }}
        photos={props.article.bodyPhotos}
        after={props.after}
      />
    </>
  )
}
