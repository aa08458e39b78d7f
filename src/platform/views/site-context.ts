// What every page's frame (header, menu, footer) needs, loaded once per request. The platform
// defines the shape; the composition root fills it from the outlet and articles modules.

/** What the outlet prints about itself in the frame: its name and the legal footer (신문법 §21). */
export interface SiteOutlet {
  name: string
  tagline: string
  logoUrl: string | null
  /** `… 1x, … 2x`, for sharp screens. */
  logoSrcset: string | null
  /** The size the masthead draws the logo at, in CSS pixels. */
  logoWidth: number | null
  logoHeight: number | null
  copyrightHolder: string
  registrationNumber: string
  registrationDate: string
  publisher: string
  editor: string
  youthProtectionOfficer: string
  address: string
  phone: string
  email: string
  /** Site icons: 32-pixel favicon, 180-pixel apple-touch-icon, 192 and 512 for Android. */
  icons?: { png32: string; appleTouch: string; png192: string; png512: string } | null
  /** The image shared when a page has none of its own. */
  shareImageUrl?: string | null
  /** 고충처리인 (언론중재법 §6). */
  grievanceOfficer?: string
  grievanceContact?: string
  /** Analytics and portal verification the outlet enabled (the outlet module checks each ID). */
  integrations?: SiteIntegrations
  /** What fills each ad slot. */
  ads?: { slots: Partial<Record<AdSlotName, SiteAdFill>>; afterParagraph: number }
}

export interface SiteIntegrations {
  ga4: string
  naverAnalytics: string
  adsenseClient: string
  adfit: boolean
  dable: boolean
  adHosts: string[]
  naverVerification: string
  googleVerification: string
  bingVerification: string
}

export type AdSlotName =
  | 'topBanner'
  | 'sidebar'
  | 'inArticle'
  | 'belowArticle'
  | 'betweenList'
  | 'mobileSticky'

export type SiteAdFill =
  | {
      kind: 'house'
      image: string
      link: string
      alt: string
      from: string | null
      until: string | null
      sections: number[]
    }
  | { kind: 'adsense'; slot: string }
  | { kind: 'adfit'; unit: string }
  | { kind: 'dable'; widget: string }
  | { kind: 'host'; script: string }

/** One entry of the section menu. */
export interface MenuSection {
  id: number
  slug: string
  name: string
}

export interface SiteContext {
  outlet: SiteOutlet
  sections: MenuSection[]
  publicUrl: string
  /** Hashed asset URLs, so they can be cached for a year. */
  assets: { css: string; articleJs: string; siteJs: string; fontCss: string; commentsJs?: string }
  kakaoJsKey: string | null
  /** Today's date in Korea time, printed in the header as Korean outlets do. */
  today: string
  /** Today in Korea time as `YYYY-MM-DD`, for what shows between two dates (house ads). */
  isoDate?: string
}

/** The outlet's share image made from its name when it uploaded none (syndication serves it). */
export const GENERATED_SHARE_IMAGE = { url: '/share-image.jpg', width: 1200, height: 630 } as const

/** The image a page without its own is shared with: the uploaded one, else the generated one. */
export const defaultShareImage = (outlet: SiteOutlet): { url: string; width?: number; height?: number } =>
  outlet.shareImageUrl ? { url: outlet.shareImageUrl } : GENERATED_SHARE_IMAGE
