// The comments module: the comment section under every article (read, write, reply, vote,
// report, delete), guest comments when the outlet allows them, and the moderation service
// staff use. Wiring only; the parts live in their own files.
import rateLimit from '@fastify/rate-limit'
import type { FastifyPluginAsync } from 'fastify'
import type { Kysely } from 'kysely'
import type { InvalidationBus } from '../../platform/cache/invalidation.js'
import { memo } from '../../platform/cache/memo.js'
import type { Clock } from '../../platform/clock.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import type { ProviderChoice, ReaderAuth } from '../accounts/index.js'
import type { StoredSetting } from '../outlet/index.js'
import type { CommentAuthors, CommentedArticles } from './comments.ports.js'
import { createCommentsReadModel } from './comments.read-model.js'
import { bannedWordList } from './comments.repository.js'
import { commentsRoutes } from './comments.routes.js'
import { createCommentsService } from './comments.service.js'
import { createCommentSettingsStore } from './comments.settings.js'
import type { CommentsTables } from './comments.table.js'
import { createPasswordThrottle } from './guest-password-throttle.js'
import { createModerationService, type ModerationDeps } from './moderation.service.js'

export type { CommentAuthors, CommentedArticles } from './comments.ports.js'
export type {
  CommentSectionData,
  CommentsReadModel,
  CommentView,
  CommentViewer,
} from './comments.read-model.js'
export type { CommentsService } from './comments.service.js'
export type { CommentSettings } from './comments.settings.js'
export type {
  ModerationItem,
  ModerationLogEntry,
  ModerationQueue,
  ModerationService,
} from './moderation.service.js'
export { createModerationService }

export interface CommentsDeps {
  db: Kysely<CommentsTables>
  /** The outlet's setting the comment rules are kept in. */
  settings: StoredSetting
  articles: CommentedArticles
  authors: CommentAuthors
  clock: Clock
  bus: InvalidationBus
  auth: Pick<ReaderAuth, 'currentReader'>
  site: () => Promise<SiteContext>
  guestsAllowed: boolean
  ratePerMinute: number
  ipRatePerMinute: number
  setReaderSuspended: ModerationDeps['setReaderSuspended']
  /** The accounts readers may log in with (the accounts module's providers). */
  loginProviders?: () => readonly ProviderChoice[]
}

export function createCommentsModule(deps: CommentsDeps) {
  const settings = createCommentSettingsStore(deps.settings)
  const bannedWords = memo(() => bannedWordList(deps.db), 60_000)
  const readModel = createCommentsReadModel({
    db: deps.db,
    articles: deps.articles,
    authors: deps.authors,
    settings,
    clock: deps.clock,
    guestsAllowed: deps.guestsAllowed,
    loginProviders: deps.loginProviders,
    viewerOf: async (request, reply) => {
      const found = await deps.auth.currentReader(request)
      return found ? { reader: found, csrfToken: reply.generateCsrf() } : null
    },
  })
  const service = createCommentsService({
    db: deps.db,
    articles: deps.articles,
    clock: deps.clock,
    bus: deps.bus,
    settings,
    bannedWords: () => bannedWords.get(),
    throttle: createPasswordThrottle(deps.clock),
    guestsAllowed: deps.guestsAllowed,
  })
  const moderation = createModerationService({
    db: deps.db,
    articles: deps.articles,
    authors: deps.authors,
    clock: deps.clock,
    bus: deps.bus,
    settings,
    setReaderSuspended: deps.setReaderSuspended,
    bannedWordsChanged: () => bannedWords.reset(),
  })

  const routes: FastifyPluginAsync = async (app) => {
    if (!app.hasDecorator('rateLimit')) await app.register(rateLimit, { global: false })
    await app.register(
      commentsRoutes({
        service,
        readModel,
        auth: deps.auth,
        settings,
        site: deps.site,
        guestsAllowed: deps.guestsAllowed,
        ratePerMinute: deps.ratePerMinute,
        ipRatePerMinute: deps.ipRatePerMinute,
      }),
    )
  }

  return {
    readModel,
    service,
    moderation,
    routes,
    /** The outlet's comment rules (read by accounts for what deletion does to comments). */
    settings,
    /** Where a guest writes under the article a return path points at, if guests may. */
    guestWriteUrl(returnTo: string): string | null {
      if (!deps.guestsAllowed) return null
      const match = /^\/news\/(\d+)(?:[/?#]|$)/.exec(returnTo)
      return match ? `/news/${match[1]}/comments/write` : null
    },
  }
}

export type CommentsModule = ReturnType<typeof createCommentsModule>

export { commentsErrorCatalogue } from './comments.errors.js'
export { commentMessages } from './comments.messages.js'
export type { CommentsTables } from './comments.table.js'
export { CommentSection } from './comments.view.js'
