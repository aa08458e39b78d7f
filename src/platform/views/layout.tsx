// The frame of every reader page: head (SEO and social tags), header with the section menu,
// main content, and the footer with the legal details Korean law requires.
import type { ComponentChildren } from 'preact'
import { messages as m, msg } from '../i18n/messages.js'
import { renderedOnce } from './rendered-once.js'
import { defaultShareImage, type SiteContext } from './site-context.js'
import { AdSlot, AnalyticsTags, VerificationMeta } from './third-parties.js'

export interface PageMeta {
  title: string
  description?: string
  /** Path of the canonical URL, e.g. `/news/12`. */
  path: string
  ogType?: 'website' | 'article'
  image?: { url: string; width: number; height: number; alt: string } | null
  jsonLd?: object[]
  /** Extra <head> elements: article times, RSS links. */
  head?: ComponentChildren
  noindex?: boolean
}

export function Layout(props: {
  site: SiteContext
  meta: PageMeta
  children: ComponentChildren
  scripts?: string[]
  activeSection?: number
  /** False on the search page, which has its own search form. */
  searchBox?: boolean
}) {
  const { site, meta } = props
  const canonical = `${site.publicUrl}${meta.path}`
  const fullTitle = meta.path === '/' ? site.outlet.name : `${meta.title} - ${site.outlet.name}`
  const image = meta.image ? { ...meta.image, url: `${site.publicUrl}${meta.image.url}` } : null
  return (
    <html lang="ko">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        {meta.description && <meta name="description" content={meta.description} />}
        <link rel="canonical" href={canonical} />
        {site.outlet.icons ? (
          <>
            <link rel="icon" href={site.outlet.icons.png32} type="image/png" sizes="32x32" />
            <link rel="icon" href={site.outlet.icons.png192} type="image/png" sizes="192x192" />
            <link rel="apple-touch-icon" href={site.outlet.icons.appleTouch} sizes="180x180" />
          </>
        ) : (
          <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        )}
        {meta.noindex && <meta name="robots" content="noindex" />}
        <VerificationMeta site={site} />
        <meta property="og:site_name" content={site.outlet.name} />
        <meta property="og:locale" content="ko_KR" />
        <meta property="og:type" content={meta.ogType ?? 'website'} />
        <meta property="og:title" content={meta.title} />
        {meta.description && <meta property="og:description" content={meta.description} />}
        <meta property="og:url" content={canonical} />
        {image && <meta property="og:image" content={image.url} />}
        {!image && (
          <meta property="og:image" content={`${site.publicUrl}${defaultShareImage(site.outlet).url}`} />
        )}
        {image && <meta property="og:image:width" content={String(image.width)} />}
        {image && <meta property="og:image:height" content={String(image.height)} />}
        {image && <meta property="og:image:alt" content={image.alt} />}
        <meta name="twitter:card" content={image ? 'summary_large_image' : 'summary'} />
        <meta name="twitter:title" content={meta.title} />
        {meta.description && <meta name="twitter:description" content={meta.description} />}
        {image && <meta name="twitter:image" content={image.url} />}
        {meta.head}
        <link rel="alternate" type="application/rss+xml" title={site.outlet.name} href="/rss/all.xml" />
        <link rel="stylesheet" href={site.assets.fontCss} />
        <link rel="stylesheet" href={site.assets.css} />
        {meta.jsonLd?.map((data) => (
          <script
            type="application/ld+json"
            // JSON-LD must be raw JSON; escapeJsonForScript keeps "</script>" from ending the element.
            dangerouslySetInnerHTML={{ __html: escapeJsonForScript(data) }}
          />
        ))}
        <script type="module" src={site.assets.siteJs} />
        {props.scripts?.map((src) => (
          <script type="module" src={src} />
        ))}
        <AnalyticsTags site={site} />
      </head>
      <body>
        <a class="skip-link" href="#content">
          {m.site.skipToContent}
        </a>
        <header
          class="site-header"
          dangerouslySetInnerHTML={{
            __html: headerHtml(
              [site],
              `${props.activeSection ?? ''}|${props.searchBox === false ? 'no-search' : ''}`,
            ),
          }}
        />
        <AdSlot site={site} name="topBanner" section={props.activeSection} />
        <main id="content" tabIndex={-1}>
          {props.children}
        </main>
        <footer class="site-footer" dangerouslySetInnerHTML={{ __html: footerHtml([site]) }} />
        <AdSlot site={site} name="mobileSticky" section={props.activeSection} />
      </body>
    </html>
  )
}

