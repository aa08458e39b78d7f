import { z } from 'zod'
import { ArticleDocument } from './document/document.schema.js'

export const ArticleInput = z.object({
  sectionId: z.number().int().positive(),
  headline: z.string().trim().min(1).max(200),
  subheadline: z.string().trim().max(400).default(''),
  body: ArticleDocument,
  leadPhotoId: z.number().int().positive().nullable().default(null),
  reporterIds: z.array(z.number().int().positive()).min(1).max(10),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  relatedIds: z.array(z.number().int().positive()).max(10).default([]),
  grade: z.enum(['headline', 'important', 'normal']).default('normal'),
})
export type ArticleInput = z.input<typeof ArticleInput>
