import { z } from 'zod'
import { AdSlots, emptyIntegrations, Integrations } from './integrations.schema.js'

/** What the outlet prints about itself. The 신문법 §21 fields must all be filled in production. */
export const OutletSettings = z.object({
  name: z.string().trim().min(1).max(60),
  tagline: z.string().trim().max(120).default(''),
  logoUrl: z.string().max(500).nullable().default(null),
  /** The masthead's logo: a 1x/2x srcset and the size it is drawn at, so nothing shifts as it loads. */
  logoSrcset: z.string().max(1000).nullable().default(null),
  logoWidth: z.number().int().positive().max(2000).nullable().default(null),
  logoHeight: z.number().int().positive().max(2000).nullable().default(null),
  /** Site icons made from one square upload: favicon PNGs, apple-touch-icon, Android sizes. */
  icons: z
    .object({ png32: z.string(), appleTouch: z.string(), png192: z.string(), png512: z.string() })
    .nullable()
    .default(null),
  /** The image shared when a page has none of its own (Open Graph, 1200×630). */
  shareImageUrl: z.string().max(500).nullable().default(null),
  copyrightHolder: z.string().trim().max(60),
  registrationNumber: z.string().trim().max(40),
  registrationDate: z.string().trim().max(20),
  publisher: z.string().trim().max(40),
  editor: z.string().trim().max(40),
  youthProtectionOfficer: z.string().trim().max(40),
  address: z.string().trim().max(200),
  phone: z.string().trim().max(40),
  email: z.string().trim().max(120),
  /** 고충처리인 (언론중재법 §6): who handles readers' grievances, and how to reach them. */
  grievanceOfficer: z.string().trim().max(40).default(''),
  grievanceContact: z.string().trim().max(120).default(''),
  /** The sender of staff mail, e.g. `신문일보 <newsroom@example.kr>`; empty uses MAIL_FROM. */
  mailFrom: z.string().trim().max(200).default(''),
  /** Kakao JavaScript key for the KakaoTalk share button; empty uses KAKAO_JS_KEY. */
  kakaoJsKey: z.string().trim().max(100).default(''),
  /** Analytics, ad networks and portal verification the outlet enables (ADR 033). */
  integrations: Integrations.default(emptyIntegrations),
  /** What fills each ad slot. */
  ads: AdSlots,
})
export type OutletSettings = z.infer<typeof OutletSettings>

/** The footer fields Korean law (신문 등의 진흥에 관한 법률 §21) requires an internet newspaper to show. */
export const LEGAL_FOOTER_FIELDS = [
  'name',
  'registrationNumber',
  'registrationDate',
  'publisher',
  'editor',
  'youthProtectionOfficer',
  'address',
  'phone',
  'email',
] as const satisfies readonly (keyof OutletSettings)[]

export const emptyOutlet: OutletSettings = {
  name: 'Sinmun',
  tagline: '',
  logoUrl: null,
  logoSrcset: null,
  logoWidth: null,
  logoHeight: null,
  copyrightHolder: '',
  registrationNumber: '',
  registrationDate: '',
  publisher: '',
  editor: '',
  youthProtectionOfficer: '',
  address: '',
  phone: '',
  email: '',
  icons: null,
  shareImageUrl: null,
  grievanceOfficer: '',
  grievanceContact: '',
  mailFrom: '',
  kakaoJsKey: '',
  integrations: emptyIntegrations,
  ads: { slots: {}, afterParagraph: 3 },
}
