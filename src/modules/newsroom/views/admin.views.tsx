// Home curation (slots and 투데이포토), staff management and comment moderation.
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import type { SectionRef } from '../../articles/index.js'
import { commentMessages } from '../../comments/index.js'
import type { StaffMember } from '../../staff/index.js'
import { HEADLINE_SLOTS, type HomePins, SECTION_SLOTS } from '../home-curation.js'
import { nm } from '../newsroom.messages.js'
import type { ModerationFilter, ModerationItem } from '../routes/moderation.port.js'
import { sm } from '../settings.messages.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

type Candidate = { id: number; headline: string; sectionId: number; leadPhotoId: number | null }

function SlotSelect(props: { name: string; label: string; value: number | null; options: Candidate[] }) {
  return (
    <label>
      {props.label}
      <select name={props.name}>
        <option value="">{nm.home.auto}</option>
        {props.options.map((o) => (
          <option value={String(o.id)} selected={o.id === props.value}>
            {o.headline}
          </option>
        ))}
      </select>
    </label>
  )
}

export function HomeCurationView(props: {
  frame: Frame
  pins: HomePins
  sections: SectionRef[]
  candidates: Candidate[]
  todayPicks: number[]
  notice: string | null
}) {
  const { pins } = props
  return (
    <NewsroomLayout frame={props.frame} title={nm.home.title} notice={props.notice} wide>
      <p>{nm.home.help}</p>
      <form method="post" action="/newsroom/home" class="stack">
        <Csrf token={props.frame.csrf} />
        <fieldset>
          <legend>{nm.home.top}</legend>
          {Array.from({ length: HEADLINE_SLOTS }, (_, i) => (
            <SlotSelect
              name={`h${i}`}
              label={i === 0 ? nm.home.top : msg(nm.home.headlines, { n: i })}
              value={pins.headlines[i] ?? null}
              options={props.candidates}
            />
          ))}
        </fieldset>
        {props.sections.map((s) => (
          <fieldset>
            <legend>{s.name}</legend>
            {Array.from({ length: SECTION_SLOTS }, (_, i) => (
              <SlotSelect
                name={`s${s.id}_${i}`}
                label={msg(nm.home.sectionSlot, { section: s.name, n: i + 1 })}
                value={pins.sections[String(s.id)]?.[i] ?? null}
                options={props.candidates.filter((c) => c.sectionId === s.id)}
              />
            ))}
          </fieldset>
        ))}
        <button type="submit">{nm.home.save}</button>
      </form>
      <form method="post" action="/newsroom/home/today-photos" class="stack">
        <Csrf token={props.frame.csrf} />
        <fieldset>
          <legend>{nm.home.todayPhotos}</legend>
          <p>{nm.home.todayPhotosHelp}</p>
          {props.candidates
            .filter((c) => c.leadPhotoId)
            .map((c) => (
              <label class="check">
                <input
                  type="checkbox"
                  name="ids"
                  value={String(c.id)}
                  checked={props.todayPicks.includes(c.id)}
                />{' '}
                {c.headline}
              </label>
            ))}
        </fieldset>
        <button type="submit">{nm.home.todayPhotosSave}</button>
      </form>
    </NewsroomLayout>
  )
}

