// The newsroom's inbox: the list with the statutory clocks, and one request with everything
// needed to work it. Personal data (contact, attachment) is on these desk-only pages alone.
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import {
  type InboxService,
  inboxMessages,
  type RequestSummary,
  type StatutoryClock,
} from '../../inbox/index.js'
import { nm } from '../newsroom.messages.js'
import { isAdmin } from '../newsroom.policy.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const t = nm.inbox
const kinds = inboxMessages.kinds
type Detail = Awaited<ReturnType<InboxService['get']>>
export interface StaffOption {
  id: number
  name: string
}

function Deadline(props: { label: string; at: string; urgency: string }) {
  const flag = t.urgency[props.urgency]
  return (
    <span class={`deadline deadline-${props.urgency}`}>
      {msg(props.label, { date: formatKoreaDateTime(props.at) })}
      {flag && <strong class="deadline-flag">{` ${flag}`}</strong>}
    </span>
  )
}

function Clock(props: { clock: StatutoryClock | undefined; full?: boolean }) {
  const c = props.clock
  if (!c) return null
  return (
    <div class="inbox-clock">
      <Deadline label={t.answerBy} at={c.answerBy} urgency={c.answer} />
      <br />
      <Deadline label={t.publishBy} at={c.publishBy} urgency={c.publication} />
      {c.lateFlags.length > 0 &&
        (props.full ? (
          c.lateFlags.map((f) => (
            <p class="inbox-late" role="note">
              {t.late[f]}
            </p>
          ))
        ) : (
          <p class="inbox-late">{t.lateShort}</p>
        ))}
    </div>
  )
}

