// The read side of comments that article pages and lists use: counts, and the comment
// section (one page of threads) as the viewer sees it.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import type { ProviderChoice, Reader } from '../accounts/index.js'
import { commentMessages } from './comments.messages.js'
import {
  articleForComments,
  authorNames,
  type CommentAuthors,
  type CommentedArticles,
} from './comments.ports.js'
import * as repo from './comments.repository.js'
import type { CommentSettingsStore } from './comments.settings.js'
import type { CommentsTables, VoteKind } from './comments.table.js'
import { windowClosed } from './moderation/phases/window-closed.js'

export interface CommentView {
  id: number
  author: string
  body: string
  /** Deleted comments are kept only as a placeholder for their replies; the text is gone. */
  deleted: boolean
  likes: number
  dislikes: number
  createdAt: string
  replies: CommentView[]
  /** Written by a guest (비회원): deleting it takes its password. */
  guest: boolean
  /** Written by a member of the newsroom, under their name. */
  staff: boolean
  readerId: number | null
}

/** Who is looking: null for the shared, cached page every anonymous reader gets. */
export interface CommentViewer {
  reader: Reader
  csrfToken: string
}

export interface CommentSectionData {
  articleId: number
  count: number
  list: CommentView[]
  sort: repo.CommentSort
  page: number
  hasMore: boolean
  open: boolean
  guests: boolean
  maxLength: number
  viewer: CommentViewer | null
  /** The viewer's stored votes on the comments shown (comment id → kind), so buttons show them. */
  viewerVotes?: ReadonlyMap<number, VoteKind>
  /** The accounts a reader may log in with, offered right under 댓글쓰기. */
  loginProviders?: readonly ProviderChoice[]
}

export interface CommentsReadModelDeps {
  db: Kysely<CommentsTables>
  articles: Pick<CommentedArticles, 'published'>
  authors: CommentAuthors
  /** Absent in callers that only need counts. */
  settings?: CommentSettingsStore
  clock?: { now(): Date }
  guestsAllowed?: boolean
  /** The logged-in reader of a request (with a fresh CSRF token), or null; free when anonymous. */
  viewerOf?: (request: FastifyRequest, reply: FastifyReply) => Promise<CommentViewer | null>
  loginProviders?: () => readonly ProviderChoice[]
}

function toView(row: repo.ListRow, names: Map<number, string>): CommentView {
  const deleted = row.status === 'deleted'
  const name = row.readerId === null ? undefined : names.get(row.readerId)
  return {
    id: row.id,
    // A reader id without a profile is an account that was deleted with its comments kept.
    author: deleted
      ? ''
      : (name ?? row.guestName ?? (row.readerId !== null ? commentMessages.formerReader : '')),
    body: deleted ? '' : row.body,
    deleted,
    likes: row.likes,
    dislikes: row.dislikes,
    createdAt: row.createdAt,
    replies: [],
    guest: row.readerId === null && row.staffId === null,
    staff: row.staffId !== null,
    readerId: row.readerId,
  }
}

export function createCommentsReadModel(deps: CommentsReadModelDeps) {
  const { db } = deps

  async function threads(articleId: number, sort: repo.CommentSort, page: number, pageSize: number) {
    const roots = await repo.rootPage(db, articleId, sort, pageSize + 1, (page - 1) * pageSize)
    const shown = roots.slice(0, pageSize)
    const replies = await repo.replyRows(
      db,
      shown.map((r) => r.id),
    )
    const names = await authorNames(deps.authors, [...shown, ...replies])
    const views = new Map(shown.map((r) => [r.id, toView(r, names)]))
    for (const reply of replies) views.get(reply.parentId!)?.replies.push(toView(reply, names))
    return { list: [...views.values()], hasMore: roots.length > pageSize }
  }

  return {
    countsFor: (articleIds: readonly number[]) => repo.publishedCounts(db, articleIds),

    /** A published article with its comment window, or undefined. */
    articleFor: (articleId: number) => articleForComments(db, deps.articles, articleId),

    viewerOf: (request: FastifyRequest, reply: FastifyReply) =>
      deps.viewerOf ? deps.viewerOf(request, reply) : Promise.resolve(null),

    /** The newest threads of an article (first page), as the anonymous page shows them. */
    async threadFor(articleId: number, limit = 20): Promise<CommentView[]> {
      return (await threads(articleId, 'newest', 1, limit)).list
    },

    /** Everything the comment section of an article page needs, for this viewer. */
    async sectionFor(
      articleId: number,
      viewer: CommentViewer | null,
      options: { sort?: repo.CommentSort; page?: number } = {},
    ): Promise<CommentSectionData> {
      const sort = options.sort ?? 'newest'
      const page = options.page ?? 1
      const settings = deps.settings
        ? await deps.settings.get()
        : { pageSize: 20, maxLength: 1000, windowHours: null }
      const [counts, thread, article] = await Promise.all([
        repo.publishedCounts(db, [articleId]),
        threads(articleId, sort, page, settings.pageSize),
        articleForComments(db, deps.articles, articleId),
      ])
      const open =
        !!article?.publishedAt &&
        !windowClosed(
          {
            publishedAt: article.publishedAt,
            windowHours: article.overridden === null ? undefined : article.windowHours,
          },
          settings.windowHours,
          deps.clock?.now() ?? new Date(),
        )
      const shownIds = thread.list.flatMap((c) => [c.id, ...c.replies.map((r) => r.id)])
      const viewerVotes = viewer ? await repo.votesBy(db, viewer.reader.id, shownIds) : undefined
      return {
        viewerVotes,
        loginProviders: deps.loginProviders?.() ?? [],
        articleId,
        count: counts.get(articleId) ?? 0,
        list: thread.list,
        sort,
        page,
        hasMore: thread.hasMore,
        open,
        guests: deps.guestsAllowed ?? false,
        maxLength: settings.maxLength,
        viewer,
      }
    },
  }
}

export type CommentsReadModel = ReturnType<typeof createCommentsReadModel>