export function StaffView(props: {
  frame: Frame
  members: StaffMember[]
  notice: string | null
  error?: string | null
  invite?: { email: string; name: string }
}) {
  const roles = ['reporter', 'desk', 'admin'] as const
  return (
    <NewsroomLayout frame={props.frame} title={nm.staff.title} notice={props.notice} error={props.error} wide>
      <table class="work">
        <thead>
          <tr>
            <th scope="col">{nm.staff.name}</th>
            <th scope="col">{nm.staff.email}</th>
            <th scope="col">{nm.staff.role}</th>
            <th scope="col">{nm.list.actions}</th>
          </tr>
        </thead>
        <tbody>
          {props.members.map((s) => (
            <tr>
              <td>
                {s.name}
                {!s.hasPassword && <span class="hint"> ({nm.staff.noPassword})</span>}
              </td>
              <td>{s.email}</td>
              <td>
                <form method="post" action={`/newsroom/staff/${s.id}`} class="inline">
                  <Csrf token={props.frame.csrf} />
                  <select name="role" aria-label={`${nm.staff.role}: ${s.name}`}>
                    {roles.map((r) => (
                      <option value={r} selected={s.role === r}>
                        {nm.roles[r]}
                      </option>
                    ))}
                  </select>{' '}
                  <select name="active" aria-label={`${nm.staff.active}: ${s.name}`}>
                    <option value="1" selected={s.active}>
                      {nm.staff.active}
                    </option>
                    <option value="0" selected={!s.active}>
                      {nm.staff.inactive}
                    </option>
                  </select>{' '}
                  <button type="submit">{nm.staff.save}</button>
                </form>
              </td>
              <td>
                <form method="post" action={`/newsroom/staff/${s.id}/reset`} class="inline">
                  <Csrf token={props.frame.csrf} />
                  <button type="submit">{nm.staff.sendReset}</button>
                </form>
                {!s.hasPassword && (
                  <form method="post" action={`/newsroom/staff/${s.id}/invite`} class="inline">
                    <Csrf token={props.frame.csrf} />
                    <button type="submit">{sm.mail.resendInvite}</button>
                  </form>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{nm.staff.inviteTitle}</h2>
      <form method="post" action="/newsroom/staff" class="stack narrow">
        <Csrf token={props.frame.csrf} />
        <label>
          {nm.staff.name}
          <input name="name" required maxLength={50} value={props.invite?.name ?? ''} />
        </label>
        <label>
          {nm.staff.email}
          <input type="email" name="email" required maxLength={200} value={props.invite?.email ?? ''} />
        </label>
        <label>
          {nm.staff.role}
          <select name="role">
            {roles.map((r) => (
              <option value={r}>{nm.roles[r]}</option>
            ))}
          </select>
        </label>
        <button type="submit">{nm.staff.invite}</button>
      </form>
    </NewsroomLayout>
  )
}

export function ModerationView(props: {
  frame: Frame
  filter: ModerationFilter
  items: ModerationItem[] | null
  bannedWords: string[]
  notice: string | null
}) {
  const filters: ModerationFilter[] = ['held', 'reported', 'hidden']
  return (
    <NewsroomLayout frame={props.frame} title={nm.moderation.title} notice={props.notice} wide>
      {props.items === null ? (
        <p class="empty">{nm.moderation.unavailable}</p>
      ) : (
        <>
          <nav class="tabs" aria-label={nm.moderation.title}>
            {filters.map((f) => (
              <a
                href={`/newsroom/moderation?filter=${f}`}
                aria-current={props.filter === f ? 'page' : undefined}
              >
                {nm.moderation[f]}
              </a>
            ))}
          </nav>
          {props.items.length === 0 && <p class="empty">{nm.moderation.empty}</p>}
          <ul class="moderation">
            {props.items.map((c) => (
              <li>
                <p>
                  <a href={`/news/${c.articleId}`}>{c.articleHeadline}</a> · {c.author} ·{' '}
                  {formatKoreaDateTime(c.createdAt)}
                </p>
                <blockquote>{c.body}</blockquote>
                {c.reports > 0 && (
                  <p class="report-reasons">
                    {msg(nm.moderation.reports, {
                      count: c.reports,
                      reasons: c.reportReasons
                        .map((r) => (commentMessages.reportReasons as Record<string, string>)[r] ?? r)
                        .join(', '),
                    })}
                  </p>
                )}
                {(
                  [
                    ['hide', nm.moderation.hide],
                    ['restore', nm.moderation.restore],
                    ['delete', nm.moderation.delete],
                  ] as const
                ).map(([action, label]) => (
                  <form
                    method="post"
                    action={`/newsroom/moderation/comments/${c.id}/${action}`}
                    class="inline"
                  >
                    <Csrf token={props.frame.csrf} />
                    <button type="submit">{label}</button>
                  </form>
                ))}
                {c.readerId && (
                  <form
                    method="post"
                    action={`/newsroom/moderation/readers/${c.readerId}/${c.readerSuspended ? 'reinstate' : 'suspend'}`}
                    class="inline"
                  >
                    <Csrf token={props.frame.csrf} />
                    {c.readerSuspended && <span>{nm.moderation.suspended} </span>}
                    <button type="submit">
                      {c.readerSuspended ? nm.moderation.reinstate : nm.moderation.suspend}
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <form method="post" action="/newsroom/moderation/banned-words" class="stack narrow">
            <Csrf token={props.frame.csrf} />
            <label>
              {nm.moderation.bannedWords}
              <textarea name="words" rows={8}>
                {props.bannedWords.join('\n')}
              </textarea>
            </label>
            <button type="submit">{nm.moderation.saveBanned}</button>
          </form>
        </>
      )}
    </NewsroomLayout>
  )
}
