// The Content-Security-Policy of one rendered page, read off the page itself.
//
// The base policy (security-headers.ts) admits our own scripts only. A page that carries a
// third party (an analytics tag, an ad network's tag, an embed) marks each such element with
// `data-tp="<key>"`; the policy of that page gains the sources of exactly those keys, and a
// nonce for its scripts. Preact escapes `"` in every text and attribute it renders, so the
// sequence `data-tp="` can only come from our own components, never from what a user typed.
//
// The nonce is made when the page is rendered and written into the page where the layout
// left NONCE_SLOT; the page cache keeps the policy with the page (ADR 033), so a page served
// from the cache carries the header its own nonce needs.
import { randomBytes } from 'node:crypto'

/** What a third party adds to the policy's directives. */
export interface ThirdPartySources {
  script?: readonly string[]
  connect?: readonly string[]
  img?: readonly string[]
  frame?: readonly string[]
}

/** Where the layout writes the nonce of the page's third-party scripts. */
export const NONCE_SLOT = '__sinmun_csp_nonce__'
/** The slot as our components write it; text someone typed has its `"` escaped, never this. */
const NONCE_ATTRIBUTE = `nonce="${NONCE_SLOT}"`

/**
 * Every third party the site may carry, by the key its elements are marked with. Each list is
 * what the provider's own CSP guide asks for, nothing wider.
 */
export const THIRD_PARTIES: Readonly<Record<string, ThirdPartySources>> = {
  // https://developers.google.com/tag-platform/security/guides/csp (GA4)
  ga4: {
    script: ['https://*.googletagmanager.com'],
    connect: [
      'https://*.google-analytics.com',
      'https://*.analytics.google.com',
      'https://*.googletagmanager.com',
    ],
    img: ['https://*.google-analytics.com', 'https://*.googletagmanager.com'],
  },
  naverAnalytics: { script: ['https://wcs.naver.net'], connect: ['https://wcs.naver.com'] },
  adsense: {
    script: ['https://pagead2.googlesyndication.com', 'https://*.adtrafficquality.google'],
    frame: [
      'https://googleads.g.doubleclick.net',
      'https://tpc.googlesyndication.com',
      'https://www.google.com',
    ],
    connect: ['https://pagead2.googlesyndication.com', 'https://*.adtrafficquality.google'],
  },
  adfit: {
    script: ['https://t1.daumcdn.net'],
    frame: ['https://display.ad.daum.net', 'https://*.daumcdn.net'],
  },
  dable: {
    script: ['https://static.dable.io', 'https://api.dable.io'],
    connect: ['https://*.dable.io'],
    frame: ['https://*.dable.io'],
  },
  youtube: { frame: ['https://www.youtube-nocookie.com'] },
  navertv: { frame: ['https://tv.naver.com'] },
  kakaotv: { frame: ['https://play-tv.kakao.com'] },
  instagram: { script: ['https://www.instagram.com'], frame: ['https://www.instagram.com'] },
  x: {
    script: ['https://platform.twitter.com'],
    frame: ['https://platform.twitter.com', 'https://syndication.twitter.com'],
  },
  facebook: { script: ['https://connect.facebook.net'], frame: ['https://www.facebook.com'] },
}

/** A host name as an ad network's domain is written (`ads.example.co.kr`), nothing else. */
export const HOST_NAME = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/

const MARK = /data-tp="([A-Za-z0-9]+|host:[a-z0-9.-]+)"/g

/** The sources the page's marked elements need, and whether it has scripts to give a nonce. */
export function sourcesOfPage(html: string): { sources: ThirdPartySources[]; nonce: boolean } {
  const sources: ThirdPartySources[] = []
  const seen = new Set<string>()
  for (const [, key] of html.matchAll(MARK)) {
    if (!key || seen.has(key)) continue
    seen.add(key)
    if (key.startsWith('host:')) {
      const host = key.slice(5)
      if (HOST_NAME.test(host)) {
        const origin = [`https://${host}`]
        sources.push({ script: origin, frame: origin, connect: origin })
      }
    } else {
      const known = THIRD_PARTIES[key]
      if (known) sources.push(known)
    }
  }
  return { sources, nonce: html.includes(NONCE_ATTRIBUTE) }
}

export interface SealedPage {
  html: string
  /** The page's own policy; null when the site-wide one fits (no third party on it). */
  csp: string | null
}

/**
 * Writes a fresh nonce into the page and works out its policy. `policy` builds the header
 * from the base directives and the page's additions.
 */
export function sealPage(
  html: string,
  policy: (extra: ThirdPartySources[], nonce: string | null) => string,
): SealedPage {
  const { sources, nonce: wantsNonce } = sourcesOfPage(html)
  if (sources.length === 0 && !wantsNonce) return { html, csp: null }
  const nonce = wantsNonce ? randomBytes(16).toString('base64') : null
  return {
    html: nonce ? html.replaceAll(NONCE_ATTRIBUTE, `nonce="${nonce}"`) : html,
    csp: policy(sources, nonce),
  }
}
