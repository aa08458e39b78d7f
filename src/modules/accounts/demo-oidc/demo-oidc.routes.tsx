// Mounts the demo OpenID provider under /demo-oidc and serves its one interaction page:
// the reader picks the name their demo account shows.
import type { IncomingMessage } from 'node:http'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type Provider from 'oidc-provider'
import type { CustomFetch } from 'openid-client'
import { z } from 'zod'
import { renderPage } from '../../../platform/views/render.js'
import type { SiteContext } from '../../../platform/views/site-context.js'
import { DemoLoginView } from './demo-oidc.view.js'
import { DEMO_MOUNT, demoSubject } from './demo-provider.js'

export interface DemoOidcDeps {
  provider: () => Promise<Provider>
  site: () => Promise<SiteContext>
}

const NameForm = z.object({ name: z.string().trim().min(2).max(20) })

export const demoOidcRoutes =
  (deps: DemoOidcDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/demo-oidc/interaction/:uid', async (request, reply) => {
      const provider = await deps.provider()
      const interaction = await provider.interactionDetails(request.raw, reply.raw)
      const html = renderPage(
        <DemoLoginView
          site={await deps.site()}
          action={`${DEMO_MOUNT}/interaction/${interaction.uid}`}
          csrfToken={reply.generateCsrf()}
          error={false}
          name=""
        />,
      )
      return reply.header('cache-control', 'private, no-store').type('text/html; charset=utf-8').send(html)
    })

    app.post('/demo-oidc/interaction/:uid', { preHandler: app.csrfProtection }, async (request, reply) => {
      const provider = await deps.provider()
      const interaction = await provider.interactionDetails(request.raw, reply.raw)
      const form = NameForm.safeParse(request.body)
      if (!form.success) {
        const typed = (request.body as { name?: unknown } | undefined)?.name
        const html = renderPage(
          <DemoLoginView
            site={await deps.site()}
            action={`${DEMO_MOUNT}/interaction/${interaction.uid}`}
            csrfToken={reply.generateCsrf()}
            error
            name={typeof typed === 'string' ? typed : ''}
          />,
        )
        return reply.code(400).header('cache-control', 'no-store').type('text/html; charset=utf-8').send(html)
      }
      reply.hijack()
      await provider.interactionFinished(
        request.raw,
        reply.raw,
        { login: { accountId: demoSubject(form.data.name) } },
        { mergeWithLastSubmission: false },
      )
    })

    // Everything else is the provider's own (Koa) app; it reads request bodies itself.
    await app.register(async (raw) => {
      raw.removeAllContentTypeParsers()
      raw.addContentTypeParser('*', (_request, _payload, done) => done(null))
      raw.all(`${DEMO_MOUNT}/*`, async (request, reply) => {
        const provider = await deps.provider()
        reply.hijack()
        const req = request.raw as IncomingMessage & { originalUrl?: string }
        req.originalUrl = req.url
        req.url = (req.url ?? '').slice(DEMO_MOUNT.length) || '/'
        await provider.callback()(req, reply.raw)
      })
    })
  }

/**
 * The app's back channel to its own demo provider goes through `inject`, not the network:
 * it works wherever the public URL does not resolve from inside (containers, tests).
 */
export function inProcessFetch(http: () => FastifyInstance, publicUrl: string): CustomFetch {
  const base = new URL(publicUrl)
  const issuer = `${publicUrl}${DEMO_MOUNT}`
  return async (url, options) => {
    if (url !== issuer && !url.startsWith(`${issuer}/`)) throw new Error(`not a demo provider URL: ${url}`)
    const target = new URL(url)
    const body = options.body
    const response = await http().inject({
      method: options.method as 'GET' | 'POST',
      url: target.pathname + target.search,
      headers: { ...options.headers, host: base.host, 'x-forwarded-proto': base.protocol.replace(':', '') },
      ...(body === undefined || body === null ? {} : { payload: String(body) }),
    })
    const headers = new Headers()
    for (const [key, value] of Object.entries(response.headers)) {
      if (value === undefined) continue
      for (const one of [value].flat()) headers.append(key, String(one))
    }
    const empty = [204, 205, 304].includes(response.statusCode)
    return new Response(empty ? null : new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers,
    })
  }
}
