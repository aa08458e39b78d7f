// Home curation (slots and 투데이포토), staff management and comment moderation.
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import { type ArticleCard, type HomeZones, OPINION_SLUG, type SectionRef } from '../../articles/index.js'
import { commentMessages } from '../../comments/index.js'
import { Picture } from '../../media/index.js'
import type { StaffMember } from '../../staff/index.js'
import { HEADLINE_SLOTS, type HomePins, MAJOR_SLOTS, parseSlotKey, SECTION_SLOTS } from '../home-curation.js'
import { nm } from '../newsroom.messages.js'
import type { ModerationFilter, ModerationItem } from '../routes/moderation.port.js'
import { sm } from '../settings.messages.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

type Candidate = { id: number; headline: string; sectionId: number; leadPhotoId: number | null }
type Hit = { id: number; headline: string; publishedAt: string | null }

/** What a slot is called on the editor (`h0` 톱기사, `m2` 주요 기사 3, `s4_0` 정치 1). */
function slotName(key: string, sections: readonly SectionRef[]): string {
  const slot = parseSlotKey(key)
  if (!slot) return key
  if (slot.zone !== 's')
    return slot.zone === 'm'
      ? msg(nm.home.major, { n: slot.index + 1 })
      : slot.index === 0
        ? nm.home.top
        : msg(nm.home.headlines, { n: slot.index })
  const section = sections.find((s) => s.id === slot.section)
  return msg(nm.home.sectionSlot, { section: section?.name ?? '', n: slot.index + 1 })
}

/** One slot as it will show, with its state and the ways to change it. */
function Slot(props: {
  slotKey: string
  name: string
  card: ArticleCard | null | undefined
  pinned: boolean
  csrf: string
  current: boolean
  big?: boolean
  /** Whether the reader's home shows this slot's photo (the others are headlines only). */
  photo: boolean
}) {
  const { card } = props
  return (
    <div
      class={`slot${props.big ? ' slot-big' : ''}${props.current ? ' slot-current' : ''}`}
      id={`slot-${props.slotKey}`}
    >
      <p class="slot-head">
        <span class="slot-name">{props.name}</span>{' '}
        <span class={props.pinned ? 'slot-state pinned' : 'slot-state'}>
          {props.pinned ? nm.home.pinned : nm.home.automatic}
        </span>
      </p>
      {props.photo && card?.leadPhoto && (
        <Picture photo={card.leadPhoto} sizes={props.big ? '400px' : '200px'} width={320} alt="" />
      )}
      {card ? (
        <a class="slot-title" href={card.url}>
          {card.headline}
        </a>
      ) : (
        <p class="empty">{nm.home.emptySlot}</p>
      )}
      <p class="slot-actions">
        <a
          class="button"
          href={`/newsroom/home?slot=${props.slotKey}`}
          aria-label={msg(nm.home.fillLabel, { slot: props.name })}
        >
          {nm.home.fill}
        </a>
        {props.pinned && (
          <form method="post" action="/newsroom/home" class="inline">
            <Csrf token={props.csrf} />
            <input type="hidden" name="slot" value={props.slotKey} />
            <input type="hidden" name="id" value="" />
            <button type="submit" aria-label={msg(nm.home.unpinLabel, { slot: props.name })}>
              {nm.home.unpin}
            </button>
          </form>
        )}
      </p>
    </div>
  )
}

