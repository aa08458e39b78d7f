// The demo provider's login page: choose the name of the demo reader.
import { Layout } from '../../../platform/views/layout.js'
import type { SiteContext } from '../../../platform/views/site-context.js'
import { accountMessages as m } from '../accounts.messages.js'

export function DemoLoginView(props: {
  site: SiteContext
  action: string
  csrfToken: string
  error: boolean
  name: string
}) {
  return (
    <Layout site={props.site} meta={{ title: m.demoTitle, path: '/demo-oidc', noindex: true }}>
      <section class="account-box">
        <h1>{m.demoTitle}</h1>
        <p>{m.demoIntro}</p>
        <form method="post" action={props.action}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          <label for="demo-name">{m.demoName}</label>
          <input
            id="demo-name"
            name="name"
            required
            minLength={2}
            maxLength={20}
            value={props.name || m.demoDefaultName}
            aria-invalid={props.error ? 'true' : undefined}
          />
          {props.error && <p class="form-error">{m.displayNameInvalid}</p>}
          <button type="submit">{m.demoSubmit}</button>
        </form>
      </section>
    </Layout>
  )
}
