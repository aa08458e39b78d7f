// Reader login routes: the account chooser, the redirect to a provider and its callback,
// the profile (display name) and logout.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { z } from 'zod'
import type { Clock } from '../../platform/clock.js'
import { AppError } from '../../platform/errors.js'
import { renderPage } from '../../platform/views/render.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { accountMessages as m } from './accounts.messages.js'
import { eraseReader, findOrCreateReader, renameReader } from './accounts.repository.js'
import type { AccountsTables } from './accounts.table.js'
import {
  AccountDeletedView,
  ChooserView,
  DeleteAccountView,
  LoginFailedView,
  ProfileView,
} from './accounts.views.js'
import { DisplayName } from './display-name.js'
import type { LoginService } from './login/login-service.js'
import {
  clearTransaction,
  readTransaction,
  safeReturnPath,
  saveTransaction,
  transactionTtlMs,
} from './login/login-transaction.js'
import type { ReaderAuth } from './reader-auth.js'
import { isReservedName } from './reserved-names.js'

export interface AccountsRoutesDeps {
  db: Kysely<AccountsTables>
  clock: Clock
  login: LoginService
  auth: ReaderAuth
  site: () => Promise<SiteContext>
  publicUrl: string
  secureCookies: boolean
  /** Where a guest writes a comment for the article a return path points at, when allowed. */
  guestWriteUrl: (returnTo: string) => string | null
  /** Login attempts per IP and minute. */
  loginRatePerMinute: number
  /** Called after a reader's display name changed (their comments show it). */
  afterRename: (readerId: number) => Promise<void>
  /** Names of the newsroom's staff, which readers may not take. */
  staffNames: () => Promise<string[]>
  /** What the outlet does with a leaving reader's comments, and doing it (the comments module). */
  commentsOnDelete: () => Promise<'keep' | 'delete'>
  beforeDelete: (readerId: number) => Promise<void>
}

const ReturnQuery = z.object({ return: z.unknown().optional() })

const PRIVATE = 'private, no-store'
const html = (reply: FastifyReply, page: string, status = 200) =>
  reply.code(status).header('cache-control', PRIVATE).type('text/html; charset=utf-8').send(page)