export function InboxListView(props: {
  frame: Frame
  items: RequestSummary[]
  filter: { status: string; kind: string; q: string }
  retentionDays: number
  notice: string | null
}) {
  const admin = isAdmin(props.frame.staff!)
  return (
    <NewsroomLayout frame={props.frame} title={t.title} notice={props.notice} wide>
      <p>{t.intro}</p>
      <form method="get" action="/newsroom/inbox" class="inbox-filter">
        <label for="inbox-status">{t.filterStatus}</label>
        <select id="inbox-status" name="status">
          {(
            [
              ['open', t.statusOpen],
              ['closed', t.statusClosed],
              ['all', t.statusAll],
            ] as const
          ).map(([v, label]) => (
            <option value={v} selected={props.filter.status === v}>
              {label}
            </option>
          ))}
        </select>
        <label for="inbox-kind">{t.filterKind}</label>
        <select id="inbox-kind" name="kind">
          <option value="">{t.kindAll}</option>
          {Object.entries(kinds).map(([v, label]) => (
            <option value={v} selected={props.filter.kind === v}>
              {label}
            </option>
          ))}
        </select>
        <label for="inbox-q">{t.search}</label>
        <input id="inbox-q" name="q" value={props.filter.q} maxLength={100} />
        <button type="submit">{t.searchSubmit}</button>
      </form>
      {admin && (
        <p>
          <a href="/newsroom/inbox/register.csv">{t.exportCsv}</a>
        </p>
      )}
      {props.items.length === 0 ? (
        <p class="empty">{t.empty}</p>
      ) : (
        <table class="inbox-table">
          <thead>
            <tr>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.filterKind}</th>
              <th scope="col">{t.subject}</th>
              <th scope="col">{t.requester}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.deadlines}</th>
            </tr>
          </thead>
          <tbody>
            {props.items.map((r) => (
              <tr class={r.status === 'new' ? 'unread' : undefined}>
                <td>{formatKoreaDateTime(r.createdAt)}</td>
                <td>{kinds[r.kind]}</td>
                <td>
                  <a href={`/newsroom/inbox/${r.id}`}>{r.subject}</a>
                </td>
                <td>{r.name}</td>
                <td>{inboxMessages.statuses[r.status] ?? r.status}</td>
                <td>
                  <Clock clock={r.status === 'closed' ? undefined : r.clock} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {admin && (
        <form method="post" action="/newsroom/inbox/settings" class="inbox-settings">
          <h2>{t.settings}</h2>
          <Csrf token={props.frame.csrf} />
          <label for="inbox-retention">{t.retention}</label>{' '}
          <input
            id="inbox-retention"
            name="attachmentRetentionDays"
            type="number"
            min={1}
            max={3650}
            required
            value={String(props.retentionDays)}
          />{' '}
          <button type="submit">{t.settingsSubmit}</button>
        </form>
      )}
    </NewsroomLayout>
  )
}

export function InboxItemView(props: {
  frame: Frame
  item: Detail
  staff: StaffOption[]
  notice: string | null
}) {
  const r = props.item
  const csrf = props.frame.csrf
  const action = (name: string) => `/newsroom/inbox/${r.id}/${name}`
  const statutory = r.kind !== 'tip'
  const closed = r.status === 'closed'
  const staffName = (id: number | null) => props.staff.find((s) => s.id === id)?.name ?? t.system
  return (
    <NewsroomLayout frame={props.frame} title={`${kinds[r.kind]} #${r.id}`} notice={props.notice} wide>
      <p>
        <a href="/newsroom/inbox">{t.title}</a>
      </p>
      <h2>{r.subject}</h2>
      <Clock clock={closed ? undefined : r.clock} full />
      <dl class="inbox-facts">
        <dt>{t.received}</dt>
        <dd>{formatKoreaDateTime(r.createdAt)}</dd>
        <dt>{t.status}</dt>
        <dd>{inboxMessages.statuses[r.status] ?? r.status}</dd>
        <dt>{t.requester}</dt>
        <dd>{r.name}</dd>
        <dt>{t.contact}</dt>
        <dd>{r.contact}</dd>
        {r.articleUrl && (
          <>
            <dt>{t.article}</dt>
            <dd>
              {r.article ? (
                <a href={`/news/${r.article.id}`}>{r.article.headline}</a>
              ) : (
                <>
                  {r.articleUrl} ({t.articleUnknown})
                </>
              )}
            </dd>
          </>
        )}
        {r.disputedPassage && (
          <>
            <dt>{t.disputedPassage}</dt>
            <dd>{r.disputedPassage}</dd>
          </>
        )}
        {r.learnedOn && (
          <>
            <dt>{t.learnedOn}</dt>
            <dd>{r.learnedOn}</dd>
          </>
        )}
        {r.attachmentKey && (
          <>
            <dt>{t.attachment}</dt>
            <dd>
              <a href={action('attachment')} download={r.attachmentName ?? undefined}>
                {r.attachmentName}
              </a>{' '}
              <span class="hint">{t.attachmentNote}</span>
            </dd>
          </>
        )}
        {r.decision && (
          <>
            <dt>{t.decide}</dt>
            <dd>
              {msg(t.decided, {
                decision: r.decision === 'accepted' ? t.accept : t.refuse,
                date: formatKoreaDateTime(r.answeredAt ?? r.createdAt),
              })}
              {r.decisionReason && ` — ${r.decisionReason}`}
            </dd>
          </>
        )}
        {r.publishedAt && (
          <>
            <dt>{t.publish}</dt>
            <dd>
              {msg(t.published, { date: formatKoreaDateTime(r.publishedAt) })}: {r.publishedText}
            </dd>
          </>
        )}
      </dl>
      <div class="inbox-body">{r.body}</div>
      {!closed && (
        <div class="inbox-actions">
          <form method="post" action={action('assign')}>
            <Csrf token={csrf} />
            <label for="inbox-assignee">{t.assignee}</label>{' '}
            <select id="inbox-assignee" name="assigneeId">
              <option value="">{t.unassigned}</option>
              {props.staff.map((s) => (
                <option value={String(s.id)} selected={s.id === r.assigneeId}>
                  {s.name}
                </option>
              ))}
            </select>{' '}
            <button type="submit">{t.assign}</button>
          </form>
          <form method="post" action={action('reply')}>
            <Csrf token={csrf} />
            <label for="inbox-reply">{t.reply}</label>
            <textarea
              id="inbox-reply"
              name="text"
              rows={4}
              maxLength={10000}
              required
              aria-describedby="inbox-reply-hint"
            />
            <p class="hint" id="inbox-reply-hint">
              {t.replyNoEmail}
            </p>
            <button type="submit">{t.replySubmit}</button>
          </form>
          {statutory && !r.decision && (
            <form method="post" action={action('decide')}>
              <Csrf token={csrf} />
              <fieldset>
                <legend>{t.decide}</legend>
                <input type="radio" id="inbox-accept" name="decision" value="accepted" required />{' '}
                <label for="inbox-accept">{t.accept}</label>{' '}
                <input type="radio" id="inbox-refuse" name="decision" value="refused" />{' '}
                <label for="inbox-refuse">{t.refuse}</label>
                <label for="inbox-reason">{t.reason}</label>
                <textarea id="inbox-reason" name="reason" rows={3} maxLength={5000} />
              </fieldset>
              <button type="submit">{t.decideSubmit}</button>
            </form>
          )}
          {statutory && r.decision === 'accepted' && !r.publishedAt && (
            <form method="post" action={action('publish')}>
              <Csrf token={csrf} />
              <label for="inbox-publish">{t.publishText}</label>
              <textarea
                id="inbox-publish"
                name="text"
                rows={5}
                maxLength={5000}
                required
                aria-describedby="inbox-publish-hint"
              />
              <p class="hint" id="inbox-publish-hint">
                {t.publishHint}
              </p>
              <button type="submit">{t.publishSubmit}</button>
            </form>
          )}
          <form method="post" action={action('close')}>
            <Csrf token={csrf} />
            <label for="inbox-close">{t.closeNote}</label>
            <input id="inbox-close" name="note" maxLength={2000} />{' '}
            <button type="submit">{t.closeSubmit}</button>
          </form>
        </div>
      )}
      <h2>{t.log}</h2>
      <ol class="inbox-log">
        {r.steps.map((s) => (
          <li>
            <time datetime={s.at}>{formatKoreaDateTime(s.at)}</time> {t.actions[s.action] ?? s.action} —{' '}
            {staffName(s.staffId)}
            {s.note && s.action !== 'assigned' && s.action !== 'published' && `: ${s.note}`}
            {s.action === 'assigned' && s.note && `: ${staffName(Number(s.note))}`}
          </li>
        ))}
      </ol>
    </NewsroomLayout>
  )
}
