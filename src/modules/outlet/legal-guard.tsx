// The legal guard: until the 신문법 §21 footer fields are complete, the public site shows a
// short notice instead of articles (503, so crawlers come back later), while the newsroom,
// the setup screen, the legal pages and the files they need keep working. It replaces the
// old refusal to start: an outlet can now finish its setup inside the product.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { Layout } from '../../platform/views/layout.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { outletMessages as t } from './outlet.messages.js'
import type { OutletService } from './outlet.service.js'

/** What readers may still reach while the site is not yet open. */
const OPEN_PREFIXES = [
  '/newsroom',
  '/setup',
  '/page/',
  '/media/',
  '/fonts/',
  '/assets/',
  '/favicon',
  '/healthz',
  '/readyz',
  '/metrics',
]

export interface LegalGuardDeps {
  outlet: Pick<OutletService, 'missingLegalFields'>
  setupOpen: () => Promise<boolean>
  site: () => Promise<SiteContext>
}

export function legalGuard(deps: LegalGuardDeps) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/'
    if (OPEN_PREFIXES.some((p) => path === p || path.startsWith(p))) return
    if ((await deps.outlet.missingLegalFields()).length === 0) return
    const [site, setupOpen] = await Promise.all([deps.site(), deps.setupOpen()])
    const html = renderPage(
      <Layout site={site} meta={{ title: t.closedTitle, path: '/', noindex: true }}>
        <section class="closed-notice">
          <h1>{t.closedTitle}</h1>
          <p>{t.closedBody}</p>
          {setupOpen ? <a href="/setup">{t.startSetup}</a> : <a href="/newsroom">{t.toNewsroom}</a>}
        </section>
      </Layout>,
    )
    return reply
      .code(503)
      .header('retry-after', '3600')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(html)
  }
}
