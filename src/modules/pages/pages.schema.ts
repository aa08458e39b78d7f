import { z } from 'zod'

const text = (max: number) => z.string().trim().min(1, 'required').max(max, 'tooLong')

export const TipInput = z.object({
  kind: z.enum(['tip', 'correction']),
  name: text(50),
  contact: text(120),
  subject: text(200),
  body: text(10_000),
  articleUrl: z
    .string()
    .trim()
    .max(500)
    .nullish()
    .transform((v) => v || null),
})
export type TipInput = z.input<typeof TipInput>
export type TipFields = z.output<typeof TipInput>

/** Field name → message key, for showing the form again with what was wrong. */
export type FieldErrors = Partial<
  Record<keyof TipInput | 'attachment', 'required' | 'tooLong' | 'attachmentTooLarge'>
>

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
