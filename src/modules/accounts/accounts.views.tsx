// The account chooser, the login failure page and the reader's profile page.
import { msg } from '../../platform/i18n/messages.js'
import { Layout } from '../../platform/views/layout.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { accountMessages as m } from './accounts.messages.js'
import { ProviderButtons } from './provider-buttons.js'
import type { Reader } from './reader-auth.js'

export function ChooserView(props: {
  site: SiteContext
  providers: { id: string; label: string }[]
  returnTo: string
  guestWriteUrl: string | null
}) {
  const back = encodeURIComponent(props.returnTo)
  return (
    <Layout site={props.site} meta={{ title: m.chooserTitle, path: '/comments/login', noindex: true }}>
      <section class="account-box account-chooser">
        <h1>{m.chooserTitle}</h1>
        <p>{m.chooserIntro}</p>
        {props.providers.length === 0 && !props.guestWriteUrl && <p>{m.noProviders}</p>}
        <ul class="providers">
          <ProviderButtons
            providers={props.providers}
            href={(id) => `/comments/login/${id}?return=${back}`}
          />
          {props.guestWriteUrl && (
            <li>
              <a class="button provider provider-guest" href={props.guestWriteUrl}>
                {m.guestWrite}
              </a>
            </li>
          )}
        </ul>
        <p>
          <a href={props.returnTo}>{m.back}</a>
        </p>
      </section>
    </Layout>
  )
}

/** 회원 탈퇴: one page, one button, as easy as the one tap that signed the reader up. */
export function DeleteAccountView(props: {
  site: SiteContext
  reader: Reader
  csrfToken: string
  comments: 'keep' | 'delete'
}) {
  return (
    <Layout
      site={props.site}
      meta={{ title: m.deleteTitle, path: '/comments/account/delete', noindex: true }}
    >
      <section class="account-box">
        <h1>{m.deleteTitle}</h1>
        <p>{m.deleteIntro}</p>
        <p>{props.comments === 'delete' ? m.deleteErase : m.deleteKeep}</p>
        <form method="post" action="/comments/account/delete">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <button type="submit">{m.deleteConfirm}</button> <a href="/comments/profile">{m.cancel}</a>
        </form>
      </section>
    </Layout>
  )
}

export function AccountDeletedView(props: { site: SiteContext }) {
  return (
    <Layout
      site={props.site}
      meta={{ title: m.deleteTitle, path: '/comments/account/delete', noindex: true }}
    >
      <section class="account-box">
        <h1>{m.deleteTitle}</h1>
        <p role="status">{m.deleted}</p>
        <p>
          <a class="button" href="/">
            {m.home}
          </a>
        </p>
      </section>
    </Layout>
  )
}

export function LoginFailedView(props: { site: SiteContext; retryUrl: string; suspended: boolean }) {
  return (
    <Layout site={props.site} meta={{ title: m.loginFailedTitle, path: '/comments/login', noindex: true }}>
      <section class="account-box">
        <h1>{m.loginFailedTitle}</h1>
        <p>{props.suspended ? m.suspended : m.loginFailed}</p>
        <p>
          <a class="button" href={props.retryUrl}>
            {m.tryAgain}
          </a>
        </p>
      </section>
    </Layout>
  )
}

export function ProfileView(props: {
  site: SiteContext
  reader: Reader
  name: string
  csrfToken: string
  returnTo: string
  status: 'form' | 'saved' | 'invalid' | 'reserved'
}) {
  return (
    <Layout site={props.site} meta={{ title: m.profileTitle, path: '/comments/profile', noindex: true }}>
      <section class="account-box">
        <h1>{m.profileTitle}</h1>
        <p class="logged-in-as">{msg(m.loggedInAs, { name: props.reader.displayName })}</p>
        {props.status === 'saved' && (
          <p class="notice" role="status">
            {m.saved}
          </p>
        )}
        <form method="post" action="/comments/profile">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="return" value={props.returnTo} />
          <label for="display-name">{m.displayName}</label>
          <input
            id="display-name"
            name="displayName"
            required
            maxLength={20}
            value={props.name}
            aria-describedby="display-name-hint"
            aria-invalid={props.status === 'invalid' ? 'true' : undefined}
          />
          <p id="display-name-hint" class="hint">
            {m.displayNameHint}
          </p>
          {props.status === 'invalid' && (
            <p class="form-error" role="alert">
              {m.displayNameInvalid}
            </p>
          )}
          {props.status === 'reserved' && (
            <p class="form-error" role="alert">
              {msg(m.displayNameReserved, { name: props.name })}
            </p>
          )}
          <button type="submit">{m.save}</button>
        </form>
        <form method="post" action="/comments/logout">
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <input type="hidden" name="return" value={props.returnTo} />
          <button type="submit" class="link-button">
            {m.logout}
          </button>
        </form>
        <ul class="account-links">
          <li>
            <a href="/comments/mine">{m.myComments}</a>
          </li>
          <li>
            <a href="/comments/account/delete">{m.deleteAccount}</a>
          </li>
        </ul>
        <p>
          <a href={props.returnTo}>{m.back}</a>
        </p>
      </section>
    </Layout>
  )
}
