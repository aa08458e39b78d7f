// Reader accounts: social login (Kakao, Naver, Google, any OpenID issuer, the demo provider),
// server-side reader sessions and the reader's display name.
import { createHmac } from 'node:crypto'
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type Provider from 'oidc-provider'
import type { CustomFetch } from 'openid-client'
import type { Clock } from '../../platform/clock.js'
import type { Config } from '../../platform/config.js'
import type { SessionStore } from '../../platform/sessions/session-store.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { findOrCreateReader, findReader, readersByIds, setSuspended } from './accounts.repository.js'
import { accountsRoutes } from './accounts.routes.js'
import type { AccountsTables } from './accounts.table.js'
import { demoOidcRoutes, inProcessFetch } from './demo-oidc/demo-oidc.routes.js'
import { createDemoProvider } from './demo-oidc/demo-provider.js'
import { createLoginService } from './login/login-service.js'
import { configuredProviders, type LoginProvider } from './login/providers.js'
import { createReaderAuth } from './reader-auth.js'

export { cleanName, DisplayName } from './display-name.js'
export { ProviderButtons, type ProviderChoice } from './provider-buttons.js'
export type { Reader, ReaderAuth } from './reader-auth.js'

export interface AccountsDeps {
  config: Config
  db: Kysely<AccountsTables>
  clock: Clock
  sessions: SessionStore
  /** The app itself, for in-process calls to the demo provider (built after this module). */
  http: () => FastifyInstance
  site: () => Promise<SiteContext>
  guestWriteUrl: (returnTo: string) => string | null
  afterRename: (readerId: number) => Promise<void>
  /** Names of the newsroom's staff, which readers may not take as display names. */
  staffNames: () => Promise<string[]>
  /** The outlet's choice for a leaving reader's comments, and carrying it out (comments). */
  commentsOnDelete: () => Promise<'keep' | 'delete'>
  beforeDelete: (readerId: number) => Promise<void>
  /** Tests play outside providers (Kakao, Naver) at the HTTP edge through this. */
  providerFetch?: CustomFetch
}

export function createAccountsModule(deps: AccountsDeps) {
  const { config } = deps
  const secureCookies = config.publicUrl.startsWith('https:')
  // Derived, so the demo needs no configuration and survives restarts.
  const derive = (label: string) =>
    createHmac('sha256', config.sessionSecret).update(label).digest('base64url')
  const providers = configuredProviders(config, derive('demo-client-secret'))
  let demo: Promise<Provider> | undefined
  const demoProvider = () => {
    demo ??= createDemoProvider({
      publicUrl: config.publicUrl,
      clientSecret: derive('demo-client-secret'),
      cookieKey: derive('demo-cookie-key'),
    })
    return demo
  }
  const demoFetch = inProcessFetch(deps.http, config.publicUrl)
  const login = createLoginService({
    providers,
    publicUrl: config.publicUrl,
    fetchFor: (provider: LoginProvider) => (provider.id === 'demo' ? demoFetch : deps.providerFetch),
  })
  const auth = createReaderAuth({ db: deps.db, sessions: deps.sessions, clock: deps.clock, secureCookies })

  const routes: FastifyPluginAsync = async (app) => {
    if (!app.hasDecorator('rateLimit')) await app.register(rateLimit, { global: false })
    await app.register(
      accountsRoutes({
        db: deps.db,
        clock: deps.clock,
        login,
        auth,
        site: deps.site,
        publicUrl: config.publicUrl,
        secureCookies,
        guestWriteUrl: deps.guestWriteUrl,
        loginRatePerMinute: 30,
        afterRename: deps.afterRename,
        staffNames: deps.staffNames,
        commentsOnDelete: deps.commentsOnDelete,
        beforeDelete: deps.beforeDelete,
      }),
    )
    if (providers.some((p) => p.id === 'demo')) {
      await app.register(demoOidcRoutes({ provider: demoProvider, site: deps.site }))
    }
  }

  return {
    auth,
    login,
    routes,
    /** Suspends or reinstates a reader; suspension also ends every session they have. */
    async setSuspended(readerId: number, suspended: boolean) {
      await setSuspended(deps.db, readerId, suspended ? deps.clock.now().toISOString() : null)
      if (suspended) await auth.signOutEverywhere(readerId)
    },
    findReader: (id: number) => findReader(deps.db, id),
    /** The account of (provider, subject), made on first sight (a login, the demo's readers). */
    findOrCreateReader: (identity: { provider: string; subject: string; displayName: string }) =>
      findOrCreateReader(deps.db, identity, deps.clock.now().toISOString()),
    /** Display names and standing by reader id; unknown ids are absent. */
    async profiles(ids: readonly number[]) {
      const rows = await readersByIds(deps.db, ids)
      return new Map(
        rows.map((r) => [r.id, { displayName: r.displayName, suspended: r.suspendedAt !== null }]),
      )
    },
  }
}

export type AccountsModule = ReturnType<typeof createAccountsModule>

export { accountsErrorCatalogue } from './accounts.errors.js'
export type { AccountsTables } from './accounts.table.js'
