// The third parties' elements in a reader page: portal verification meta, analytics tags and
// ad slots. Each script carries the page's nonce (NONCE_SLOT, filled as the page is sealed)
// and a `data-tp` mark naming its provider, from which the page's CSP is made (ADR 033).
// With nothing enabled none of this writes a byte.
import { renderToString } from 'preact-render-to-string'
import { NONCE_SLOT } from '../http/page-policy.js'
import { messages as m } from '../i18n/messages.js'
import type { AdSlotName, SiteContext } from './site-context.js'

/** `<meta>` lines Naver Search Advisor, Google Search Console and Bing read to verify the site. */
export function VerificationMeta(props: { site: SiteContext }) {
  const i = props.site.outlet.integrations
  if (!i) return null
  return (
    <>
      {i.naverVerification && <meta name="naver-site-verification" content={i.naverVerification} />}
      {i.googleVerification && <meta name="google-site-verification" content={i.googleVerification} />}
      {i.bingVerification && <meta name="msvalidate.01" content={i.bingVerification} />}
    </>
  )
}

/** An inline script with the page's nonce; the code is ours, made only of checked IDs. */
const Inline = (props: { tp: string; code: string }) => (
  <script nonce={NONCE_SLOT} data-tp={props.tp} dangerouslySetInnerHTML={{ __html: props.code }} />
)

/** GA4 and Naver Analytics, async: they never hold up the text. */
export function AnalyticsTags(props: { site: SiteContext }) {
  const i = props.site.outlet.integrations
  if (!i) return null
  return (
    <>
      {i.ga4 && (
        <>
          <script
            async
            src={`https://www.googletagmanager.com/gtag/js?id=${i.ga4}`}
            nonce={NONCE_SLOT}
            data-tp="ga4"
          />
          <Inline
            tp="ga4"
            code={`window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','${i.ga4}')`}
          />
        </>
      )}
      {i.naverAnalytics && (
        <>
          <script async src="https://wcs.naver.net/wcslog.js" nonce={NONCE_SLOT} data-tp="naverAnalytics" />
          <Inline
            tp="naverAnalytics"
            code={`window.wcs_add={wa:'${i.naverAnalytics}'};addEventListener('load',function(){window.wcs&&wcs_do()})`}
          />
        </>
      )}
    </>
  )
}

/** Slots below the fold load their images lazily; the top banner is in view at once. */
const EAGER: ReadonlySet<AdSlotName> = new Set(['topBanner'])

/**
 * One named ad slot. Its box has the slot's size before anything loads (site.css), so the text
 * never moves; an empty slot writes nothing. `section` is the page's section, for banners
 * shown in some sections only.
 */
export function AdSlot(props: { site: SiteContext; name: AdSlotName; section?: number }) {
  const { site, name } = props
  const fill = site.outlet.ads?.slots[name]
  const i = site.outlet.integrations
  if (!fill) return null
  let content: preact.ComponentChild
  switch (fill.kind) {
    case 'house': {
      const today = site.isoDate ?? ''
      if ((fill.from && today < fill.from) || (fill.until && today > fill.until)) return null
      if (fill.sections.length > 0 && !(props.section && fill.sections.includes(props.section))) return null
      content = (
        <a href={fill.link} rel={fill.link.startsWith('/') ? undefined : 'sponsored noopener'}>
          <img src={fill.image} alt={fill.alt} loading={EAGER.has(name) ? undefined : 'lazy'} />
        </a>
      )
      break
    }
    case 'adsense':
      if (!i?.adsenseClient) return null
      content = (
        <>
          <script
            async
            src={`https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=${i.adsenseClient}`}
            crossorigin="anonymous"
            nonce={NONCE_SLOT}
            data-tp="adsense"
          />
          <ins class="adsbygoogle" data-ad-client={i.adsenseClient} data-ad-slot={fill.slot} />
          <Inline tp="adsense" code="(adsbygoogle=window.adsbygoogle||[]).push({})" />
        </>
      )
      break
    case 'adfit':
      if (!i?.adfit) return null
      content = (
        <>
          <ins class="kakao_ad_area" data-ad-unit={fill.unit} />
          <script
            async
            src="https://t1.daumcdn.net/kas/static/ba.min.js"
            nonce={NONCE_SLOT}
            data-tp="adfit"
          />
        </>
      )
      break
    case 'dable':
      if (!i?.dable) return null
      content = (
        <>
          <div id={`dablewidget_${fill.widget}`} data-widget_id={fill.widget} />
          <Inline
            tp="dable"
            code={`(function(d,a,b,l,e,_){d[b]=d[b]||function(){(d[b].q=d[b].q||[]).push(arguments)};e=a.createElement(l);e.async=1;e.charset='utf-8';e.src='https://static.dable.io/dist/plugin.min.js';_=a.getElementsByTagName(l)[0];_.parentNode.insertBefore(e,_)})(window,document,'dable','script');dable('setService',location.hostname);dable('renderWidget','dablewidget_${fill.widget}')`}
          />
        </>
      )
      break
    case 'host': {
      const host = new URL(fill.script).hostname
      if (!i?.adHosts.includes(host)) return null
      content = <script async src={fill.script} nonce={NONCE_SLOT} data-tp={`host:${host}`} />
      break
    }
  }
  return (
    // Not a landmark: a slot sits inside the sidebar's and the article's own.
    <div class={`ad-slot ad-${name}`}>
      <p class="ad-label">{m.site.ad}</p>
      <div class="ad-box">{content}</div>
    </div>
  )
}

/** The slot as HTML, for blocks that are written as one cached string (the sidebar). */
export const adSlotHtml = (props: { site: SiteContext; name: AdSlotName; section?: number }) =>
  props.site.outlet.ads?.slots[props.name] ? renderToString(<AdSlot {...props} />) : ''
