// Static pages (desk and admin): the list, and one page's title and text.
import { msg } from '../../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../../platform/korea-time.js'
import { sm } from '../settings.messages.js'
import { Field } from './fields.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const t = sm.pages

export function PagesListView(props: {
  frame: Frame
  pages: { slug: string; title: string; updatedAt: string }[]
  notice?: string | null
}) {
  return (
    <NewsroomLayout frame={props.frame} title={t.title} notice={props.notice} wide>
      <table class="work">
        <thead>
          <tr>
            <th scope="col">{t.pageTitle}</th>
            <th scope="col">{t.updated}</th>
            <th scope="col">{t.view}</th>
          </tr>
        </thead>
        <tbody>
          {props.pages.map((p) => (
            <tr>
              <td>
                <a href={`/newsroom/pages/${p.slug}`}>{p.title}</a>
              </td>
              <td>{formatKoreaDateTime(p.updatedAt)}</td>
              <td>
                <a href={`/page/${p.slug}`}>{`/page/${p.slug}`}</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </NewsroomLayout>
  )
}

/** How many `[빈칸: …]` marks the outlet still has to fill. */
export const blanksIn = (text: string) => text.split('[빈칸:').length - 1

export function PageEditView(props: {
  frame: Frame
  slug: string
  title: string
  text: string
  errors: { title?: string; body?: string }
  notice?: string | null
}) {
  const blanks = blanksIn(props.text)
  return (
    <NewsroomLayout frame={props.frame} title={`${t.title}: ${props.title}`} notice={props.notice} wide>
      {blanks > 0 && <p class="desk-note">{msg(t.blanks, { count: blanks })}</p>}
      <form method="post" action={`/newsroom/pages/${props.slug}`} class="stack">
        <Csrf token={props.frame.csrf} />
        <Field
          name="title"
          label={t.pageTitle}
          value={props.title}
          error={props.errors.title}
          required
          maxLength={100}
        />
        <div class={props.errors.body ? 'field invalid' : 'field'}>
          <label for="body">{t.body}</label>
          <p class="hint" id="body-help">
            {t.help}
          </p>
          <textarea id="body" name="body" rows={28} aria-describedby="body-help">
            {props.text}
          </textarea>
          {props.errors.body && <p class="field-error">{props.errors.body}</p>}
        </div>
        <button type="submit">{t.save}</button>
        <a href={`/page/${props.slug}`}>{t.view}</a>
      </form>
    </NewsroomLayout>
  )
}
