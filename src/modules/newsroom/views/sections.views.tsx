// The admin's sections: the menu's order with sub-sections under their parent, a form to make
// one, and one page per section to rename, move, hide or delete it.
import { msg } from '../../../platform/i18n/messages.js'
import type { AdminSection } from '../../articles/index.js'
import { sm } from '../settings.messages.js'
import { Field } from './fields.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const t = sm.sections

export type SectionErrors = Partial<Record<'name' | 'slug' | 'parentId' | 'moveTo', string>>
export interface SectionValues {
  name: string
  slug: string
  parentId: string
  hidden: boolean
}
export const emptySection: SectionValues = { name: '', slug: '', parentId: '', hidden: false }

function SectionFields(props: {
  sections: AdminSection[]
  values: SectionValues
  errors: SectionErrors
  selfId?: number
}) {
  const parents = props.sections.filter((s) => s.parentId === null && s.id !== props.selfId)
  return (
    <>
      <Field
        name="name"
        label={t.name}
        value={props.values.name}
        error={props.errors.name}
        required
        maxLength={30}
      />
      <Field
        name="slug"
        label={t.slug}
        value={props.values.slug}
        error={props.errors.slug}
        required
        maxLength={40}
      />
      <div class={props.errors.parentId ? 'field invalid' : 'field'}>
        <label for="parentId">{t.parent}</label>
        <select
          id="parentId"
          name="parentId"
          aria-describedby={props.errors.parentId ? 'parentId-error' : undefined}
        >
          <option value="">{t.noParent}</option>
          {parents.map((p) => (
            <option value={String(p.id)} selected={props.values.parentId === String(p.id)}>
              {p.name}
            </option>
          ))}
        </select>
        {props.errors.parentId && (
          <p class="field-error" id="parentId-error">
            {props.errors.parentId}
          </p>
        )}
      </div>
      <label>
        <input type="checkbox" name="hidden" value="1" checked={props.values.hidden} /> {t.hidden}
      </label>
    </>
  )
}

export function SectionsView(props: {
  frame: Frame
  sections: AdminSection[]
  values: SectionValues
  errors: SectionErrors
  notice?: string | null
  error?: string | null
}) {
  const csrf = props.frame.csrf
  return (
    <NewsroomLayout frame={props.frame} title={t.title} notice={props.notice} error={props.error} wide>
      {props.sections.length === 0 ? (
        <p>{t.empty}</p>
      ) : (
        <table class="work">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.slug}</th>
              <th scope="col">{t.articles}</th>
              <th scope="col">{`${t.up} · ${t.down}`}</th>
            </tr>
          </thead>
          <tbody>
            {props.sections.map((s) => (
              <tr>
                <td>
                  {s.parentId !== null && '└ '}
                  <a href={`/newsroom/sections/${s.id}`}>{s.name}</a>
                  {s.hidden && <span class="hint">{` (${t.hidden})`}</span>}
                </td>
                <td>
                  <a href={`/section/${s.slug}`}>{`/section/${s.slug}`}</a>
                </td>
                <td>{String(s.articleCount)}</td>
                <td>
                  <form method="post" action={`/newsroom/sections/${s.id}/move`} class="inline">
                    <Csrf token={csrf} />
                    <button type="submit" name="direction" value="up" aria-label={`${s.name} ${t.up}`}>
                      ↑
                    </button>{' '}
                    <button type="submit" name="direction" value="down" aria-label={`${s.name} ${t.down}`}>
                      ↓
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>{t.createTitle}</h2>
      <form method="post" action="/newsroom/sections" class="stack narrow">
        <Csrf token={csrf} />
        <SectionFields sections={props.sections} values={props.values} errors={props.errors} />
        <button type="submit">{t.create}</button>
      </form>
    </NewsroomLayout>
  )
}

export function SectionEditView(props: {
  frame: Frame
  section: AdminSection
  sections: AdminSection[]
  values: SectionValues
  errors: SectionErrors
  error?: string | null
}) {
  const { section } = props
  const targets = props.sections.filter((s) => s.id !== section.id && s.parentId !== section.id)
  return (
    <NewsroomLayout frame={props.frame} title={`${t.title}: ${section.name}`} error={props.error}>
      <form method="post" action={`/newsroom/sections/${section.id}`} class="stack narrow">
        <Csrf token={props.frame.csrf} />
        <SectionFields
          sections={props.sections}
          values={props.values}
          errors={props.errors}
          selfId={section.id}
        />
        <button type="submit">{t.save}</button>
      </form>
      <h2>{t.remove}</h2>
      <form method="post" action={`/newsroom/sections/${section.id}/delete`} class="stack narrow">
        <Csrf token={props.frame.csrf} />
        {section.articleCount > 0 && (
          <>
            <p>{msg(t.removeConfirm, { count: section.articleCount })}</p>
            <div class={props.errors.moveTo ? 'field invalid' : 'field'}>
              <label for="moveTo">{t.moveTo}</label>
              <select id="moveTo" name="moveTo" required>
                <option value="">-</option>
                {targets.map((s) => (
                  <option value={String(s.id)}>{s.name}</option>
                ))}
              </select>
              {props.errors.moveTo && <p class="field-error">{props.errors.moveTo}</p>}
            </div>
          </>
        )}
        <button type="submit" class="danger">
          {t.remove}
        </button>
      </form>
      <p>
        <a href="/newsroom/sections">{sm.sections.title}</a>
      </p>
    </NewsroomLayout>
  )
}
