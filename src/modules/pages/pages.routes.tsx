// Static pages and the tip / correction-request forms. The forms work without JavaScript:
// a refused submission comes back with every field as the reader typed it.
import multipart from '@fastify/multipart'
import rateLimit from '@fastify/rate-limit'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { tags } from '../../platform/cache/invalidation.js'
import { requireCsrf } from '../../platform/http/csrf.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { type FieldErrors, MAX_ATTACHMENT_BYTES, TipInput } from './pages.schema.js'
import type { PagesService } from './pages.service.js'
import { StaticPageView, TipFormView } from './pages.views.js'

export interface PagesRoutesDeps {
  pages: PagesService
  site: () => Promise<SiteContext>
}

const FORM_FIELDS = ['name', 'contact', 'subject', 'body', 'articleUrl', '_csrf'] as const

async function readTipForm(request: FastifyRequest) {
  const values: Record<string, string> = {}
  let attachment: { name: string; data: Buffer } | undefined
  let attachmentTooLarge = false
  for await (const part of request.parts({
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 10 },
  })) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      if (part.file.truncated) attachmentTooLarge = true
      else if (part.filename && data.length > 0) attachment = { name: part.filename, data }
    } else if ((FORM_FIELDS as readonly string[]).includes(part.fieldname)) {
      values[part.fieldname] = String(part.value)
    }
  }
  return { values, attachment, attachmentTooLarge }
}

export const pagesRoutes =
  (deps: PagesRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { throwFileSizeLimit: false })
    if (!app.hasDecorator('rateLimit')) await app.register(rateLimit, { global: false })

    app.get('/page/:slug', { config: { pageCache: {} } }, async (request, reply) => {
      const { slug } = request.params as { slug: string }
      const [site, page] = await Promise.all([deps.site(), deps.pages.findPage(slug)])
      if (!page) return reply.callNotFound()
      const html = renderPage(<StaticPageView site={site} slug={slug} title={page.title} body={page.body} />)
      return reply.sendPage(html, [tags.page(slug), tags.outlet])
    })

    for (const kind of ['tip', 'correction'] as const) {
      const path = kind === 'tip' ? '/tip' : '/correction-request'
      const show = async (
        reply: FastifyReply,
        extra: Partial<Parameters<typeof TipFormView>[0]> = {},
        status = 200,
      ) => {
        const html = renderPage(
          <TipFormView
            site={await deps.site()}
            kind={kind}
            csrfToken={reply.generateCsrf()}
            values={{}}
            errors={{}}
            {...extra}
          />,
        )
        return reply
          .code(status)
          .header('cache-control', 'private, no-store')
          .type('text/html; charset=utf-8')
          .send(html)
      }

      app.get(path, async (request, reply) => {
        const sent = (request.query as { sent?: string }).sent === '1'
        return show(reply, { sent })
      })

      app.post(
        path,
        { config: { rateLimit: { max: 5, timeWindow: '10 minutes' } } },
        async (request, reply) => {
          const form = await readTipForm(request)
          await requireCsrf(request, reply, form.values._csrf)
          const input = { ...form.values, kind }
          const parsed = TipInput.safeParse(input)
          const errors: FieldErrors = {}
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const field = issue.path[0] as keyof FieldErrors
              errors[field] = issue.message === 'tooLong' ? 'tooLong' : 'required'
            }
          }
          if (form.attachmentTooLarge) errors.attachment = 'attachmentTooLarge'
          if (!parsed.success || form.attachmentTooLarge) {
            return show(reply, { values: form.values, errors }, 400)
          }
          await deps.pages.submitTip(parsed.data, form.attachment)
          return reply.redirect(`${path}?sent=1`, 303)
        },
      )
    }
  }
