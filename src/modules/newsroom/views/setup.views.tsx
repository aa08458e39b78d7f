// The first-run setup screen: the first admin account and the outlet's name and address.
import { msg } from '../../../platform/i18n/messages.js'
import { MIN_PASSWORD_LENGTH } from '../../../platform/passwords.js'
import type { SetupField } from '../../outlet/index.js'
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import { Field } from './fields.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

const t = sm.setup

export function SetupView(props: {
  frame: Frame
  values: Partial<Record<SetupField, string>>
  errors: Partial<Record<SetupField, string>>
  error?: string | null
}) {
  const { values, errors } = props
  return (
    <NewsroomLayout frame={props.frame} title={t.title} error={props.error}>
      <p>{t.intro}</p>
      <form method="post" action="/setup" class="stack narrow">
        <Csrf token={props.frame.csrf} />
        <Field
          name="outletName"
          label={t.outletName}
          value={values.outletName}
          error={errors.outletName}
          required
        />
        <Field name="address" label={t.address} value={values.address} error={errors.address} required />
        <Field
          name="adminName"
          label={t.adminName}
          value={values.adminName}
          error={errors.adminName}
          required
        />
        <Field
          name="email"
          label={t.email}
          type="email"
          value={values.email}
          error={errors.email}
          required
          autocomplete="username"
        />
        <Field
          name="password"
          label={msg(t.password, { min: MIN_PASSWORD_LENGTH })}
          type="password"
          error={errors.password}
          required
          autocomplete="new-password"
        />
        <Field
          name="passwordAgain"
          label={t.passwordAgain}
          type="password"
          error={errors.passwordAgain}
          required
          autocomplete="new-password"
        />
        <button type="submit">{t.submit}</button>
      </form>
    </NewsroomLayout>
  )
}

export function SetupDoneView(props: { frame: Frame }) {
  return (
    <NewsroomLayout frame={props.frame} title={t.title} error={t.done}>
      <a href="/newsroom/login">{nm.login.title}</a>
    </NewsroomLayout>
  )
}
