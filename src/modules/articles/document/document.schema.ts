// The fixed schema of an article body: a ProseMirror/TipTap JSON document. Anything outside
// it is rejected on save, so the renderer only ever meets these node types.
import { z } from 'zod'
import { EMBED_PROVIDER_NAMES, EMBED_PROVIDERS } from './embeds.js'

const safeHref = z
  .string()
  .max(2000)
  .refine((href) => /^(https?:\/\/|mailto:|\/)/i.test(href), 'only http(s), mailto and site links')

const Mark = z.discriminatedUnion('type', [
  z.object({ type: z.literal('bold') }),
  z.object({ type: z.literal('italic') }),
  z.object({ type: z.literal('link'), attrs: z.object({ href: safeHref }).loose() }),
])

const Text = z.object({ type: z.literal('text'), text: z.string().min(1), marks: z.array(Mark).optional() })
const HardBreak = z.object({ type: z.literal('hardBreak') })
const Inline = z.discriminatedUnion('type', [Text, HardBreak])

const Paragraph = z.object({ type: z.literal('paragraph'), content: z.array(Inline).optional() })
const Heading = z.object({
  type: z.literal('heading'),
  attrs: z.object({ level: z.union([z.literal(2), z.literal(3)]) }),
  content: z.array(Inline).optional(),
})
const ListItem = z.object({ type: z.literal('listItem'), content: z.array(Paragraph).min(1) })
const BulletList = z.object({ type: z.literal('bulletList'), content: z.array(ListItem).min(1) })
const OrderedList = z.object({ type: z.literal('orderedList'), content: z.array(ListItem).min(1) })
const Blockquote = z.object({
  type: z.literal('blockquote'),
  attrs: z.object({ cite: z.string().max(200).nullish() }).optional(),
  content: z.array(Paragraph).min(1),
})
const Photo = z.object({
  type: z.literal('photo'),
  attrs: z.object({
    photoId: z.number().int().positive(),
    caption: z.string().max(1000).nullish(),
    credit: z.string().max(200).nullish(),
    alt: z.string().max(500).nullish(),
  }),
})
const YouTube = z.object({
  type: z.literal('youtube'),
  attrs: z.object({ videoId: z.string().regex(/^[\w-]{6,20}$/) }),
})
/** A post or video of another site, by provider and id (embeds.ts); loads on the reader's click. */
const Embed = z
  .object({
    type: z.literal('embed'),
    attrs: z.object({ provider: z.enum(EMBED_PROVIDER_NAMES), id: z.string().max(120) }),
  })
  .refine((block) => EMBED_PROVIDERS[block.attrs.provider].id.test(block.attrs.id), {
    message: 'embed id not in its provider’s shape',
    path: ['attrs', 'id'],
  })
const HorizontalRule = z.object({ type: z.literal('horizontalRule') })
// A simple table (TipTap's node names): rows of header or data cells, each holding paragraphs.
// No merged cells or widths: the schema keeps what a reader needs to read the figures.
const TableCell = z.object({
  type: z.enum(['tableCell', 'tableHeader']),
  content: z.array(Paragraph).min(1),
})
const TableRow = z.object({ type: z.literal('tableRow'), content: z.array(TableCell).min(1).max(50) })
const Table = z.object({ type: z.literal('table'), content: z.array(TableRow).min(1).max(1000) })

const Block = z.discriminatedUnion('type', [
  Paragraph,
  Heading,
  BulletList,
  OrderedList,
  Blockquote,
  Photo,
  YouTube,
  Embed,
  HorizontalRule,
  Table,
])

export const ArticleDocument = z.object({ type: z.literal('doc'), content: z.array(Block) })

export type ArticleDocument = z.infer<typeof ArticleDocument>
export type DocumentBlock = z.infer<typeof Block>
export type InlineNode = z.infer<typeof Inline>
export type ParagraphNode = z.infer<typeof Paragraph>
export type TableNode = z.infer<typeof Table>

/** Reads a stored body; stored bodies were validated on save, so this only parses. */
export function readDocument(json: string): ArticleDocument {
  return JSON.parse(json) as ArticleDocument
}

/** The photo ids a document refers to, in order, so they can be loaded in one query. */
export function photoIdsIn(doc: ArticleDocument): number[] {
  return doc.content.flatMap((b) => (b.type === 'photo' ? [b.attrs.photoId] : []))
}
