// Every staff member edits their own public profile; the login e-mail stays private.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { AppError } from '../../../platform/errors.js'
import { requireCsrf } from '../../../platform/http/csrf.js'
import { photoUrl, widthFor } from '../../media/index.js'
import { staffOf } from '../newsroom.guard.js'
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import { type ProfileValues, ProfileView } from '../views/profile.views.js'
import type { RouteContext } from './context.js'
import { readMultipartForm } from './multipart-form.js'
import { MAX_UPLOAD_BYTES } from './photos.routes.js'

const p = sm.profile.problems
const ProfileForm = z.object({
  name: z.string().trim().min(1, 'name').max(50, 'name'),
  department: z.string().trim().max(50, 'tooLong'),
  bio: z.string().trim().max(500, 'tooLong'),
  publicEmail: z.union([z.literal(''), z.string().trim().max(200).pipe(z.email())]),
})

export function profileRoutes(app: FastifyInstance, ctx: RouteContext) {
  const signedIn = ctx.guard('staff')
  const { staff, media } = ctx.deps

  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: ProfileValues; errors?: Record<string, string>; notice?: string | null } = {},
    status = 200,
  ) => {
    const me = await staff.ownProfile(staffOf(request).id)
    if (!me) return reply.callNotFound()
    const photo = me.photoId ? (await media.findPhotos([me.photoId])).get(me.photoId) : undefined
    return ctx.page(
      reply,
      <ProfileView
        frame={await ctx.frame(request, reply)}
        loginEmail={me.email}
        photoUrl={photo ? photoUrl(photo, widthFor(photo, 320), 'jpg') : null}
        values={extra.values ?? me}
        errors={extra.errors ?? {}}
        notice={extra.notice}
        error={status === 400 ? nm.errors.invalidInput : null}
      />,
      status,
    )
  }

  app.get('/newsroom/profile', { preHandler: signedIn }, async (request, reply) =>
    show(request, reply, { notice: (request.query as { done?: string }).done ? sm.profile.saved : null }),
  )

  app.post('/newsroom/profile', { preHandler: signedIn }, async (request, reply) => {
    const form = await readMultipartForm(request, {
      fields: ['name', 'department', 'bio', 'publicEmail', 'removePhoto'],
      files: ['photo'],
      maxFileBytes: MAX_UPLOAD_BYTES,
    })
    await requireCsrf(request, reply, form.fields._csrf)
    const values: ProfileValues = {
      name: form.fields.name ?? '',
      department: form.fields.department ?? '',
      bio: form.fields.bio ?? '',
      publicEmail: form.fields.publicEmail ?? '',
    }
    const parsed = ProfileForm.safeParse(values)
    if (!parsed.success) {
      const errors: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0])
        errors[field] = field === 'name' ? p.name : field === 'publicEmail' ? p.publicEmail : p.tooLong
      }
      return show(request, reply, { values, errors }, 400)
    }
    if (form.tooLarge.length > 0) return show(request, reply, { values, errors: { photo: p.tooLong } }, 400)
    const me = staffOf(request)
    let photoId: number | null | undefined = form.fields.removePhoto === '1' ? null : undefined
    if (form.files.photo) {
      try {
        photoId = (await media.storePhoto(form.files.photo, { alt: parsed.data.name, uploadedBy: me.id })).id
      } catch (error) {
        if (error instanceof AppError)
          return show(request, reply, { values, errors: { photo: error.message } }, 400)
        throw error
      }
    }
    await staff.updateProfile(me.id, { ...parsed.data, photoId })
    return reply.redirect('/newsroom/profile?done=saved', 303)
  })
}
