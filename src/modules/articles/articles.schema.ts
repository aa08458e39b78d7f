import { z } from 'zod'
import { ArticleDocument } from './document/document.schema.js'

export const ArticleInput = z
  .object({
    sectionId: z.number().int().positive(),
    /** Further sections the article also appears in; its own section stays `sectionId`. */
    otherSectionIds: z.array(z.number().int().positive()).max(10).default([]),
    headline: z.string().trim().min(1).max(200),
    subheadline: z.string().trim().max(400).default(''),
    body: ArticleDocument,
    leadPhotoId: z.number().int().positive().nullable().default(null),
    reporterIds: z.array(z.number().int().positive()).max(10),
    /** 무기명: published without a byline, as editorials (사설) are; the outlet is the author. */
    unsigned: z.boolean().default(false),
    /** 기사형 광고: printed with the label "광고" (ADR 033). */
    sponsored: z.boolean().default(false),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    relatedIds: z.array(z.number().int().positive()).max(10).default([]),
    grade: z.enum(['headline', 'important', 'normal']).default('normal'),
  })
  // A byline is chosen on purpose: either reporters, or explicitly none. An unsigned article
  // keeps no reporters, so nothing downstream has to know the flag.
  .refine((a) => a.unsigned || a.reporterIds.length > 0, { path: ['reporterIds'] })
  .transform((a) => (a.unsigned ? { ...a, reporterIds: [] } : a))
export type ArticleInput = z.input<typeof ArticleInput>
