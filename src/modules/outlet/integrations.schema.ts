// The third parties an outlet enables: analytics, ad networks, portal site verification, and
// the ad slots it fills. Every identifier is checked against the exact shape its provider
// issues, because each one ends up inside the page's HTML and its Content-Security-Policy.
import { z } from 'zod'
import { HOST_NAME } from '../../platform/http/page-policy.js'

/** An optional identifier: empty when the integration is off, else exactly the given shape. */
const id = (shape: RegExp) =>
  z
    .string()
    .trim()
    .max(120)
    .refine((value) => value === '' || shape.test(value))
    .default('')

export const ID_SHAPES = {
  /** GA4 measurement ID, `G-` and 4 to 12 capitals and digits. */
  ga4: /^G-[A-Z0-9]{4,12}$/,
  /** Naver Analytics (애널리틱스) site ID, the hex string of `wcs_add["wa"]`. */
  naverAnalytics: /^[a-f0-9]{10,16}$/,
  /** AdSense publisher (client) ID. */
  adsenseClient: /^ca-pub-\d{16}$/,
  /** Naver Search Advisor's `naver-site-verification` value. */
  naverVerification: /^[a-f0-9]{40}$/,
  /** Google Search Console's `google-site-verification` token. */
  googleVerification: /^[A-Za-z0-9_-]{43}$/,
  /** Bing Webmaster Tools' `msvalidate.01` value. */
  bingVerification: /^[A-F0-9]{32}$/,
  /** An AdSense ad unit (`data-ad-slot`). */
  adsenseSlot: /^\d{10}$/,
  /** A Kakao AdFit unit (`data-ad-unit`). */
  adfitUnit: /^DAN-[A-Za-z0-9]{16}$/,
  /** A Dable widget (`data-widget_id`). */
  dableWidget: /^[A-Za-z0-9]{8}$/,
} as const

export const Integrations = z.object({
  ga4: id(ID_SHAPES.ga4),
  naverAnalytics: id(ID_SHAPES.naverAnalytics),
  adsenseClient: id(ID_SHAPES.adsenseClient),
  adfit: z.boolean().default(false),
  dable: z.boolean().default(false),
  /** Other ad networks, by the host their tag is served from. */
  adHosts: z.array(z.string().regex(HOST_NAME)).max(10).default([]),
  naverVerification: id(ID_SHAPES.naverVerification),
  googleVerification: id(ID_SHAPES.googleVerification),
  bingVerification: id(ID_SHAPES.bingVerification),
})
export type Integrations = z.infer<typeof Integrations>

export const emptyIntegrations: Integrations = Integrations.parse({})

/** The named places an ad can go; each reserves its size so nothing moves as the ad loads. */
export const AD_SLOTS = [
  'topBanner',
  'sidebar',
  'inArticle',
  'belowArticle',
  'betweenList',
  'mobileSticky',
] as const
export type AdSlotName = (typeof AD_SLOTS)[number]

/** A path on this site or an https address, for a house banner's image and link. */
const siteOrHttps = z
  .string()
  .trim()
  .max(500)
  .refine((value) => /^\/[^/\\]/.test(value) || /^https:\/\/[^\s"'<>]+$/.test(value))

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const AdFill = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('house'),
    image: siteOrHttps,
    link: siteOrHttps,
    alt: z.string().trim().min(1).max(120),
    from: day.nullable().default(null),
    until: day.nullable().default(null),
    /** Section ids the banner shows in; empty shows it everywhere. */
    sections: z.array(z.number().int().positive()).max(50).default([]),
  }),
  z.object({ kind: z.literal('adsense'), slot: z.string().regex(ID_SHAPES.adsenseSlot) }),
  z.object({ kind: z.literal('adfit'), unit: z.string().regex(ID_SHAPES.adfitUnit) }),
  z.object({ kind: z.literal('dable'), widget: z.string().regex(ID_SHAPES.dableWidget) }),
  z.object({
    kind: z.literal('host'),
    /** The network's script, served from one of the enabled ad hosts. */
    script: z
      .string()
      .trim()
      .max(500)
      .regex(/^https:\/\/[a-z0-9.-]+\/[^\s"'<>]*$/),
  }),
])
export type AdFill = z.infer<typeof AdFill>

export const AdSlots = z
  .object({
    slots: z.partialRecord(z.enum(AD_SLOTS), AdFill).default({}),
    /** The in-article slot goes after this paragraph. */
    afterParagraph: z.number().int().min(1).max(20).default(3),
  })
  .default({ slots: {}, afterParagraph: 3 })
export type AdSlots = z.infer<typeof AdSlots>
