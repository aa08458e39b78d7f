// Static pages (legal notices, about), served from the page cache.
import type { FastifyPluginAsync } from 'fastify'
import { tags } from '../../platform/cache/invalidation.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { PagesService } from './pages.service.js'
import { StaticPageView } from './pages.views.js'

export interface PagesRoutesDeps {
  pages: PagesService
  site: () => Promise<SiteContext>
}

export const pagesRoutes =
  (deps: PagesRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    app.get('/page/:slug', { config: { pageCache: {} } }, async (request, reply) => {
      const { slug } = request.params as { slug: string }
      const [site, page] = await Promise.all([deps.site(), deps.pages.findPage(slug)])
      if (!page) return reply.callNotFound()
      const html = renderPage(<StaticPageView site={site} slug={slug} title={page.title} body={page.body} />)
      return reply.sendPage(html, [tags.page(slug), tags.outlet])
    })
  }
