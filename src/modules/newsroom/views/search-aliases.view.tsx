// The desk's alias screen (검색 동의어): the entries the desk added, a form to add one, and the
// built-in list for reference. Everything here is shown as text; Preact escapes it.
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import type { DeskAlias } from '../../search/index.js'
import { nm } from '../newsroom.messages.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const t = nm.searchAliases

export function SearchAliasesView(props: {
  frame: Frame
  entries: DeskAlias[]
  builtin: readonly (readonly string[])[]
  /** Staff names by id, for "added by". */
  names: Map<number, string>
  notice: string | null
  error?: string | null
  /** What the desk typed, kept when the entry was refused. */
  typed?: string
}) {
  return (
    <NewsroomLayout frame={props.frame} title={t.title} notice={props.notice} error={props.error}>
      <p class="hint">{t.intro}</p>
      <h2>{t.addTitle}</h2>
      <form method="post" action="/newsroom/search-aliases" class="stack narrow">
        <Csrf token={props.frame.csrf} />
        <label>
          {t.spellingsLabel}
          <textarea name="spellings" rows={3} required maxLength={600} aria-describedby="alias-hint">
            {props.typed ?? ''}
          </textarea>
        </label>
        <p class="hint" id="alias-hint">
          {t.spellingsHint}
        </p>
        <button type="submit">{t.add}</button>
      </form>
      <h2>{t.deskTitle}</h2>
      {props.entries.length === 0 ? (
        <p>{t.deskEmpty}</p>
      ) : (
        <table class="work aliases">
          <thead>
            <tr>
              <th scope="col">{t.spellings}</th>
              <th scope="col">{t.addedBy}</th>
              <th scope="col">{t.addedAt}</th>
              <th scope="col">{t.actions}</th>
            </tr>
          </thead>
          <tbody>
            {props.entries.map((entry) => {
              const spellings = entry.spellings.join(t.separator)
              return (
                <tr>
                  <td>{spellings}</td>
                  <td>{props.names.get(entry.createdBy) ?? ''}</td>
                  <td>{formatKoreaDateTime(entry.createdAt)}</td>
                  <td>
                    <form method="post" action={`/newsroom/search-aliases/${entry.id}/delete`} class="inline">
                      <Csrf token={props.frame.csrf} />
                      <button type="submit" aria-label={msg(t.removeLabel, { spellings })}>
                        {t.remove}
                      </button>
                    </form>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <details class="builtin-aliases">
        <summary>{msg(t.builtinTitle, { count: props.builtin.length })}</summary>
        <p class="hint">{t.builtinIntro}</p>
        <ul>
          {props.builtin.map((group) => (
            <li>{group.join(t.separator)}</li>
          ))}
        </ul>
      </details>
    </NewsroomLayout>
  )
}
