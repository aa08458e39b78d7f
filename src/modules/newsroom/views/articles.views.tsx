// The dashboard, the article lists (with the desk's bulk approval) and the new-article form.
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import type { ArticleGrade, ArticleStatus, RankedLink, SectionRef, WorkItem } from '../../articles/index.js'
import { inboxMessages, type RequestKind } from '../../inbox/index.js'
import { nm } from '../newsroom.messages.js'
import { isDesk } from '../newsroom.policy.js'
import { sm } from '../settings.messages.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const sectionName = (sections: SectionRef[], id: number) => sections.find((s) => s.id === id)?.name ?? ''

/** What a list row shows beside the work columns (the archive list and the desk queue). */
export interface RowDetails {
  /** The byline in full: 강도현·한승우 */
  reporters: string
  /** Characters of body text (the desk queue's 분량). */
  chars: number
  /** When it was last sent to the desk (출고 요청). */
  requestedAt: string | null
}

function WorkTable(props: {
  items: WorkItem[]
  sections: SectionRef[]
  selectable?: boolean
  rows?: Map<number, RowDetails>
}) {
  if (props.items.length === 0) return <p class="empty">{nm.dashboard.empty}</p>
  const queue = props.selectable
  const rows = props.rows
  return (
    <table class="work">
      <thead>
        <tr>
          {props.selectable && (
            <th scope="col" class="w-select">
              <span class="visually-hidden">{nm.list.select}</span>
              <label class="select-all" hidden>
                <input type="checkbox" id="select-all" />{' '}
                <span class="select-all-text">{nm.list.selectAll}</span>
              </label>
            </th>
          )}
          <th scope="col">{nm.list.headline}</th>
          {rows && <th scope="col">{nm.list.reporter}</th>}
          <th scope="col">{nm.list.section}</th>
          <th scope="col">{nm.list.status}</th>
          {queue && rows && <th scope="col">{nm.list.requestedAt}</th>}
          {queue && rows && <th scope="col">{nm.list.length}</th>}
          <th scope="col">{nm.list.updated}</th>
          <th scope="col">{nm.list.actions}</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((a) => {
          const row = rows?.get(a.id)
          return (
            <tr data-article-id={a.id}>
              {props.selectable && (
                <td class="w-select">
                  <input
                    type="checkbox"
                    name="ids"
                    value={String(a.id)}
                    form="bulk-approve"
                    aria-label={`${nm.list.select}: ${a.headline}`}
                  />
                </td>
              )}
              <td class="w-headline">
                {a.status === 'withdrawn' ? (
                  a.headline
                ) : (
                  <a href={`/newsroom/articles/${a.id}/edit`}>{a.headline}</a>
                )}
                {a.status === 'returned' && a.deskNote && <p class="desk-note">{a.deskNote}</p>}
              </td>
              {rows && <td class="w-reporters">{row?.reporters ?? ''}</td>}
              <td class="w-section">{sectionName(props.sections, a.sectionId)}</td>
              <td class="w-status">
                <span class={`status status-${a.status}`}>{nm.status[a.status]}</span>
                {a.status === 'scheduled' && a.scheduledAt && ` ${formatKoreaDateTime(a.scheduledAt)}`}
              </td>
              {queue && rows && (
                <td class="w-requested">
                  {row?.requestedAt && (
                    <>
                      <span class="w-label">{nm.list.requestedAt} </span>
                      {formatKoreaDateTime(row.requestedAt)}
                    </>
                  )}
                </td>
              )}
              {queue && rows && <td class="w-length">{msg(nm.list.chars, { count: row?.chars ?? 0 })}</td>}
              <td class="w-updated">
                <span class="w-label">{nm.list.updated} </span>
                {formatKoreaDateTime(a.updatedAt)}
              </td>
              <td class="w-actions">
                <a href={`/newsroom/articles/${a.id}/preview`}>{nm.list.preview}</a>{' '}
                <a href={`/newsroom/articles/${a.id}/history`}>{nm.list.history}</a>
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

export function DashboardView(props: {
  frame: Frame
  sections: SectionRef[]
  lists: { drafts: WorkItem[]; waiting: WorkItem[]; returned: WorkItem[]; scheduled: WorkItem[] }
  mostRead: RankedLink[]
  inbox: { unread: number; urgent: { id: number; kind: RequestKind; subject: string }[] } | null
}) {
  const staff = props.frame.staff!
  const s = props.sections
  return (
    <NewsroomLayout frame={props.frame} title={nm.dashboard.title} wide>
      <p>{msg(nm.dashboard.hello, { name: staff.name, role: nm.roles[staff.role] })}</p>
      <div class="grid">
        <section>
          <h2>{nm.dashboard.returned}</h2>
          <WorkTable items={props.lists.returned} sections={s} />
        </section>
        <section>
          <h2>{nm.dashboard.myDrafts}</h2>
          <WorkTable items={props.lists.drafts} sections={s} />
        </section>
        <section>
          <h2>{nm.dashboard.waiting}</h2>
          <WorkTable items={props.lists.waiting} sections={s} />
        </section>
        <section>
          <h2>{nm.dashboard.scheduled}</h2>
          <WorkTable items={props.lists.scheduled} sections={s} />
        </section>
        <section>
          <h2>{nm.dashboard.mostRead}</h2>
          {props.mostRead.length === 0 ? (
            <p class="empty">{nm.dashboard.empty}</p>
          ) : (
            <ol>
              {props.mostRead.map((r) => (
                <li>
                  <a href={r.url}>{r.headline}</a>
                </li>
              ))}
            </ol>
          )}
        </section>
        {isDesk(staff) && (
          <section>
            <h2>{nm.dashboard.tips}</h2>
            <p>
              <a href="/newsroom/inbox">
                {msg(nm.dashboard.inboxUnread, { count: props.inbox?.unread ?? 0 })}
              </a>
            </p>
            {props.inbox && props.inbox.urgent.length > 0 && (
              <div class="inbox-urgent" role="alert">
                <h3>{nm.dashboard.inboxUrgent}</h3>
                <ul>
                  {props.inbox.urgent.map((r) => (
                    <li>
                      <a href={`/newsroom/inbox/${r.id}`}>
                        <strong>{inboxMessages.kinds[r.kind]}</strong> {r.subject}
                      </a>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </section>
        )}
      </div>
    </NewsroomLayout>
  )
}

export function ArticleListView(props: {
  frame: Frame
  view: 'mine' | 'waiting' | 'all'
  items: WorkItem[]
  sections: SectionRef[]
  notice: string | null
  search?: ListSearch
  /** Staff with a byline, for the reporter filter. */
  reporters?: { id: number; name: string }[]
  rows?: Map<number, RowDetails>
  /** The lists' script (select-all in the desk queue), when the page needs it. */
  script?: string | null
}) {
  const desk = isDesk(props.frame.staff!)
  const waiting = props.view === 'waiting' && desk
  return (
    <NewsroomLayout
      frame={props.frame}
      title={waiting ? nm.dashboard.waiting : nm.list.title}
      notice={props.notice}
      wide
      scripts={props.script ? [props.script] : undefined}
    >
      {desk && (
        <nav class="tabs" aria-label={nm.list.title}>
          <a href="/newsroom/articles?view=mine" aria-current={props.view === 'mine' ? 'page' : undefined}>
            {nm.list.mine}
          </a>
          <a href="/newsroom/articles?view=waiting" aria-current={waiting ? 'page' : undefined}>
            {nm.nav.desk}
          </a>
          <a href="/newsroom/articles?view=all" aria-current={props.view === 'all' ? 'page' : undefined}>
            {nm.list.all}
          </a>
        </nav>
      )}
      {props.search && !waiting && (
        <ListSearchForm
          view={props.view}
          sections={props.sections}
          reporters={props.reporters ?? []}
          search={props.search}
        />
      )}
      <WorkTable items={props.items} sections={props.sections} selectable={waiting} rows={props.rows} />
      {props.search && <Pager view={props.view} search={props.search} />}
      {waiting && props.items.length > 0 && (
        <form id="bulk-approve" method="post" action="/newsroom/articles/bulk-approve" class="inline">
          <Csrf token={props.frame.csrf} />
          <label>
            {nm.desk.grade}{' '}
            <select name="grade">
              {(['normal', 'important', 'headline'] as const).map((g) => (
                <option value={g}>{nm.grades[g]}</option>
              ))}
            </select>
          </label>{' '}
          <button type="submit">{nm.list.bulkApprove}</button>
        </form>
      )}
    </NewsroomLayout>
  )
}

/** The list's search, filters and paging state, from the address. */
export interface ListSearch {
  q: string
  section: number | null
  status: ArticleStatus | null
  reporter: number | null
  grade: ArticleGrade | null
  /** Korea-time days `YYYY-MM-DD`, or empty. */
  from: string
  to: string
  page: number
  hasMore: boolean
  /** Matches when words were searched. */
  total: number | null
}

const listUrl = (view: string, s: ListSearch, page: number) => {
  const params = new URLSearchParams({ view })
  if (s.q) params.set('q', s.q)
  if (s.status) params.set('status', s.status)
  if (s.section) params.set('section', String(s.section))
  if (s.reporter) params.set('reporter', String(s.reporter))
  if (s.grade) params.set('grade', s.grade)
  if (s.from) params.set('from', s.from)
  if (s.to) params.set('to', s.to)
  if (page > 1) params.set('page', String(page))
  return `/newsroom/articles?${params}`
}

const STATUSES = ['draft', 'submitted', 'returned', 'scheduled', 'published', 'withdrawn'] as const
const GRADES = ['headline', 'important', 'normal'] as const

function ListSearchForm(props: {
  view: string
  sections: SectionRef[]
  reporters: { id: number; name: string }[]
  search: ListSearch
}) {
  const s = props.search
  return (
    <form method="get" action="/newsroom/articles" class="list-search" role="search">
      <input type="hidden" name="view" value={props.view} />
      <label class="list-q">
        {nm.list.searchLabel} <input type="search" name="q" value={s.q} maxLength={200} />
      </label>
      <label>
        {nm.list.status}{' '}
        <select name="status">
          <option value="">{nm.list.allStatuses}</option>
          {STATUSES.map((v) => (
            <option value={v} selected={v === s.status}>
              {nm.status[v]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {nm.list.section}{' '}
        <select name="section">
          <option value="">{nm.list.allSections}</option>
          {props.sections.map((x) => (
            <option value={x.id} selected={x.id === s.section}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {props.view !== 'mine' && (
        <label>
          {nm.list.reporter}{' '}
          <select name="reporter">
            <option value="">{nm.list.allReporters}</option>
            {props.reporters.map((r) => (
              <option value={r.id} selected={r.id === s.reporter}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        {nm.desk.grade}{' '}
        <select name="grade">
          <option value="">{nm.list.allGrades}</option>
          {GRADES.map((g) => (
            <option value={g} selected={g === s.grade}>
              {nm.grades[g]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {nm.list.from} <input type="date" name="from" value={s.from} />
      </label>
      <label>
        {nm.list.to} <input type="date" name="to" value={s.to} />
      </label>
      <button type="submit">{nm.list.searchSubmit}</button>
      {s.total !== null && <p role="status">{msg(nm.list.searchTotal, { count: s.total })}</p>}
    </form>
  )
}

function Pager(props: { view: string; search: ListSearch }) {
  const { page, hasMore } = props.search
  if (page === 1 && !hasMore) return null
  return (
    <nav class="pager" aria-label={nm.list.pages}>
      {page > 1 && <a href={listUrl(props.view, props.search, page - 1)}>{nm.list.previous}</a>}{' '}
      <span aria-current="page">{msg(nm.list.page, { n: page })}</span>{' '}
      {hasMore && <a href={listUrl(props.view, props.search, page + 1)}>{nm.list.next}</a>}
    </nav>
  )
}

export function NewArticleView(props: {
  frame: Frame
  sections: SectionRef[]
  headline?: string
  error?: string
}) {
  return (
    <NewsroomLayout frame={props.frame} title={nm.newArticle.title} error={props.error}>
      {props.sections.length === 0 && (
        // A new outlet has no sections yet: the form could not be sent, so say why and where.
        <p class="desk-note">
          {sm.sections.noneForArticle}{' '}
          {props.frame.staff?.role === 'admin' && <a href="/newsroom/sections">{sm.sections.title}</a>}
        </p>
      )}
      <form method="post" action="/newsroom/articles/new" class="stack">
        <Csrf token={props.frame.csrf} />
        <label>
          {nm.newArticle.headline}
          <input name="headline" required maxLength={200} value={props.headline ?? ''} />
        </label>
        <label>
          {nm.newArticle.section}
          <select name="sectionId" required>
            {props.sections.map((s) => (
              <option value={String(s.id)}>{s.name}</option>
            ))}
          </select>
        </label>
        <button type="submit">{nm.newArticle.submit}</button>
      </form>
    </NewsroomLayout>
  )
}
