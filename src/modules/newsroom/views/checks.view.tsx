// The 출고 전 점검 panel beside the editor: the headline's length and every warning, each read
// out by screen readers when the panel is refreshed after a save.
import { msg } from '../../../platform/i18n/messages.js'
import type { CheckResult } from '../checks/publish-checks.js'
import { HEADLINE_PORTAL_LIMIT } from '../checks/publish-checks.js'
import { nm } from '../newsroom.messages.js'

export function ChecksPanel(props: { articleId: number; result: CheckResult }) {
  const { result } = props
  return (
    <section
      id="publish-checks"
      class="publish-checks"
      aria-labelledby="checks-title"
      aria-live="polite"
      data-url={`/newsroom/articles/${props.articleId}/checks`}
    >
      <h2 id="checks-title">{nm.checks.title}</h2>
      <p class="headline-count" data-over={result.headlineLength > HEADLINE_PORTAL_LIMIT ? '1' : undefined}>
        {msg(nm.checks.headlineCount, { count: result.headlineLength, limit: HEADLINE_PORTAL_LIMIT })}
      </p>
      {result.findings.length === 0 ? (
        <p class="checks-none">{nm.checks.none}</p>
      ) : (
        <ul class="checks-list">
          {result.findings.map((f) => (
            <li data-code={f.code}>
              {f.message}
              {f.link && (
                <>
                  {' '}
                  <a href={f.link.href} target="_blank" rel="noopener">
                    {f.link.text}
                  </a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p class="hint">{nm.checks.help}</p>
    </section>
  )
}