export function HomeCurationView(props: {
  frame: Frame
  pins: HomePins
  zones: HomeZones | null
  sections: SectionRef[]
  candidates: Candidate[]
  todayPicks: number[]
  /** The slot being filled (`?slot=`), and the words searched for it. */
  slot: string | null
  words: string
  results: Hit[] | null
  now: Date
  notice: string | null
}) {
  const { pins, zones } = props
  const csrf = props.frame.csrf
  const menu = props.sections.filter(
    (s) => !s.hidden && (s.parentId ?? null) === null && s.slug !== OPINION_SLUG,
  )
  const slotKeys = [
    ...Array.from({ length: HEADLINE_SLOTS }, (_, i) => `h${i}`),
    ...Array.from({ length: MAJOR_SLOTS }, (_, i) => `m${i}`),
    ...menu.flatMap((s) => Array.from({ length: SECTION_SLOTS }, (_, i) => `s${s.id}_${i}`)),
  ]
  const name = (key: string) => slotName(key, props.sections)
  const slot = (
    key: string,
    card: ArticleCard | null | undefined,
    pinnedId: number | null | undefined,
    big = false,
  ) => (
    <Slot
      slotKey={key}
      name={name(key)}
      card={card}
      pinned={pinnedId != null && pinnedId === card?.id}
      csrf={csrf}
      current={props.slot === key}
      big={big}
      photo={big || key.startsWith('m') || key.endsWith('_0')}
    />
  )
  const blockOf = (id: number) => zones?.sectionBlocks.find((b) => b.section.id === id)?.articles ?? []
  const breaking =
    pins.breaking && Date.parse(pins.breaking.until) > props.now.getTime() ? pins.breaking : null
  return (
    <NewsroomLayout frame={props.frame} title={nm.home.title} notice={props.notice} wide>
      <p>{nm.home.help}</p>
      <section class="fill-panel" id="fill" aria-labelledby="fill-title">
        <h2 id="fill-title">{nm.home.fillTitle}</h2>
        <form method="get" action="/newsroom/home" class="fill-form">
          <label>
            {nm.home.slotLabel}
            <select name="slot">
              {slotKeys.map((key) => (
                <option value={key} selected={key === props.slot}>
                  {name(key)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {nm.home.searchLabel}
            <input type="search" name="q" value={props.words} autofocus={props.slot !== null} required />
          </label>
          <button type="submit">{nm.home.searchButton}</button>
        </form>
        {props.results &&
          (props.results.length === 0 ? (
            <p class="empty">{msg(nm.home.noResults, { q: props.words })}</p>
          ) : (
            <ul class="fill-results">
              {props.results.map((hit) => (
                <li>
                  <span class="fill-headline">{hit.headline}</span>{' '}
                  {hit.publishedAt && <span class="muted">{formatKoreaDateTime(hit.publishedAt)}</span>}{' '}
                  {props.slot ? (
                    <form method="post" action="/newsroom/home" class="inline">
                      <Csrf token={csrf} />
                      <input type="hidden" name="slot" value={props.slot} />
                      <input type="hidden" name="id" value={String(hit.id)} />
                      <button
                        type="submit"
                        aria-label={msg(nm.home.putLabel, { headline: hit.headline, slot: name(props.slot) })}
                      >
                        {nm.home.put}
                      </button>
                    </form>
                  ) : null}
                </li>
              ))}
            </ul>
          ))}
        {props.results && !props.slot && <p>{nm.home.chooseSlot}</p>}
      </section>

      <section class="zone breaking-zone" aria-labelledby="breaking-title">
        <h2 id="breaking-title">{nm.home.breaking}</h2>
        <p>{nm.home.breakingHelp}</p>
        {breaking && (
          <p class="breaking-now">
            {msg(nm.home.breakingNow, { text: breaking.text, until: formatKoreaDateTime(breaking.until) })}
          </p>
        )}
        <form method="post" action="/newsroom/home/breaking" class="fill-form">
          <Csrf token={csrf} />
          <label>
            {nm.home.breakingText}
            <input type="text" name="text" maxLength={120} value={breaking?.text ?? ''} />
          </label>
          <label>
            {nm.home.breakingArticle}
            <input
              type="text"
              inputMode="numeric"
              name="articleId"
              value={breaking?.articleId ? String(breaking.articleId) : ''}
            />
          </label>
          <label>
            {nm.home.breakingHours}
            <select name="hours">
              {[1, 3, 6, 12, 24].map((n) => (
                <option value={String(n)} selected={n === 3}>
                  {msg(nm.home.breakingHoursOption, { n })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{nm.home.breakingPost}</button>
          {breaking && (
            <button type="submit" name="remove" value="1">
              {nm.home.breakingRemove}
            </button>
          )}
        </form>
      </section>

      <div class="home-preview">
        <section class="zone zone-top" aria-labelledby="zone-top-title">
          <h2 id="zone-top-title">{nm.home.top}</h2>
          <div class="zone-top-grid">
            {slot('h0', zones?.top, pins.headlines[0], true)}
            <div class="slot-list">
              {Array.from({ length: HEADLINE_SLOTS - 1 }, (_, i) =>
                slot(`h${i + 1}`, zones?.subs[i], pins.headlines[i + 1]),
              )}
            </div>
          </div>
        </section>
        <section class="zone" aria-labelledby="zone-major-title">
          <h2 id="zone-major-title">{nm.home.majorZone}</h2>
          <div class="slot-row">
            {Array.from({ length: MAJOR_SLOTS }, (_, i) => slot(`m${i}`, zones?.major[i], pins.major[i]))}
          </div>
        </section>
        <div class="zone-sections">
          {menu.map((s) => (
            <section class="zone" aria-labelledby={`zone-s${s.id}`}>
              <h2 id={`zone-s${s.id}`}>{s.name}</h2>
              {Array.from({ length: SECTION_SLOTS }, (_, i) =>
                slot(`s${s.id}_${i}`, blockOf(s.id)[i], pins.sections[String(s.id)]?.[i]),
              )}
            </section>
          ))}
        </div>
        {zones && zones.columns.length > 0 && (
          <section class="zone" aria-labelledby="zone-opinion">
            <h2 id="zone-opinion">{nm.home.opinion}</h2>
            <ul>
              {zones.columns.map((c) => (
                <li>
                  <a href={c.url}>{c.headline}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>

      <form method="post" action="/newsroom/home/today-photos" class="stack">
        <Csrf token={csrf} />
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