// The site context keeps its identity while the outlet, the sections and the date stay the
// same (app.ts), so the masthead and the footer are rendered once per version of them.
const headerHtml = renderedOnce(([site]: [SiteContext], variant) => {
  const [active, search] = variant.split('|')
  return (
    <Header
      site={site}
      activeSection={active ? Number(active) : undefined}
      searchBox={search !== 'no-search'}
    />
  )
})
const footerHtml = renderedOnce(([site]: [SiteContext]) => <Footer site={site} />)

/**
 * What is inside the <header> element. On phones it is compact and sticky (site.css): the
 * masthead row scrolls away, the section menu row with the search link stays in view.
 */
function Header(props: { site: SiteContext; activeSection?: number; searchBox: boolean }) {
  const { site } = props
  const o = site.outlet
  return (
    <>
      <div class="masthead">
        <p class="today">{site.today}</p>
        <a class="brand" href="/">
          {o.logoUrl ? (
            <img
              src={o.logoUrl}
              srcset={o.logoSrcset ?? undefined}
              width={o.logoWidth ?? undefined}
              height={o.logoHeight ?? undefined}
              alt={o.name}
            />
          ) : (
            o.name
          )}
        </a>
        {props.searchBox && (
          <form class="search-box" role="search" action="/search" method="get">
            <label for="q" class="visually-hidden">
              {m.site.search}
            </label>
            <input id="q" name="q" type="search" placeholder={m.site.searchPlaceholder} />
            <button type="submit">{m.site.search}</button>
          </form>
        )}
      </div>
      <nav class="sections-nav" aria-label={m.site.mainMenu}>
        <div class="menu-scroller">
          <ul>
            <li>
              <a href="/">{m.site.home}</a>
            </li>
            {site.sections.map((s) => (
              <li>
                <a
                  href={`/section/${s.slug}`}
                  aria-current={props.activeSection === s.id ? 'page' : undefined}
                >
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </div>
        {props.searchBox && (
          // Phones have no room for the search form; this link leads to the search page's own.
          <a class="search-link" href="/search">
            <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
              <circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2.4" />
              <path d="M15.5 15.5 21 21" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" />
            </svg>
            <span class="visually-hidden">{m.site.search}</span>
          </a>
        )}
      </nav>
    </>
  )
}

const legalLinks = [
  { href: '/page/about', label: m.site.aboutLink },
  { href: '/page/terms', label: m.site.termsLink },
  { href: '/page/privacy', label: m.site.privacyLink },
  { href: '/page/youth-policy', label: m.site.youthPolicyLink },
  { href: '/page/no-email-collection', label: m.site.noEmailCollectionLink },
  { href: '/correction-request', label: m.site.correctionLink },
  { href: '/tip', label: m.site.tipLink },
]

/** What is inside the <footer> element. */
function Footer(props: { site: SiteContext }) {
  const o = props.site.outlet
  return (
    <>
      <nav aria-label={m.site.footerMenu}>
        <ul class="legal-links">
          {legalLinks.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
          <li>
            <a href="/rss">{m.site.rss}</a>
          </li>
        </ul>
      </nav>
      <dl class="legal-info">
        <div>
          <dt class="visually-hidden">{m.site.outletTitle}</dt>
          <dd>{o.name}</dd>
        </div>
        <FooterItem label={m.site.registrationNumber} value={o.registrationNumber} />
        <FooterItem label={m.site.registrationDate} value={o.registrationDate} />
        <FooterItem label={m.site.publisher} value={o.publisher} />
        <FooterItem label={m.site.editor} value={o.editor} />
        <FooterItem label={m.site.youthOfficer} value={o.youthProtectionOfficer} />
        <FooterItem label={m.site.address} value={o.address} />
        <FooterItem label={m.site.phone} value={o.phone} />
        <FooterItem label={m.site.email} value={o.email} />
        {o.grievanceOfficer && (
          <FooterItem
            label={m.site.grievanceOfficer}
            value={o.grievanceContact ? `${o.grievanceOfficer} (${o.grievanceContact})` : o.grievanceOfficer}
          />
        )}
      </dl>
      <p class="copyright">{msg(m.site.copyright, { holder: o.copyrightHolder || o.name })}</p>
    </>
  )
}

/** A footer line; an empty field (a site still being set up) prints nothing, not a bare label. */
const FooterItem = (props: { label: string; value: string }) =>
  props.value ? (
    <div>
      <dt>{props.label}</dt>
      <dd>{props.value}</dd>
    </div>
  ) : null

/** JSON for a <script> element: `<` escaped so no string inside can close the element. */
export const escapeJsonForScript = (data: object) =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
