import { messages as m } from '../i18n/messages.js'
import { Layout } from './layout.js'
import type { SiteContext } from './site-context.js'

/** `message` is the refusal's own Korean sentence, shown in place of the generic one. */
export function ErrorPageView(props: { site: SiteContext; status: number; path: string; message?: string }) {
  const text =
    props.status === 404
      ? { title: m.site.notFoundTitle, body: m.site.notFoundBody }
      : props.status === 410
        ? { title: m.site.goneTitle, body: props.message ?? m.site.errorBody }
        : props.status < 500
          ? { title: m.site.badRequestTitle, body: props.message ?? m.site.errorBody }
          : { title: m.site.errorTitle, body: props.message ?? m.site.errorBody }
  return (
    <Layout site={props.site} meta={{ title: text.title, path: props.path, noindex: true }}>
      <div class="static-page">
        <h1>{text.title}</h1>
        <p>{text.body}</p>
        <p>
          <a class="button" href="/">
            {m.site.goHome}
          </a>
        </p>
      </div>
    </Layout>
  )
}
