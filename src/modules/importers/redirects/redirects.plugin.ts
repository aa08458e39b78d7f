// Old addresses answered with a 301 to where the page now lives. Most reach us as 404s and
// are looked up by the site's not-found handler (`movedTo` in app.ts). Three kinds would
// otherwise meet one of our own routes first, so they are caught here:
//   - WordPress's `/?p=N`, `/?page_id=N`, `/?cat=N` … would get the (cached) home page;
//   - ndsoft's `/news/articleView.html?idxno=N` would meet `/news/:id` and its 400;
//   - ndsoft's list pages, for symmetry, before any future `/news/…` route.
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import fp from 'fastify-plugin'
import { asksForOldWordpressPage } from './old-address.js'
import type { Redirects } from './redirects.service.js'

/** Browsers keep a 301 for a day, so a redirect the admin corrects takes effect soon. */
export function sendMoved(reply: FastifyReply, target: string) {
  return reply.code(301).header('location', target).header('cache-control', 'public, max-age=86400').send()
}

const NDSOFT_PAGES = ['/news/articleView.html', '/news/articleViewAmp.html', '/news/articleList.html']

const plugin: FastifyPluginAsync<{ redirects: Pick<Redirects, 'find'> }> = async (app, { redirects }) => {
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return
    if (!asksForOldWordpressPage(request.url)) return
    const target = await redirects.find(request.url)
    if (target) return sendMoved(reply, target)
  })
  for (const path of NDSOFT_PAGES) {
    app.get(path, async (request, reply) => {
      const target = await redirects.find(request.url)
      return target ? sendMoved(reply, target) : reply.callNotFound()
    })
  }
}

export const redirectsPlugin = fp(plugin, { name: 'old-address-redirects' })
