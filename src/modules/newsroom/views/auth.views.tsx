// Login, the reset-link request and the set-password form (from an invite or reset link).
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import { Csrf, type Frame, NewsroomLayout } from './layout.js'

export function LoginView(props: {
  frame: Frame
  email?: string
  next?: string
  error?: string | null
  notice?: string | null
}) {
  return (
    <NewsroomLayout frame={props.frame} title={nm.login.title} error={props.error} notice={props.notice}>
      <form method="post" action="/newsroom/login" class="stack narrow">
        <Csrf token={props.frame.csrf} />
        {props.next && <input type="hidden" name="next" value={props.next} />}
        <label>
          {nm.login.email}
          <input type="email" name="email" required autocomplete="username" value={props.email ?? ''} />
        </label>
        <label>
          {nm.login.password}
          <input type="password" name="password" required autocomplete="current-password" />
        </label>
        <button type="submit">{nm.login.submit}</button>
        <a href="/newsroom/reset">{nm.login.forgot}</a>
      </form>
    </NewsroomLayout>
  )
}

export function ResetRequestView(props: { frame: Frame; sent?: boolean }) {
  return (
    <NewsroomLayout
      frame={props.frame}
      title={nm.reset.requestTitle}
      notice={props.sent ? nm.reset.requested : null}
    >
      <form method="post" action="/newsroom/reset" class="stack narrow">
        <Csrf token={props.frame.csrf} />
        <p>{nm.reset.requestHelp}</p>
        <label>
          {nm.login.email}
          <input type="email" name="email" required autocomplete="username" />
        </label>
        <button type="submit">{nm.reset.requestSubmit}</button>
      </form>
    </NewsroomLayout>
  )
}

export function SetPasswordView(props: {
  frame: Frame
  action: string
  invite: boolean
  valid: boolean
  error?: string | null
}) {
  return (
    <NewsroomLayout
      frame={props.frame}
      title={props.invite ? nm.reset.inviteTitle : nm.reset.setTitle}
      error={props.valid ? props.error : nm.reset.invalidLink}
    >
      {props.valid ? (
        <form method="post" action={props.action} class="stack narrow">
          <Csrf token={props.frame.csrf} />
          <label>
            {nm.reset.newPassword}
            <input type="password" name="password" required minLength={10} autocomplete="new-password" />
          </label>
          <label>
            {sm.staff.passwordAgain}
            <input type="password" name="passwordAgain" required minLength={10} autocomplete="new-password" />
          </label>
          <button type="submit">{nm.reset.setSubmit}</button>
        </form>
      ) : (
        <a href="/newsroom/reset">{nm.reset.requestTitle}</a>
      )}
    </NewsroomLayout>
  )
}
