// The published versions of an article, each compared with the one before, and the log of
// every action taken on it.
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import { nm } from '../newsroom.messages.js'
import type { DiffParagraph } from '../text-diff.js'
import { type Frame, NewsroomLayout } from './layout.js'

/** An event's note as the desk reads it: a schedule in Korea time, a grade in Korean. */
function noteText(action: string, note: string): string {
  if (action === 'scheduled') return formatKoreaDateTime(note)
  if (action === 'approved' && note in nm.grades) return nm.grades[note as keyof typeof nm.grades]
  return note
}

export interface VersionView {
  number: number
  reason: string
  savedAt: string
  correctionNote: string | null
  diff: DiffParagraph[] | null
}

function Diff(props: { diff: DiffParagraph[] }) {
  return (
    <div class="diff">
      {props.diff.map((paragraph) => (
        <p>
          {paragraph.map((s) =>
            s.kind === 'added' ? (
              <ins title={nm.history.added}>{s.text}</ins>
            ) : s.kind === 'removed' ? (
              <del title={nm.history.removed}>{s.text}</del>
            ) : (
              s.text
            ),
          )}
        </p>
      ))}
    </div>
  )
}

export function HistoryView(props: {
  frame: Frame
  articleId: number
  headline: string
  versions: VersionView[]
  events: { id: number; action: string; note: string | null; createdAt: string; staffName: string | null }[]
}) {
  return (
    <NewsroomLayout frame={props.frame} title={`${nm.history.title}: ${props.headline}`} wide>
      {props.versions.length === 0 && <p class="empty">{nm.history.noVersions}</p>}
      {[...props.versions].reverse().map((v) => (
        <section class="version" aria-labelledby={`v${v.number}`}>
          <h2 id={`v${v.number}`}>
            {msg(nm.history.version, { n: v.number })} · {nm.history.reasons[v.reason] ?? v.reason} ·{' '}
            <time datetime={v.savedAt}>{formatKoreaDateTime(v.savedAt)}</time>
          </h2>
          {v.correctionNote && <p class="correction-note">{v.correctionNote}</p>}
          {v.diff && (
            <>
              <h3>{nm.history.diffWith}</h3>
              <Diff diff={v.diff} />
            </>
          )}
        </section>
      ))}
      <section aria-labelledby="events-title">
        <h2 id="events-title">{nm.history.events}</h2>
        <ol class="events">
          {props.events.map((e) => (
            <li>
              <time datetime={e.createdAt}>{formatKoreaDateTime(e.createdAt)}</time>{' '}
              <strong>{nm.history.actions[e.action] ?? e.action}</strong>{' '}
              {e.staffName ?? nm.history.scheduler}
              {e.note && ` — ${noteText(e.action, e.note)}`}
            </li>
          ))}
        </ol>
      </section>
    </NewsroomLayout>
  )
}
