// The newsroom module's public face: staff accounts, the desk workflow screens, home
// curation, moderation and the scheduler that publishes embargoed articles.
//
//   const newsroom = createNewsroom({ ... })       // in app.ts
//   await http.register(newsroom.routes)
//   newsroom.scheduler.start()
import multipart from '@fastify/multipart'
import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import { sendAsset } from '../../platform/http/assets.js'
import { useErrorPage } from '../../platform/http/error-handler.js'
import type { ArticlesStore } from '../articles/index.js'
import type { StoredSetting } from '../outlet/index.js'
import type { SearchAliasesAdmin } from '../search/index.js'
import { createPublishChecks } from './checks/checks.service.js'
import { createDeskService } from './desk.service.js'
import { createHomeCuration } from './home-curation.js'
import { newsroomAssets } from './newsroom.assets.js'
import { createGuard } from './newsroom.guard.js'
import type { NewsroomTables } from './newsroom.table.js'
import { adminRoutes } from './routes/admin.routes.js'
import { articlesRoutes } from './routes/articles.routes.js'
import { authRoutes } from './routes/auth.routes.js'
import { checksRoutes } from './routes/checks.routes.js'
import { makeContext, type NewsroomRouteDeps } from './routes/context.js'
import { deskRoutes } from './routes/desk.routes.js'
import { importRoutes } from './routes/import.routes.js'
import { inboxRoutes } from './routes/inbox.routes.js'
import { integrationsRoutes } from './routes/integrations.routes.js'
import { staticPagesRoutes } from './routes/pages.routes.js'
import { photosRoutes } from './routes/photos.routes.js'
import { portalCheckRoutes } from './routes/portal-check.routes.js'
import { profileRoutes } from './routes/profile.routes.js'
import { redirectsRoutes } from './routes/redirects.routes.js'
import { searchAliasesRoutes } from './routes/search-aliases.routes.js'
import { sectionsRoutes } from './routes/sections.routes.js'
import { settingsRoutes } from './routes/settings.routes.js'
import { setupRoutes } from './routes/setup.routes.js'
import { createScheduler } from './scheduler.js'
import { statsRoutes } from './stats/stats.routes.js'
import { renderRefusal } from './views/refusal.view.js'

export type { Breaking, HomeArrangement, HomeCuration } from './home-curation.js'
export type { ModerationPort } from './routes/moderation.port.js'

export type NewsroomDeps = Omit<NewsroomRouteDeps, 'home' | 'assets' | 'desk' | 'checks'> & {
  /** The search module's alias entries, for 검색 동의어; the screen is absent without it. */
  searchAliases?: SearchAliasesAdmin
  db: Kysely<NewsroomTables>
  bus: InvalidationBus
  /** The article rows, written by the desk workflow (the articles module's store). */
  store: ArticlesStore
  /** The outlet's setting that keeps the home page's pins. */
  homePins: StoredSetting
  /** How often the scheduler looks for due articles. */
  schedulerEveryMs?: number
  logError: (message: string, error: unknown) => void
}

export function createNewsroom(deps: NewsroomDeps) {
  const home = createHomeCuration({ stored: deps.homePins, bus: deps.bus, readModel: deps.readModel })
  const desk = createDeskService({
    db: deps.db,
    clock: deps.clock,
    bus: deps.bus,
    articles: deps.store,
    staff: deps.staff,
  })
  const assets = newsroomAssets()
  const scheduler = createScheduler({
    desk,
    everyMs: deps.schedulerEveryMs ?? 5_000,
    onError: (error) => deps.logError('scheduled publishing failed', error),
  })
  const checks = createPublishChecks({ clock: deps.clock, articles: deps.articles, media: deps.media })
  const routeDeps: NewsroomRouteDeps = { ...deps, desk, home, assets, checks }
  const guard = createGuard(deps.staff, deps.secureCookies)
  const ctx = makeContext(routeDeps, guard)

  const routes: FastifyPluginAsync = async (app) => {
    await app.register(multipart, { throwFileSizeLimit: false })
    app.decorateRequest('staff', null)

    // Refusals are shown in the newsroom's frame with their Korean reason; the site-wide
    // handler decides between this page and JSON, and answers server failures itself.
    useErrorPage(app, async (request, reply, error) =>
      renderRefusal(await ctx.frame(request, reply), error.message),
    )

    app.get('/newsroom/assets/:file', async (request, reply) => {
      const asset = await assets.byUrl(request.url.split('?')[0] ?? '')
      if (!asset) return reply.callNotFound()
      return sendAsset(request, reply, asset)
    })

    authRoutes(app, ctx)
    articlesRoutes(app, ctx)
    deskRoutes(app, ctx)
    checksRoutes(app, ctx)
    importRoutes(app, ctx)
    photosRoutes(app, ctx)
    adminRoutes(app, ctx)
    setupRoutes(app, ctx)
    settingsRoutes(app, ctx)
    integrationsRoutes(app, ctx)
    portalCheckRoutes(app, ctx)
    sectionsRoutes(app, ctx)
    staticPagesRoutes(app, ctx)
    profileRoutes(app, ctx)
    statsRoutes(app, ctx)
    if (deps.searchAliases) searchAliasesRoutes(app, ctx, deps.searchAliases)
    inboxRoutes(app, ctx)
    redirectsRoutes(app, ctx)
  }

  return {
    routes,
    desk,
    home,
    scheduler,
    /** For the reader's home route: the desk's pins over the graded order. */
    homePins: () => home.arrangement(),
  }
}

export type Newsroom = ReturnType<typeof createNewsroom>

export type { DeskService } from './desk.service.js'
export { moderationPort } from './moderation-adapter.js'
export { newsroomErrorCatalogue } from './newsroom.errors.js'
export type { NewsroomTables } from './newsroom.table.js'
