// A staff member's own public profile: what readers see in bylines and on the reporter page.
import { msg } from '../../../platform/i18n/messages.js'
import { sm } from '../settings.messages.js'
import { Field } from './fields.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const t = sm.profile

export interface ProfileValues {
  name: string
  department: string
  bio: string
  publicEmail: string
}

export function ProfileView(props: {
  frame: Frame
  loginEmail: string
  photoUrl: string | null
  values: ProfileValues
  errors: Partial<Record<keyof ProfileValues | 'photo', string>>
  notice?: string | null
  error?: string | null
}) {
  const { values, errors } = props
  return (
    <NewsroomLayout frame={props.frame} title={t.title} notice={props.notice} error={props.error}>
      <p class="hint">{msg(t.intro, { email: props.loginEmail })}</p>
      <form method="post" action="/newsroom/profile" enctype="multipart/form-data" class="stack narrow">
        <Csrf token={props.frame.csrf} />
        <Field name="name" label={t.name} value={values.name} error={errors.name} required maxLength={50} />
        <Field name="department" label={t.department} value={values.department} error={errors.department} />
        <Field name="bio" label={t.bio} value={values.bio} error={errors.bio} multiline maxLength={500} />
        <Field
          name="publicEmail"
          label={t.publicEmail}
          type="email"
          value={values.publicEmail}
          error={errors.publicEmail}
        />
        <div class={errors.photo ? 'field invalid' : 'field'}>
          <label for="photo">{t.photo}</label>
          {props.photoUrl && <img class="preview-img" src={props.photoUrl} width={96} height={96} alt="" />}
          <input id="photo" name="photo" type="file" accept="image/png,image/jpeg,image/webp" />
          {errors.photo && <p class="field-error">{errors.photo}</p>}
          {props.photoUrl && (
            <label>
              <input type="checkbox" name="removePhoto" value="1" /> {t.removePhoto}
            </label>
          )}
        </div>
        <button type="submit">{t.save}</button>
      </form>
    </NewsroomLayout>
  )
}
