// Photo upload and the photo library. The upload is its own request, so a refused file never
// touches the article being edited; the media module's refusals (MEDIA_*) come back as JSON
// with their Korean message.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { notFound } from '../../../platform/errors.js'
import { mediaErrors, type Photo, photoUrl, widthFor } from '../../media/index.js'
import { staffOf } from '../newsroom.guard.js'
import { IdParams } from './articles.routes.js'
import type { RouteContext } from './context.js'

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024

/** What the editor needs to show and insert a photo. */
export const photoJson = (p: Photo) => ({
  id: p.id,
  url: photoUrl(p, widthFor(p, 640), 'jpg'),
  width: p.width,
  height: p.height,
  caption: p.caption,
  credit: p.credit,
  alt: p.alt,
  focus: p.focus,
})

const Text = z.string().trim().max(1000).default('')

export function photosRoutes(app: FastifyInstance, ctx: RouteContext) {
  const { media } = ctx.deps

  const api = { errorFormat: 'json' } as const

  // The focal point, set by a click on the lead photo's preview in the editor.
  app.post(
    '/newsroom/photos/:id/focus',
    { preHandler: [ctx.guard('staff'), app.csrfProtection], config: api },
    async (request, reply) => {
      const { id } = IdParams.parse(request.params)
      const body = z
        .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) })
        .nullable()
        .safeParse(request.body ?? null)
      if (!body.success) throw mediaErrors.focusInvalid()
      if (!(await media.setFocus(id, body.data))) throw notFound('photo')
      return reply.header('cache-control', 'private, no-store').send({ ok: true, focus: body.data })
    },
  )

  app.get('/newsroom/photos', { preHandler: ctx.guard('staff'), config: api }, async (request, reply) => {
    const q = z.object({ q: z.string().max(100).default('') }).parse(request.query)
    const photos = await media.searchPhotos({ q: q.q, limit: 30 })
    return reply.header('cache-control', 'private, no-store').send({ photos: photos.map(photoJson) })
  })

  app.post(
    '/newsroom/photos',
    { preHandler: [ctx.guard('staff'), app.csrfProtection], config: api },
    async (request, reply) => {
      const staff = staffOf(request)
      const fields: Record<string, string> = {}
      let file: Buffer | undefined
      let truncated = false
      for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          const data = await part.toBuffer()
          if (part.file.truncated) truncated = true
          else if (data.length > 0) file = data
        } else if (['caption', 'credit', 'alt'].includes(part.fieldname)) {
          fields[part.fieldname] = String(part.value)
        }
      }
      if (truncated) throw mediaErrors.tooLarge()
      if (!file) throw mediaErrors.missing()
      const meta = z
        .object({ caption: Text, credit: Text.pipe(z.string().max(200)), alt: Text })
        .parse(fields)
      const photo = await media.storePhoto(file, { ...meta, uploadedBy: staff.id })
      return reply
        .code(201)
        .header('cache-control', 'private, no-store')
        .send({ photo: photoJson(photo) })
    },
  )
}