export const accountsRoutes =
  (deps: AccountsRoutesDeps): FastifyPluginAsync =>
  async (app) => {
    const rateLimit = {
      rateLimit: {
        max: deps.loginRatePerMinute,
        timeWindow: 60_000,
        keyGenerator: (r: FastifyRequest) => r.ip,
      },
    }

    app.get('/comments/login', async (request, reply) => {
      const returnTo = safeReturnPath(ReturnQuery.parse(request.query).return)
      const page = renderPage(
        <ChooserView
          site={await deps.site()}
          providers={deps.login.providers.map((p) => ({ id: p.id, label: p.label }))}
          returnTo={returnTo}
          guestWriteUrl={deps.guestWriteUrl(returnTo)}
        />,
      )
      return html(reply, page)
    })

    app.get('/comments/login/:provider', { config: rateLimit }, async (request, reply) => {
      const provider = deps.login.providerById((request.params as { provider: string }).provider)
      if (!provider) return reply.callNotFound()
      const returnTo = safeReturnPath(ReturnQuery.parse(request.query).return)
      const { url, transaction } = await deps.login.start(
        provider,
        returnTo,
        deps.clock.now().getTime() + transactionTtlMs,
      )
      saveTransaction(reply, transaction, deps.secureCookies)
      return reply.header('cache-control', PRIVATE).redirect(url, 302)
    })

    app.get('/comments/login/:provider/callback', { config: rateLimit }, async (request, reply) => {
      const provider = deps.login.providerById((request.params as { provider: string }).provider)
      if (!provider) return reply.callNotFound()
      const tx = readTransaction(request, deps.clock.now().getTime(), deps.secureCookies)
      // One use only: whatever happens next, this browser's login attempt is over.
      clearTransaction(reply, deps.secureCookies)
      const retryUrl = `/comments/login?return=${encodeURIComponent(tx?.returnTo ?? '/')}`
      const failed = async (suspended = false) =>
        html(
          reply,
          renderPage(<LoginFailedView site={await deps.site()} retryUrl={retryUrl} suspended={suspended} />),
          suspended ? 403 : 400,
        )
      if (!tx) return failed()
      let identity: Awaited<ReturnType<LoginService['finish']>>
      try {
        identity = await deps.login.finish(provider, new URL(request.url, deps.publicUrl), tx)
      } catch (error) {
        if (!(error instanceof AppError)) throw error
        request.log.info({ reason: error.details.reason, err: error.cause }, 'reader login refused')
        return failed()
      }
      // A provider's nickname may pose as the outlet; such a reader starts as 독자 and renames.
      const named = isReservedName(identity.displayName, await deps.staffNames())
        ? { ...identity, displayName: m.defaultName }
        : identity
      const reader = await findOrCreateReader(deps.db, named, deps.clock.now().toISOString())
      if (reader.suspendedAt) return failed(true)
      await deps.auth.signIn(reply, reader.id)
      return reply.header('cache-control', PRIVATE).redirect(tx.returnTo, 303)
    })

    app.post('/comments/logout', { preHandler: app.csrfProtection }, async (request, reply) => {
      await deps.auth.signOut(request, reply)
      const returnTo = safeReturnPath((request.body as { return?: unknown } | undefined)?.return)
      return reply.redirect(returnTo, 303)
    })

    app.get('/comments/profile', async (request, reply) => {
      const reader = await deps.auth.currentReader(request)
      const returnTo = safeReturnPath(ReturnQuery.parse(request.query).return)
      if (!reader) return reply.redirect(`/comments/login?return=${encodeURIComponent(returnTo)}`, 303)
      const page = renderPage(
        <ProfileView
          site={await deps.site()}
          reader={reader}
          name={reader.displayName}
          csrfToken={reply.generateCsrf()}
          returnTo={returnTo}
          status="form"
        />,
      )
      return html(reply, page)
    })

    app.post('/comments/profile', { preHandler: app.csrfProtection }, async (request, reply) => {
      const reader = await deps.auth.currentReader(request)
      const body = (request.body ?? {}) as { displayName?: unknown; return?: unknown }
      const returnTo = safeReturnPath(body.return)
      if (!reader) return reply.redirect(`/comments/login?return=${encodeURIComponent(returnTo)}`, 303)
      const name = DisplayName.safeParse(body.displayName)
      const reserved = name.success && isReservedName(name.data, await deps.staffNames())
      if (name.success && !reserved) {
        await renameReader(deps.db, reader.id, name.data)
        await deps.afterRename(reader.id)
      }
      const page = renderPage(
        <ProfileView
          site={await deps.site()}
          reader={name.success && !reserved ? { ...reader, displayName: name.data } : reader}
          name={name.success ? name.data : typeof body.displayName === 'string' ? body.displayName : ''}
          csrfToken={reply.generateCsrf()}
          returnTo={returnTo}
          status={reserved ? 'reserved' : name.success ? 'saved' : 'invalid'}
        />,
      )
      return html(reply, page, name.success && !reserved ? 200 : 400)
    })

    app.get('/comments/account/delete', async (request, reply) => {
      const reader = await deps.auth.currentReader(request)
      if (!reader) return reply.redirect('/comments/login?return=%2Fcomments%2Faccount%2Fdelete', 303)
      const page = renderPage(
        <DeleteAccountView
          site={await deps.site()}
          reader={reader}
          csrfToken={reply.generateCsrf()}
          comments={await deps.commentsOnDelete()}
        />,
      )
      return html(reply, page)
    })

    app.post('/comments/account/delete', { preHandler: app.csrfProtection }, async (request, reply) => {
      const reader = await deps.auth.currentReader(request)
      if (!reader) return reply.redirect('/comments/login?return=%2Fcomments%2Faccount%2Fdelete', 303)
      // Comments first: if that fails the account is still there to try again.
      await deps.beforeDelete(reader.id)
      await deps.auth.signOutEverywhere(reader.id)
      await eraseReader(deps.db, reader.id, m.formerReader, deps.clock.now().toISOString())
      await deps.auth.signOut(request, reply)
      return html(reply, renderPage(<AccountDeletedView site={await deps.site()} />))
    })
  }
