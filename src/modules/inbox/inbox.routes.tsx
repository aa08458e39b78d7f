// The public request form at /tip (기사제보 first) and /correction-request (정정보도 first).
// It works without JavaScript: a refused submission comes back with every field as typed.
import multipart from '@fastify/multipart'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { requireCsrf } from '../../platform/http/csrf.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { type FieldError, type FieldErrors, MAX_ATTACHMENT_BYTES, RequestInput } from './inbox.schema.js'
import type { InboxService } from './inbox.service.js'
import type { RequestKind } from './inbox.table.js'
import { type RequestFormProps, RequestFormView } from './inbox.views.js'

export interface InboxRoutesDeps {
  inbox: InboxService
  site: () => Promise<SiteContext>
}

const FORM_FIELDS = [
  'kind',
  'name',
  'contact',
  'subject',
  'body',
  'articleUrl',
  'disputedPassage',
  'learnedOn',
  'consent',
  'clientKey',
  '_csrf',
] as const
/** A form's key as the page gave it, or none (an old page, a hand-made post). */
const clientKeyOf = (value: string | undefined) =>
  value && /^[A-Za-z0-9_-]{16,64}$/.test(value) ? value : undefined

const KNOWN_ERRORS: readonly FieldError[] = ['tooLong', 'consentRequired', 'articleRequired', 'badDate']

async function readForm(request: FastifyRequest) {
  const values: Record<string, string> = {}
  let attachment: { name: string; type: string; data: Buffer } | undefined
  let attachmentTooLarge = false
  for await (const part of request.parts({
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 20 },
  })) {
    if (part.type === 'file') {
      const data = await part.toBuffer()
      if (part.file.truncated) attachmentTooLarge = true
      else if (part.filename && data.length > 0)
        attachment = { name: part.filename, type: part.mimetype, data }
    } else if ((FORM_FIELDS as readonly string[]).includes(part.fieldname)) {
      values[part.fieldname] = String(part.value)
    }
  }
  return { values, attachment, attachmentTooLarge }
}

export const inboxRoutes =
  (deps: InboxRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    await app.register(multipart, { throwFileSizeLimit: false })

    const forms: [string, RequestKind][] = [
      ['/tip', 'tip'],
      ['/correction-request', 'correction'],
    ]
    for (const [path, kind] of forms) {
      const show = async (reply: FastifyReply, extra: Partial<RequestFormProps> = {}, status = 200) => {
        const html = renderPage(
          <RequestFormView
            site={await deps.site()}
            path={path}
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
        const sent = (request.query as { sent?: string }).sent
        return show(reply, { sent: sent === 'statutory' ? 'statutory' : sent === '1' ? 'tip' : undefined })
      })

      app.post(
        path,
        { config: { rateLimit: { max: 5, timeWindow: '10 minutes' } } },
        async (request, reply) => {
          const form = await readForm(request)
          await requireCsrf(request, reply, form.values._csrf)
          const parsed = RequestInput.safeParse({ kind, ...form.values })
          const errors: FieldErrors = {}
          if (!parsed.success) {
            for (const issue of parsed.error.issues) {
              const field = issue.path[0] as keyof FieldErrors
              const known = KNOWN_ERRORS.find((e) => e === issue.message)
              errors[field] ??= known ?? 'required'
            }
          }
          if (form.attachmentTooLarge) errors.attachment = 'attachmentTooLarge'
          // A statutory request is about one of our articles; the clock needs its publication.
          if (
            parsed.success &&
            parsed.data.kind !== 'tip' &&
            !deps.inbox.articleIdOf(parsed.data.articleUrl)
          ) {
            errors.articleUrl = 'articleRequired'
          }
          if (!parsed.success || Object.keys(errors).length > 0) {
            return show(reply, { values: form.values, errors }, 400)
          }
          await deps.inbox.submit(parsed.data!, form.attachment, clientKeyOf(form.values.clientKey))
          return reply.redirect(`${path}?sent=${parsed.data.kind === 'tip' ? '1' : 'statutory'}`, 303)
        },
      )
    }
  }
