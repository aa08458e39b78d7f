// Blocks shared by the reader pages: article lists, 많이 본 뉴스, 투데이포토, pagination.
import { messages as m, msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import { renderedOnce } from '../../../platform/views/rendered-once.js'
import { Picture } from '../../media/index.js'
import type { ArticleCard, RankedLink } from '../article-views.js'
import type { TodayPhoto } from '../today-photos.js'

export function ArticleItem(props: { article: ArticleCard; showSection?: boolean; headingLevel?: 2 | 3 }) {
  const a = props.article
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3'
  return (
    <article class="item">
      {a.leadPhoto && (
        <div class="thumb">
          <Picture photo={a.leadPhoto} sizes="(min-width: 760px) 200px, 33vw" width={320} alt="" />
        </div>
      )}
      <div class="item-text">
        <Heading class="item-title">
          <a href={a.url}>{a.headline}</a>
        </Heading>
        {a.summary && <p class="item-summary">{a.summary}</p>}
        <p class="item-meta">
          {props.showSection && <span class="item-section">{a.section.name}</span>}
          {a.reporters.length > 0 && (
            // Co-bylines in full, one suffix: 강도현·한승우 기자
            <span>{`${a.reporters.map((r) => r.name).join('·')} ${m.article.reporterSuffix}`}</span>
          )}
          <time datetime={a.publishedAt}>{formatKoreaDateTime(a.publishedAt)}</time>
          {a.commentCount > 0 && (
            <span class="item-comments">{msg(m.article.commentCount, { count: a.commentCount })}</span>
          )}
        </p>
      </div>
    </article>
  )
}

export function ArticleList(props: { articles: ArticleCard[]; showSection?: boolean; headingLevel?: 2 | 3 }) {
  if (props.articles.length === 0) return <p class="empty">{m.lists.empty}</p>
  return (
    <div class="article-list">
      {props.articles.map((a) => (
        <ArticleItem article={a} showSection={props.showSection} headingLevel={props.headingLevel} />
      ))}
    </div>
  )
}

const NO_PHOTOS: TodayPhoto[] = []
// Memoised lists keep their identity until they change: rendered once per version.
const sidebarHtml = renderedOnce(([day, week, photos]: [RankedLink[], RankedLink[], TodayPhoto[]]) => (
  <>
    <MostRead day={day} week={week} />
    <TodayPhotos photos={photos} />
  </>
))

/** The column beside a page's content: 많이 본 뉴스, and 투데이포토 where the page has it. */
export function Sidebar(props: {
  mostRead: { day: RankedLink[]; week: RankedLink[] }
  todayPhotos?: TodayPhoto[]
}) {
  const { day, week } = props.mostRead
  return (
    <aside
      class="sidebar"
      aria-label={m.article.mostRead}
      dangerouslySetInnerHTML={{ __html: sidebarHtml([day, week, props.todayPhotos ?? NO_PHOTOS]) }}
    />
  )
}

function MostRead(props: { day: RankedLink[]; week: RankedLink[] }) {
  return (
    <section class="box most-read" aria-labelledby="most-read-title">
      <h2 id="most-read-title">{m.article.mostRead}</h2>
      <RankedList title={m.article.mostReadDay} links={props.day} />
      <RankedList title={m.article.mostReadWeek} links={props.week} />
    </section>
  )
}

function RankedList(props: { title: string; links: RankedLink[] }) {
  return (
    <div class="ranked">
      <h3>{props.title}</h3>
      {props.links.length === 0 ? (
        <p class="empty">{m.lists.empty}</p>
      ) : (
        <ol>
          {props.links.map((l) => (
            <li>
              <a href={l.url}>{l.headline}</a>
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}

function TodayPhotos(props: { photos: TodayPhoto[] }) {
  if (props.photos.length === 0) return null
  return (
    <section class="box today-photo" aria-labelledby="today-photo-title">
      <h2 id="today-photo-title">{m.article.todayPhoto}</h2>
      <ul>
        {props.photos.map((p) => (
          <li>
            <a href={p.url}>
              <Picture photo={p.photo} sizes="(min-width: 760px) 300px, 50vw" width={640} alt={p.photo.alt} />
              <span>{p.caption}</span>
            </a>
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Page links for `?page=N` lists; page 1 has no query so it keeps one canonical URL. */
export function Pagination(props: { basePath: string; page: number; total: number; perPage: number }) {
  const pages = Math.max(1, Math.ceil(props.total / props.perPage))
  if (pages <= 1) return null
  const href = (p: number) => (p === 1 ? props.basePath : `${props.basePath}?page=${p}`)
  const first = Math.max(1, Math.min(props.page - 4, pages - 9))
  const shown = Array.from({ length: Math.min(10, pages) }, (_, i) => first + i)
  return (
    <nav class="pagination" aria-label={m.site.pagination}>
      {props.page > 1 && (
        <a href={href(props.page - 1)} rel="prev">
          {m.site.previousPage}
        </a>
      )}
      {shown.map((p) =>
        p === props.page ? (
          <span aria-current="page">{p}</span>
        ) : (
          <a href={href(p)} aria-label={msg(m.site.pageOf, { page: p })}>
            {p}
          </a>
        ),
      )}
      {props.page < pages && (
        <a href={href(props.page + 1)} rel="next">
          {m.site.nextPage}
        </a>
      )}
    </nav>
  )
}
