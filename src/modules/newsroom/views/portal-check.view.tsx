// The portal check of one article: what Naver, Daum and Google read on its public page, each
// line passed or with what to fix.
import { msg } from '../../../platform/i18n/messages.js'
import { type PortalCheck, portalCheckMessages as p } from '../../syndication/index.js'
import { type Frame, NewsroomLayout } from './layout.js'

export function PortalCheckView(props: {
  frame: Frame
  query: string
  checked: { url: string; checks: PortalCheck[] } | null
  error?: string | null
}) {
  const checks = props.checked?.checks ?? []
  const count = (status: PortalCheck['status']) => checks.filter((c) => c.status === status).length
  return (
    <NewsroomLayout frame={props.frame} title={p.title} error={props.error}>
      <p class="hint">{p.intro}</p>
      <form method="get" action="/newsroom/portal-check" class="stack">
        <div class="field">
          <label for="article">{p.article}</label>
          <input id="article" name="article" type="text" value={props.query} required />
        </div>
        <button type="submit">{p.submit}</button>
      </form>
      {props.checked && (
        <section aria-labelledby="portal-result">
          <h2 id="portal-result">{msg(p.checkedUrl, { url: props.checked.url })}</h2>
          <p>
            {count('fail') + count('warn') === 0
              ? p.allGood
              : msg(p.summary, { fail: count('fail'), warn: count('warn') })}
          </p>
          <ul class="portal-checks">
            {checks.map((c) => (
              <li class={`check-${c.status}`} data-check={c.id}>
                <strong>
                  [{p.status[c.status]}] {c.title}
                </strong>
                <p>{c.message}</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </NewsroomLayout>
  )
}
