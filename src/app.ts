// The composition root: builds the whole application from a Config. No listening here
// (server.ts does that) and no state outside what this function creates.
import { mkdirSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import cookie from '@fastify/cookie'
import formbody from '@fastify/formbody'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance } from 'fastify'
import { createAccountsModule } from './modules/accounts/index.js'
import { createArticlesModule, SAME_VIEW_MS } from './modules/articles/index.js'
import { createCommentsModule } from './modules/comments/index.js'
import type { DemoServices } from './modules/demo/index.js'
import { createRedirects, type ImportServices, redirectsPlugin } from './modules/importers/index.js'
import { createInboxModule, inboxMessages } from './modules/inbox/index.js'
import { createMediaService } from './modules/media/index.js'
import { createNewsroom, moderationPort } from './modules/newsroom/index.js'
import { createOutletService, createSetupService, legalGuard } from './modules/outlet/index.js'
import { createPagesService, pagesRoutes } from './modules/pages/index.js'
import { createSearch, type SearchSource, type SearchTables, searchRoutes } from './modules/search/index.js'
import { createConsoleMailer, createSmtpMailer, createStaffService } from './modules/staff/index.js'
import { syndicationRoutes } from './modules/syndication/index.js'
import { createLocalInvalidationBus, type InvalidationBus, tags } from './platform/cache/invalidation.js'
import { createPageCache, disabledPageCache } from './platform/cache/page-cache.js'
import { createMemoryRecentKeys } from './platform/cache/recent-keys.js'
import { type Clock, systemClock } from './platform/clock.js'
import type { Config } from './platform/config.js'
import { type Db, openDatabase, tablesFor } from './platform/db/database.js'
import { requireMigrated } from './platform/db/migrate.js'
import { assetsPlugin, bundleAssets, fontDir } from './platform/http/assets.js'
import { compressOnTheFly } from './platform/http/compression.js'
import { installCsrf } from './platform/http/csrf.js'
import { installErrorHandling } from './platform/http/error-handler.js'
import { fallbackRateLimitStore } from './platform/http/fallback-rate-limit-store.js'
import { pageCachePlugin } from './platform/http/page-cache-plugin.js'
import { securityHeadersPlugin } from './platform/http/security-headers.js'
import { createVisitorKey } from './platform/http/visitor-key.js'
import { formatKoreaMastheadDate, koreaDay } from './platform/korea-time.js'
import { healthRoutes } from './platform/ops/health.js'
import { createHousekeeping } from './platform/ops/housekeeping.js'
import { createMetrics } from './platform/ops/metrics.js'
import { echoRequestId, requestIdOptions } from './platform/ops/request-id.js'
import type { RedisLog } from './platform/redis/redis-connections.js'
import { createRedisInvalidationBus, INVALIDATION_CHANNEL } from './platform/redis/redis-invalidation-bus.js'
import { createRedisRecentKeys } from './platform/redis/redis-recent-keys.js'
import { redisSiteKey } from './platform/redis/site-key.js'
import { createDatabaseSessionStore, type SessionStore } from './platform/sessions/session-store.js'
import type { SiteContext } from './platform/views/site-context.js'
import type { Database } from './schema.js'

/** proxy-addr's trust function for `hops` proxies: hop 0 is the peer, then each forwarder. */
const trustHops = (hops: number) => (_address: string, hop: number) => hop < hops

export interface AppOverrides {
  clock?: Clock
  /** Log to stdout (true) or not; tests pass false. */
  logger?: boolean
  bus?: InvalidationBus
  sessions?: SessionStore
}

