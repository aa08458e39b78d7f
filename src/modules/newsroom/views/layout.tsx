// The frame of every newsroom page: its own stylesheet, the menu for the staff member's
// role, and a status line for what just happened.
import type { ComponentChildren } from 'preact'
import { msg } from '../../../platform/i18n/messages.js'
import type { StaffMember } from '../../staff/index.js'
import { portalCheckMessages } from '../../syndication/index.js'
import { im } from '../integrations.messages.js'
import { nm } from '../newsroom.messages.js'
import { isAdmin, isDesk } from '../newsroom.policy.js'
import { sm } from '../settings.messages.js'
import { statsMessages } from '../stats/stats.messages.js'

export interface Frame {
  css: string
  /** The signed-in staff member; null on the login and password pages. */
  staff: StaffMember | null
  csrf: string
  /** The 신문법 §21 fields still empty (field keys); the banner names them. */
  legalGaps?: readonly string[]
  /** Mail is only printed on the server console (no SMTP_URL). */
  consoleMail?: boolean
}

export function NewsroomLayout(props: {
  frame: Frame
  title: string
  children: ComponentChildren
  notice?: string | null
  error?: string | null
  scripts?: string[]
  wide?: boolean
}) {
  const { frame } = props
  return (
    <html lang="ko">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${props.title} - ${nm.title}`}</title>
        <link rel="stylesheet" href="/fonts/pretendardvariable-dynamic-subset.css" />
        <link rel="stylesheet" href={frame.css} />
        {props.scripts?.map((src) => (
          <script type="module" src={src} />
        ))}
      </head>
      <body class="newsroom">
        {frame.staff && <Menu staff={frame.staff} csrf={frame.csrf} />}
        <main id="content" class={props.wide ? 'wide' : undefined}>
          {frame.legalGaps && frame.legalGaps.length > 0 && (
            <p class="error legal-gaps" role="alert">
              {msg(sm.legal.missing, {
                fields: frame.legalGaps
                  .map((f) => sm.settings.fields[f as keyof typeof sm.settings.fields] ?? f)
                  .join(', '),
              })}{' '}
              {frame.staff && isAdmin(frame.staff) && <a href="/newsroom/settings">{sm.legal.fix}</a>}
            </p>
          )}
          {frame.consoleMail && frame.staff && isAdmin(frame.staff) && (
            <p class="hint">{sm.mail.consoleMode}</p>
          )}
          <h1>{props.title}</h1>
          {props.notice && (
            <p class="notice" role="status">
              {props.notice}
            </p>
          )}
          {props.error && (
            <p class="error" role="alert">
              {props.error}
            </p>
          )}
          {props.children}
        </main>
      </body>
    </html>
  )
}

function Menu(props: { staff: StaffMember; csrf: string }) {
  const { staff } = props
  const links: [string, string][] = [
    ['/newsroom', nm.nav.dashboard],
    ['/newsroom/articles', nm.nav.articles],
    ['/newsroom/articles/new', nm.nav.newArticle],
    ...(isDesk(staff)
      ? ([
          ['/newsroom/articles?view=waiting', nm.nav.desk],
          ['/newsroom/home', nm.nav.home],
          ['/newsroom/moderation', nm.nav.moderation],
          ['/newsroom/stats', statsMessages.navStats],
          ['/newsroom/search-aliases', nm.nav.searchAliases],
          ['/newsroom/inbox', nm.nav.inbox],
        ] as [string, string][])
      : []),
    ...(isDesk(staff)
      ? ([
          ['/newsroom/pages', sm.nav.pages],
          ['/newsroom/portal-check', portalCheckMessages.title],
        ] as [string, string][])
      : []),
    ...(isAdmin(staff)
      ? ([
          ['/newsroom/staff', nm.nav.staff],
          ['/newsroom/settings', sm.nav.settings],
          ['/newsroom/integrations', im.nav],
          ['/newsroom/sections', sm.nav.sections],
          ['/newsroom/redirects', nm.nav.redirects],
        ] as [string, string][])
      : []),
    ['/newsroom/profile', sm.nav.profile],
    ['/', nm.nav.site],
  ]
  return (
    <header class="nr-header">
      <nav aria-label={nm.nav.menu}>
        <ul>
          {links.map(([href, label]) => (
            <li>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <form method="post" action="/newsroom/logout" class="logout">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <span>{`${staff.name} (${nm.roles[staff.role]})`}</span>{' '}
        <button type="submit">{nm.nav.logout}</button>
      </form>
    </header>
  )
}

/** A hidden CSRF field for every form. */
export const Csrf = (props: { token: string }) => <input type="hidden" name="_csrf" value={props.token} />
