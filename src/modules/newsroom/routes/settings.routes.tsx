// The admin's outlet settings. One multipart form: the fields are checked first, then the
// images go through the photo pipeline; a refusal of either brings the form back with what
// was typed and changes nothing. A save drops every cached page (the outlet tag).
import type { FastifyInstance } from 'fastify'
import { AppError } from '../../../platform/errors.js'
import { requireCsrf } from '../../../platform/http/csrf.js'
import { formatKoreaDate } from '../../../platform/korea-time.js'
import { type Photo, photoUrl, widthFor } from '../../media/index.js'
import {
  checkOutletForm,
  OUTLET_FORM_FIELDS,
  type OutletFieldProblem,
  type OutletFormField,
  type OutletSettings,
} from '../../outlet/index.js'
import { staffOf } from '../newsroom.guard.js'
import { nm } from '../newsroom.messages.js'
import { sm } from '../settings.messages.js'
import { type ImageField, imageRefused, SettingsView } from '../views/settings.views.js'
import type { RouteContext } from './context.js'
import { readMultipartForm } from './multipart-form.js'
import { MAX_UPLOAD_BYTES } from './photos.routes.js'

/** The masthead draws the logo this tall, and at most this wide (CSS pixels), as the demo's. */
const LOGO_HEIGHT = 48
const LOGO_MAX_WIDTH = 320

/** The logo's drawn size and its 1x/2x files, from the sizes the pipeline made. */
export function logoFields(
  photo: Photo,
): Pick<OutletSettings, 'logoUrl' | 'logoSrcset' | 'logoWidth' | 'logoHeight'> {
  const width = Math.min(LOGO_MAX_WIDTH, Math.round((photo.width * LOGO_HEIGHT) / photo.height), photo.width)
  const height = Math.max(1, Math.round((photo.height * width) / photo.width))
  const oneX = photoUrl(photo, widthFor(photo, width), 'jpg')
  const twoX = photoUrl(photo, widthFor(photo, width * 2), 'jpg')
  return { logoUrl: twoX, logoSrcset: `${oneX} 1x, ${twoX} 2x`, logoWidth: width, logoHeight: height }
}

const valuesOf = (o: OutletSettings): Record<string, string> =>
  Object.fromEntries(OUTLET_FORM_FIELDS.map((f) => [f, String(o[f] ?? '')]))

export function settingsRoutes(app: FastifyInstance, ctx: RouteContext) {
  const admin = ctx.guard('admin')
  const { outlet, media } = ctx.deps

  app.get('/newsroom/settings', { preHandler: admin }, async (request, reply) => {
    const current = await outlet.getOutlet()
    const saved = (request.query as { done?: string }).done === 'saved'
    return ctx.page(
      reply,
      <SettingsView
        frame={await ctx.frame(request, reply)}
        outlet={current}
        values={valuesOf(current)}
        errors={{}}
        notice={saved ? sm.settings.saved : null}
      />,
    )
  })

  app.post(
    '/newsroom/settings',
    { preHandler: admin, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const form = await readMultipartForm(request, {
        fields: OUTLET_FORM_FIELDS,
        files: ['logo', 'icon', 'shareImage'],
        maxFileBytes: MAX_UPLOAD_BYTES,
      })
      await requireCsrf(request, reply, form.fields._csrf)
      const current = await outlet.getOutlet()
      const again = async (
        errors: Partial<Record<OutletFormField, OutletFieldProblem>>,
        imageErrors: Partial<Record<ImageField, string>> = {},
      ) =>
        ctx.page(
          reply,
          <SettingsView
            frame={await ctx.frame(request, reply)}
            outlet={current}
            values={form.fields}
            errors={errors}
            imageErrors={imageErrors}
            error={nm.errors.invalidInput}
          />,
          400,
        )
      const checked = checkOutletForm(form.fields, formatKoreaDate(ctx.deps.clock.now()))
      if (!checked.ok) return again(checked.errors)
      const tooLarge = form.tooLarge[0] as ImageField | undefined
      if (tooLarge) return again({}, { [tooLarge]: imageRefused(sm.settings.tooLarge) })

      const images: Partial<OutletSettings> = {}
      const by = staffOf(request).id
      try {
        if (form.files.logo) {
          const photo = await media.storePhoto(form.files.logo, { alt: checked.values.name, uploadedBy: by })
          Object.assign(images, logoFields(photo))
        }
      } catch (error) {
        if (error instanceof AppError) return again({}, { logo: imageRefused(error.message) })
        throw error
      }
      try {
        if (form.files.icon) images.icons = await media.storeSiteIcons(form.files.icon)
      } catch (error) {
        if (error instanceof AppError) return again({}, { icon: imageRefused(error.message) })
        throw error
      }
      try {
        if (form.files.shareImage) {
          const photo = await media.storePhoto(form.files.shareImage, {
            alt: checked.values.name,
            uploadedBy: by,
          })
          images.shareImageUrl = photoUrl(photo, widthFor(photo, 1200), 'jpg')
        }
      } catch (error) {
        if (error instanceof AppError) return again({}, { shareImage: imageRefused(error.message) })
        throw error
      }
      await outlet.saveOutlet({ ...current, ...checked.values, ...images })
      return reply.redirect('/newsroom/settings?done=saved', 303)
    },
  )
}