export async function buildApp(config: Config, overrides: AppOverrides = {}) {
  const clock = overrides.clock ?? systemClock
  const metrics = createMetrics()
  // pg reports a dropped connection as an event, which may come before the server's logger exists.
  let logDbError = (error: Error) => console.error('PostgreSQL connection error', error)
  const dbOptions = { onQuery: metrics.onQuery, onConnectionError: (error: Error) => logDbError(error) }
  const db: Db<Database> = openDatabase<Database>(config.database, dbOptions)
  // Reader pages may read from a PostgreSQL replica; every write goes to the primary.
  const readDb =
    config.databaseReadUrl && config.database.kind === 'postgres'
      ? openDatabase<Database>(
          {
            kind: 'postgres',
            url: config.databaseReadUrl,
            schema: config.database.schema,
            statementTimeoutMs: config.database.statementTimeoutMs,
          },
          dbOptions,
        )
      : null
  // Called only from Redis events, after `http` exists.
  const redisLog: RedisLog = (message, error) => http.log.warn({ err: error }, message)
  // ioredis loads only for outlets that run several nodes.
  const redis = config.redisUrl
    ? (await import('./platform/redis/redis-connections.js')).openRedis(
        config.redisUrl,
        redisLog,
        config.redisCommandTimeoutMs,
      )
    : null
  await requireMigrated(db.kysely)
  const bus =
    overrides.bus ??
    (redis
      ? createRedisInvalidationBus({
          redis,
          log: redisLog,
          channel: `${INVALIDATION_CHANNEL}:${redisSiteKey(config)}`,
        })
      : createLocalInvalidationBus())
  const pageCache = config.pageCache.enabled
    ? createPageCache({ maxEntries: config.pageCache.maxEntries, ttlMs: 60_000 })
    : disabledPageCache
  bus.subscribe((changed) => {
    // The outlet's name and footer are on every page.
    if (changed.includes(tags.outlet)) pageCache.clear()
    else pageCache.invalidate(changed)
  })

  const sessions = overrides.sessions ?? createDatabaseSessionStore({ db: tablesFor(db.kysely), clock })
  const mediaDir = resolve(config.mediaDir)
  mkdirSync(mediaDir, { recursive: true })
  const media = createMediaService({ db: tablesFor(db.kysely), clock, mediaDir })
  const outlet = createOutletService({ db: tablesFor(db.kysely), bus })
  const accounts = createAccountsModule({
    config,
    db: tablesFor(db.kysely),
    clock,
    sessions,
    http: () => http,
    site: () => site(),
    guestWriteUrl: (returnTo) => commentsModule.guestWriteUrl(returnTo),
    afterRename: (readerId) => commentsModule.service.readerChanged(readerId),
    staffNames: async () => (await staff.list()).map((s) => s.name),
    commentsOnDelete: async () => (await commentsModule.settings.get()).onReaderDeleted,
    beforeDelete: async (readerId) => {
      await commentsModule.service.readerDeleted(readerId)
    },
  })
  // With SMTP_URL mail really goes out; without it (development) invite and reset links are
  // printed for the operator, and the newsroom says so instead of claiming a mail was sent.
  const consoleMailer = config.mail.smtpUrl
    ? null
    : createConsoleMailer((line) => {
        if (config.env !== 'test') console.log(line)
      })
  const smtpMailer = config.mail.smtpUrl
    ? createSmtpMailer({
        url: config.mail.smtpUrl,
        from: async () => {
          const o = await outlet.getOutlet()
          return mailSender(o.mailFrom, o.name)
        },
        log: (message, error) => http.log.warn({ err: error }, message),
      })
    : null
  const mailSender = (fromSettings: string, outletName: string) =>
    fromSettings ||
    config.mail.from ||
    `"${outletName.replace(/["\\]/g, '')}" <noreply@${new URL(config.publicUrl).hostname}>`
  const mailer = smtpMailer ?? consoleMailer!
  const staff = createStaffService({
    db: tablesFor(db.kysely),
    clock,
    bus,
    sessions,
    mailer,
    publicUrl: config.publicUrl,
  })
  const commentsModule = createCommentsModule({
    db: tablesFor(db.kysely),
    clock,
    bus,
    auth: accounts.auth,
    site: () => site(),
    settings: outlet.storedSetting('comments'),
    // Called on requests only, after the articles module below exists.
    articles: {
      published: (id) => articles.commented.published(id),
      headlines: (ids) => articles.commented.headlines(ids),
    },
    authors: { profiles: accounts.profiles },
    guestsAllowed: config.comments.guests,
    ratePerMinute: config.comments.ratePerMinute,
    ipRatePerMinute: config.comments.ipRatePerMinute,
    setReaderSuspended: accounts.setSuspended,
    loginProviders: () => accounts.login.providers.map((p) => ({ id: p.id, label: p.label })),
  })
  const comments = commentsModule.readModel
  const articles = createArticlesModule({
    db: tablesFor(db.kysely),
    readDb: readDb ? tablesFor(readDb.kysely) : undefined,
    clock,
    bus,
    media,
    comments,
    staff,
    todayPicks: outlet.storedSetting('todayPhotos'),
    recentViews: redis
      ? createRedisRecentKeys(redis.commands, {
          prefix: `sinmun-view:${redisSiteKey(config)}:`,
          ttlMs: SAME_VIEW_MS,
          now: () => clock.now().getTime(),
        })
      : createMemoryRecentKeys({ ttlMs: SAME_VIEW_MS, now: () => clock.now().getTime() }),
  })
  const pages = createPagesService({ db: tablesFor(db.kysely), clock, bus })
  const inbox = createInboxModule({
    db: tablesFor(db.kysely),
    clock,
    bus,
    uploadsDir: resolve(config.dataDir, 'uploads'),
    publicUrl: config.publicUrl,
    articles: articles.commented,
    staff,
    mailer,
    settings: outlet.storedSetting('inbox'),
    site: () => site(),
    logError: (message, error) => http.log.error({ err: error }, message),
  })
  const setup = createSetupService({
    outlet,
    staff,
    prefillPages: (name) => pages.prefillLegalPages(name),
    now: () => clock.now(),
  })
  const searchSource: SearchSource = {
    ...articles.searchSource,
    // The reporter filter lists staff with a byline, by name.
    bylineReporters: async () => {
      const profiles = await staff.profiles(await articles.searchSource.bylineStaffIds())
      return [...profiles.values()]
        .map((p) => ({ id: p.id, name: p.name }))
        .sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : x.id - y.id))
    },
  }
  const search = createSearch({
    db: { kysely: tablesFor<SearchTables, Database>(db.kysely), dialect: db.dialect },
    clock,
    bus,
    source: searchSource,
    logError: (message, error) => http.log.error({ err: error }, message),
  })
  const assets = await bundleAssets()
  const redirects = createRedirects({ db: tablesFor(db.kysely), clock })

  // The same object while the outlet, the sections and the date stay the same: pages render
  // their masthead and footer once per version of it (platform/views/rendered-once.ts).
  let current: SiteContext | undefined
  // The masthead menu: top-level sections not hidden, kept as one array per sections version.
  let allSections: unknown
  let menu: SiteContext['sections'] = []
  const site = async (): Promise<SiteContext> => {
    const [outletSettings, sections] = await Promise.all([outlet.getOutlet(), articles.readModel.sections()])
    if (sections !== allSections) {
      allSections = sections
      menu = sections.filter((s) => !s.hidden && (s.parentId ?? null) === null)
    }
    const today = formatKoreaMastheadDate(clock.now())
    if (current?.outlet !== outletSettings || current.sections !== menu || current.today !== today) {
      current = {
        outlet: outletSettings,
        sections: menu,
        publicUrl: config.publicUrl,
        assets,
        kakaoJsKey: outletSettings.kakaoJsKey || config.kakaoJsKey,
        today,
        isoDate: koreaDay(clock.now()),
      }
    }
    return current
  }

  const newsroom = createNewsroom({
    searchAliases: search.aliases,
    db: tablesFor(db.kysely),
    clock,
    bus,
    secureCookies: config.publicUrl.startsWith('https:'),
    staff,
    readModel: articles.readModel,
    store: articles.store,
    articles: articles.deskQueries,
    stats: articles.stats,
    homePins: outlet.storedSetting('homePins'),
    homeZones: articles.homeZones,
    media,
    pages,
    outlet,
    setup,
    sectionsAdmin: articles.sectionsAdmin,
    inbox: inbox.service,
    comments,
    todayPhotos: articles.todayPhotos,
    moderation: moderationPort(commentsModule.moderation),
    redirects,
    site,
    mailTransport: mailer.transport,
    searchRelated: async (q) =>
      (await search.searchArticles({ q, sort: 'newest', limit: 20 })).hits.map((h) => ({
        id: h.id,
        headline: h.headline,
        publishedAt: h.publishedAt,
      })),
    searchArticles: (params) => search.searchArticles(params),
    logError: (message, error) => http.log.error({ err: error }, message),
  })

  const http: FastifyInstance = Fastify({
    logger: overrides.logger === false ? false : { level: config.logLevel },
    // A hop count trusts that many proxies nearest to us, whatever their address (Fastify
    // itself reads a number as "trust none"); addresses are checked as given.
    trustProxy: typeof config.trustProxy === 'number' ? trustHops(config.trustProxy) : config.trustProxy,
    ...requestIdOptions,
    bodyLimit: 1_048_576,
  })
  echoRequestId(http)
  logDbError = (error) => http.log.error({ err: error }, 'PostgreSQL connection error')
  const opsAccess = { token: config.opsToken, production: config.env === 'production' }
  metrics.install(http, opsAccess)
  const disks = [
    mediaDir,
    ...(config.database.kind === 'sqlite' && config.database.file !== ':memory:'
      ? [dirname(resolve(config.database.file))]
      : []),
  ]
  await http.register(
    healthRoutes({ db: db.kysely, disks, minFreeBytes: config.minFreeDiskBytes, access: opsAccess }),
  )
  // One rate limiter for every module; its counters live in Redis when there is one, and in
  // this node while Redis fails or is slower than its command timeout.
  await http.register(rateLimit, {
    global: false,
    ...(redis
      ? { store: fallbackRateLimitStore(redis.commands, `sinmun-rate:${redisSiteKey(config)}:`) }
      : {}),
  })
  await http.register(cookie, { secret: config.sessionSecret })
  await http.register(formbody)
  await installCsrf(http, config.publicUrl.startsWith('https:'))
  await http.register(securityHeadersPlugin, { config })
  // Before the page cache: a closed site never answers from it. Tests build apps without a
  // footer on purpose, so the guard runs for the real environments only.
  if (config.env !== 'test') {
    http.addHook('onRequest', legalGuard({ outlet, setupOpen: setup.isOpen, site }))
  }
  // Old addresses of a site that moved in are answered before the page cache serves `/`.
  await http.register(redirectsPlugin, { redirects })
  await http.register(pageCachePlugin, { cache: pageCache, cdnMaxAge: config.cdnMaxAge })
  compressOnTheFly(http)
  installErrorHandling(http, site, { movedTo: (url) => redirects.find(url) })
  await http.register(fastifyStatic, {
    root: mediaDir,
    prefix: '/media/',
    immutable: true,
    maxAge: '365d',
    decorateReply: false,
    index: false,
  })
  await http.register(fastifyStatic, {
    root: fontDir,
    prefix: '/fonts/',
    immutable: true,
    maxAge: '365d',
    decorateReply: false,
    index: false,
  })
  await http.register(assetsPlugin(assets))
  await http.register(
    articles.routes({
      comments,
      site,
      homePins: newsroom.homePins,
      visitorOf: createVisitorKey(config.sessionSecret, clock),
      ownHost: new URL(config.publicUrl).hostname,
      notices: async (articleId) =>
        (await inbox.service.noticesFor(articleId)).map((n) => ({
          ...n,
          title: inboxMessages.notice[n.kind],
        })),
    }),
  )
  await http.register(pagesRoutes({ pages, site }))
  await http.register(inbox.routes)
  await http.register(accounts.routes)
  await http.register(commentsModule.routes)
  await http.register(newsroom.routes)
  await http.register(searchRoutes({ search, articles: articles.readModel, source: searchSource, site }))
  await http.register(
    syndicationRoutes({
      articles: articles.published,
      sections: articles.readModel.sections,
      pages,
      site,
      clock,
      mediaDir,
    }),
  )

  const housekeeping = createHousekeeping({
    jobs: [
      { name: 'sessions', run: () => sessions.purgeExpired() },
      { name: 'staff', run: () => staff.purgeExpired() },
    ],
    onError: (job, error) => http.log.error({ err: error, job }, 'housekeeping failed'),
  })
  newsroom.scheduler.start()
  inbox.jobs.start()
  housekeeping.start()
  http.addHook('onClose', async () => {
    await housekeeping.stop()
    await newsroom.scheduler.stop()
    inbox.jobs.stop()
    await articles.close()
    await search.close()
    await db.close()
    await readDb?.close()
    await redis?.close()
    smtpMailer?.close()
  })

  return {
    http,
    config,
    clock,
    db,
    bus,
    pageCache,
    sessions,
    housekeeping,
    services: {
      accounts,
      commentsService: commentsModule.service,
      moderation: commentsModule.moderation,
      media,
      outlet,
      comments,
      articles: articles.readModel,
      articleStore: articles.store,
      published: articles.published,
      desk: newsroom.desk,
      todayPhotos: articles.todayPhotos,
      pages,
      inbox: inbox.service,
      views: articles.views,
      viewStats: articles.stats,
      search,
      searchSource,
      redirects,
      staff,
      mailer,
      /** The messages printed instead of sent (no SMTP_URL); null when mail really goes out. */
      consoleMailer,
      setup,
      sectionsAdmin: articles.sectionsAdmin,
      newsroom,
      /** What the importers write through (`sinmun import`). */
      importing: {
        db: tablesFor(db.kysely),
        clock,
        sections: articles.store,
        articles: articles.store,
        staff,
        media,
        desk: newsroom.desk,
        comments: commentsModule.service,
        pages,
        home: newsroom.home,
        redirects,
      } satisfies ImportServices,
      /** What the demo seeder writes through. */
      seeding: {
        clock,
        media,
        outlet,
        sections: articles.store,
        staff,
        desk: newsroom.desk,
        pages,
        todayPhotos: articles.todayPhotos,
        views: articles.views,
        readers: accounts,
        comments: commentsModule.service,
        home: newsroom.home,
      } satisfies DemoServices,
    },
    close: () => http.close(),
  }
}

export type Sinmun = Awaited<ReturnType<typeof buildApp>>
