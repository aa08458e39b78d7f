// The search page: the query form with its filters, the results with marked words, paging.
import { msg } from '../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../platform/korea-time.js'
import { Layout } from '../../platform/views/layout.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { ArticleCard } from '../articles/index.js'
import { Picture } from '../media/index.js'
import { searchMessages as m } from './search.messages.js'
import type { TextPiece } from './snippet.js'

export interface SearchForm {
  q: string
  section: string
  reporter?: number
  from: string
  to: string
  sort: 'relevance' | 'newest'
  page: number
}

export interface SearchResultView {
  card: ArticleCard
  headline: TextPiece[]
  snippet: TextPiece[]
}

export interface SearchPageProps {
  site: SiteContext
  form: SearchForm
  reporters: { id: number; name: string }[]
  results: SearchResultView[]
  total: number
  totalIsCapped: boolean
  searched: boolean
  perPage: number
}

const Marked = (props: { pieces: TextPiece[] }) => (
  <>{props.pieces.map((p) => (p.marked ? <mark>{p.text}</mark> : p.text))}</>
)

/** The URL of this search with some fields changed; empty fields are left out. */
export function searchHref(form: SearchForm, change: Partial<SearchForm> = {}): string {
  const f = { ...form, ...change }
  const params = new URLSearchParams()
  if (f.q) params.set('q', f.q)
  if (f.section) params.set('section', f.section)
  if (f.reporter) params.set('reporter', String(f.reporter))
  if (f.from) params.set('from', f.from)
  if (f.to) params.set('to', f.to)
  if (f.sort !== 'relevance') params.set('sort', f.sort)
  if (f.page > 1) params.set('page', String(f.page))
  const query = params.toString()
  return query ? `/search?${query}` : '/search'
}

export function SearchPageView(props: SearchPageProps) {
  const { form } = props
  const title = form.q ? msg(m.resultsTitle, { q: form.q }) : m.title
  return (
    <Layout site={props.site} meta={{ title, path: searchHref(form), noindex: true }} searchBox={false}>
      <div class="search-page">
        <h1 class="list-title">{title}</h1>
        <SearchFormView site={props.site} form={form} reporters={props.reporters} />
        <Results {...props} />
      </div>
    </Layout>
  )
}

function SearchFormView(props: Pick<SearchPageProps, 'site' | 'form' | 'reporters'>) {
  const { form } = props
  return (
    <form class="search-form" role="search" action="/search" method="get">
      <p class="search-query">
        <label for="search-q">{m.queryLabel}</label>
        <input id="search-q" name="q" type="search" value={form.q} maxLength={200} />
        <button type="submit">{m.submit}</button>
      </p>
      <fieldset class="search-filters">
        <legend>{m.filters}</legend>
        <p>
          <label for="search-section">{m.section}</label>
          <select id="search-section" name="section">
            <option value="">{m.anyOption}</option>
            {props.site.sections.map((s) => (
              <option value={s.slug} selected={s.slug === form.section}>
                {s.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="search-reporter">{m.reporter}</label>
          <select id="search-reporter" name="reporter">
            <option value="">{m.anyOption}</option>
            {props.reporters.map((r) => (
              <option value={String(r.id)} selected={r.id === form.reporter}>
                {r.name}
              </option>
            ))}
          </select>
        </p>
        <p>
          <label for="search-from">{m.from}</label>
          <input id="search-from" name="from" type="date" value={form.from} />
        </p>
        <p>
          <label for="search-to">{m.to}</label>
          <input id="search-to" name="to" type="date" value={form.to} />
        </p>
        <p>
          <label for="search-sort">{m.sort}</label>
          <select id="search-sort" name="sort">
            <option value="relevance" selected={form.sort === 'relevance'}>
              {m.sortRelevance}
            </option>
            <option value="newest" selected={form.sort === 'newest'}>
              {m.sortNewest}
            </option>
          </select>
        </p>
      </fieldset>
    </form>
  )
}

function Results(props: SearchPageProps) {
  const { form } = props
  if (!props.searched) {
    return (
      <div class="search-empty">
        <p>
          <strong>{m.emptyQuery}</strong>
        </p>
        <p>{m.emptyQueryHint}</p>
      </div>
    )
  }
  if (props.total === 0) {
    const filtered = form.section || form.reporter || form.from || form.to
    return (
      <div class="search-empty" role="status">
        <p>
          <strong>{msg(m.noResults, { q: form.q })}</strong>
        </p>
        <ul>
          {m.noResultsHints.map((hint) => (
            <li>{hint}</li>
          ))}
        </ul>
        {filtered && (
          <p>
            <a href={searchHref({ ...form, section: '', reporter: undefined, from: '', to: '', page: 1 })}>
              {m.clearFilters}
            </a>
          </p>
        )}
      </div>
    )
  }
  const count = props.total.toLocaleString('ko-KR')
  return (
    <section aria-label={m.results}>
      <p class="list-count" role="status">
        {msg(props.totalIsCapped ? m.resultCountCapped : m.resultCount, { count })}
      </p>
      <div class="article-list search-results">
        {props.results.map((r) => (
          <ResultItem result={r} />
        ))}
      </div>
      <Pager form={form} total={props.total} perPage={props.perPage} />
    </section>
  )
}

function ResultItem(props: { result: SearchResultView }) {
  const { card } = props.result
  return (
    <article class="item">
      {card.leadPhoto && (
        <div class="thumb">
          <Picture photo={card.leadPhoto} sizes="(min-width: 760px) 200px, 33vw" width={320} alt="" />
        </div>
      )}
      <div class="item-text">
        <h2 class="item-title">
          <a href={card.url}>
            <Marked pieces={props.result.headline} />
          </a>
        </h2>
        <p class="item-summary">
          <Marked pieces={props.result.snippet} />
        </p>
        <p class="item-meta">
          <span class="item-section">{card.section.name}</span>
          {card.reporters[0] && <span>{msg(m.reporterName, { name: card.reporters[0].name })}</span>}
          <time datetime={card.publishedAt}>{formatKoreaDateTime(card.publishedAt)}</time>
        </p>
      </div>
    </article>
  )
}

function Pager(props: { form: SearchForm; total: number; perPage: number }) {
  const { form } = props
  const pages = Math.max(1, Math.ceil(props.total / props.perPage))
  if (pages <= 1) return null
  const first = Math.max(1, Math.min(form.page - 4, pages - 9))
  const shown = Array.from({ length: Math.min(10, pages) }, (_, i) => first + i)
  return (
    <nav class="pagination" aria-label={m.pagination}>
      {form.page > 1 && (
        <a href={searchHref(form, { page: form.page - 1 })} rel="prev">
          {m.previousPage}
        </a>
      )}
      {shown.map((p) =>
        p === form.page ? (
          <span aria-current="page">{p}</span>
        ) : (
          <a href={searchHref(form, { page: p })} aria-label={msg(m.pageOf, { page: p })}>
            {p}
          </a>
        ),
      )}
      {form.page < pages && (
        <a href={searchHref(form, { page: form.page + 1 })} rel="next">
          {m.nextPage}
        </a>
      )}
    </nav>
  )
}
