// The newsroom module's public face: staff accounts, the desk workflow screens, home
// curation, moderation and the scheduler that publishes embargoed articles.
//
//   const newsroom = createNewsroom({ ... })       // in app.ts
//   await http.register(newsroom.routes)
//   newsroom.scheduler.start()
import multipart from '@fastify/multipart'
import type { FastifyError, FastifyPluginAsync } from 'fastify'
import { ZodError } from 'zod'
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import { AppError } from '../../platform/errors.js'
import { renderPage } from '../../platform/views/render.js'
import type { ArticlesReader } from '../articles/articles.reader.js'
import { createHomeCuration } from './home-curation.js'
import { newsroomAssets } from './newsroom.assets.js'
import { createGuard } from './newsroom.guard.js'
import { nm } from './newsroom.messages.js'
import { adminRoutes } from './routes/admin.routes.js'
import { articlesRoutes } from './routes/articles.routes.js'
import { authRoutes } from './routes/auth.routes.js'
import { makeContext, type NewsroomRouteDeps } from './routes/context.js'
import { deskRoutes } from './routes/desk.routes.js'
import { photosRoutes } from './routes/photos.routes.js'
import { createScheduler } from './scheduler.js'
import { NewsroomLayout } from './views/layout.js'

export type { HomeArrangement } from './home-curation.js'
export type { ModerationPort } from './routes/moderation.port.js'

export type NewsroomDeps = Omit<NewsroomRouteDeps, 'home' | 'assets'> & {
  bus: InvalidationBus
  reader: ArticlesReader
  /** How often the scheduler looks for due articles. */
  schedulerEveryMs?: number
  logError: (message: string, error: unknown) => void
}

const ERROR_TEXT: Record<string, string> = {
  NEWSROOM_FORBIDDEN: nm.errors.forbidden,
  ARTICLE_INVALID_TRANSITION: nm.errors.conflict,
  CSRF_INVALID: nm.errors.invalidInput,
  VALIDATION_FAILED: nm.errors.invalidInput,
}

export function createNewsroom(deps: NewsroomDeps) {
  const home = createHomeCuration({ db: deps.db, bus: deps.bus, reader: deps.reader })
  const assets = newsroomAssets()
  const scheduler = createScheduler({
    writer: deps.writer,
    everyMs: deps.schedulerEveryMs ?? 5_000,
    onError: (error) => deps.logError('scheduled publishing failed', error),
  })
  const routeDeps: NewsroomRouteDeps = { ...deps, home, assets }
  const guard = createGuard(deps.staff)
  const ctx = makeContext(routeDeps, guard)

  const routes: FastifyPluginAsync = async (app) => {
    await app.register(multipart, { throwFileSizeLimit: false })
    app.decorateRequest('staff', null)

    // Newsroom errors are shown in the newsroom's frame with their Korean reason; anything
    // unexpected goes to the site-wide handler (logged, plain 500).
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const known =
        error instanceof AppError || error instanceof ZodError || error.code === 'FST_CSRF_INVALID_TOKEN'
      if (!known && !(error.statusCode && error.statusCode < 500)) throw error
      const status =
        error instanceof AppError ? error.status : error instanceof ZodError ? 400 : (error.statusCode ?? 400)
      const code =
        error instanceof AppError
          ? error.code
          : error instanceof ZodError
            ? 'VALIDATION_FAILED'
            : (error.code ?? 'BAD_REQUEST')
      const message =
        ERROR_TEXT[code] ??
        (error instanceof AppError && /[\uac00-\ud7a3]/.test(error.message)
          ? error.message
          : nm.errors.invalidInput)
      reply.code(status).header('cache-control', 'private, no-store')
      if (
        (request.method !== 'GET' && !(request.headers.accept ?? '').includes('text/html')) ||
        (request.headers.accept ?? '').includes('application/json')
      ) {
        return reply.send({ errors: [{ code, message }] })
      }
      const frame = await ctx.frame(request, reply)
      return reply.type('text/html; charset=utf-8').send(
        renderPage(
          <NewsroomLayout frame={frame} title={nm.title} error={message}>
            {null}
          </NewsroomLayout>,
        ),
      )
    })

    app.get('/newsroom/assets/:file', async (request, reply) => {
      const asset = await assets.byUrl(request.url.split('?')[0] ?? '')
      if (!asset) return reply.callNotFound()
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(asset.type)
        .send(asset.body)
    })

    authRoutes(app, ctx)
    articlesRoutes(app, ctx)
    deskRoutes(app, ctx)
    photosRoutes(app, ctx)
    adminRoutes(app, ctx)
  }

  return {
    routes,
    home,
    scheduler,
    /** For the reader's home route: the desk's pins over the graded order. */
    homePins: () => home.arrangement(),
  }
}

export type Newsroom = ReturnType<typeof createNewsroom>
