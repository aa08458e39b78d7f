import { z } from 'zod'
import { REQUEST_KINDS, type RequestKind } from './inbox.table.js'

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong')
const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'tooLong')
    .nullish()
    .transform((v) => v || null)

/** The public form. Statutory kinds need the article's address; every kind needs consent. */
export const RequestInput = z
  .object({
    kind: z.enum(REQUEST_KINDS as [RequestKind, ...RequestKind[]]).catch('tip'),
    name: text(50),
    contact: text(120),
    subject: text(200),
    body: text(10_000),
    articleUrl: optional(500),
    disputedPassage: optional(1000),
    learnedOn: optional(10).refine((v) => v === null || /^\d{4}-\d{2}-\d{2}$/.test(v), 'badDate'),
    consent: z.literal('yes', 'consentRequired'),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'tip' && !v.articleUrl) {
      ctx.addIssue({ code: 'custom', path: ['articleUrl'], message: 'articleRequired' })
    }
  })
export type RequestInput = z.input<typeof RequestInput>
export type RequestFields = z.output<typeof RequestInput>

export type FieldError =
  | 'required'
  | 'tooLong'
  | 'attachmentTooLarge'
  | 'consentRequired'
  | 'articleRequired'
  | 'badDate'

/** Field name → what was wrong, for showing the form again. */
export type FieldErrors = Partial<Record<keyof RequestInput | 'attachment', FieldError>>

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024

/** The inbox's own settings, kept by the outlet module as one JSON setting. */
export const InboxSettings = z.object({
  /** Days an attachment is kept after the request was received. */
  attachmentRetentionDays: z.number().int().min(1).max(3650).default(180),
})
export type InboxSettings = z.infer<typeof InboxSettings>
