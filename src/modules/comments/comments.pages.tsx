// Whole pages of the comments module: the comment list of an article (page N, any sort),
// the write page (guests, and readers without JavaScript), the delete confirmation and
// short result pages.
import { msg } from '../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../platform/korea-time.js'
import { Layout } from '../../platform/views/layout.js'
import type { SiteContext } from '../../platform/views/site-context.js'
import { commentMessages as m } from './comments.messages.js'
import type { CommentSectionData, CommentViewer } from './comments.read-model.js'
import { CommentForm, CommentSection } from './comments.view.js'

export interface ArticleRef {
  id: number
  headline: string
}

export function CommentsPageView(props: {
  site: SiteContext
  article: ArticleRef
  section: CommentSectionData
}) {
  const { article } = props
  const title = msg(m.commentsOf, { headline: article.headline })
  return (
    <Layout
      site={props.site}
      meta={{ title, path: `/news/${article.id}/comments`, noindex: true }}
      scripts={props.site.assets.commentsJs ? [props.site.assets.commentsJs] : []}
    >
      <div class="comments-page">
        <p class="back">
          <a href={`/news/${article.id}`}>{m.backToArticle}</a>
        </p>
        <h1 class="comments-page-title">{title}</h1>
        <CommentSection {...props.section} />
      </div>
    </Layout>
  )
}

export function WritePageView(props: {
  site: SiteContext
  article: ArticleRef
  viewer: CommentViewer | null
  csrfToken: string
  maxLength: number
  guest: { name: string } | undefined
  body: string
  parentId: number | null
  error?: string
}) {
  return (
    <Layout
      site={props.site}
      meta={{ title: m.writeTitle, path: `/news/${props.article.id}/comments/write`, noindex: true }}
      scripts={props.site.assets.commentsJs ? [props.site.assets.commentsJs] : []}
    >
      <section class="comments comment-write-page" aria-labelledby="write-title">
        <h1 id="write-title">{m.writeTitle}</h1>
        <p class="back">
          <a href={`/news/${props.article.id}`}>{props.article.headline}</a>
        </p>
        <CommentForm
          articleId={props.article.id}
          viewer={props.viewer}
          csrfToken={props.csrfToken}
          maxLength={props.maxLength}
          parentId={props.parentId}
          body={props.body}
          {...(props.guest ? { guest: props.guest } : {})}
          {...(props.error ? { error: props.error } : {})}
        />
      </section>
    </Layout>
  )
}

export function DeleteConfirmView(props: {
  site: SiteContext
  commentId: number
  articleId: number
  csrfToken: string
  guest: boolean
  error?: string
}) {
  return (
    <Layout
      site={props.site}
      meta={{ title: m.deleteTitle, path: `/comments/${props.commentId}/delete`, noindex: true }}
    >
      <section class="account-box comment-delete-confirm">
        <h1>{m.deleteTitle}</h1>
        <p class="confirm-text">{m.deleteConfirm}</p>
        <form method="post" action={`/comments/${props.commentId}/delete`}>
          <input type="hidden" name="_csrf" value={props.csrfToken} />
          {props.guest && (
            <p>
              <label for="delete-password">{m.guestDeletePassword}</label>
              <input
                id="delete-password"
                name="password"
                type="password"
                required
                autocomplete="current-password"
                aria-invalid={props.error ? 'true' : undefined}
              />
            </p>
          )}
          {props.error && (
            <p class="form-error" role="alert">
              {props.error}
            </p>
          )}
          <button type="submit">{m.deleteButton}</button>{' '}
          <a href={`/news/${props.articleId}#c-${props.commentId}`}>{m.cancel}</a>
        </form>
      </section>
    </Layout>
  )
}

export function CommentMessageView(props: {
  site: SiteContext
  title: string
  message: string
  backUrl: string
}) {
  return (
    <Layout site={props.site} meta={{ title: props.title, path: props.backUrl, noindex: true }}>
      <section class="account-box">
        <h1>{props.title}</h1>
        <p role="status">{props.message}</p>
        <p>
          <a class="button" href={props.backUrl}>
            {m.backToArticle}
          </a>
        </p>
      </section>
    </Layout>
  )
}

/** 내 댓글: what a reader wrote, each with a link to its place under the article. */
export function MyCommentsView(props: {
  site: SiteContext
  page: number
  hasMore: boolean
  items: {
    id: number
    articleId: number
    headline: string
    body: string
    status: string
    createdAt: string
  }[]
}) {
  return (
    <Layout site={props.site} meta={{ title: m.mine, path: '/comments/mine', noindex: true }}>
      <section class="account-box my-comments" aria-labelledby="mine-title">
        <h1 id="mine-title">{m.mine}</h1>
        <p>{props.items.length === 0 ? m.mineEmpty : m.mineIntro}</p>
        <ol class="my-comment-list">
          {props.items.map((c) => (
            <li>
              <a href={`/news/${c.articleId}#c-${c.id}`}>{c.headline}</a>
              <p class="comment-body">{c.body}</p>
              <p class="comment-meta">
                <time datetime={c.createdAt}>{formatKoreaDateTime(c.createdAt)}</time>
                {c.status !== 'published' && ` · ${m.mineStatus[c.status] ?? c.status}`}
              </p>
            </li>
          ))}
        </ol>
        {props.hasMore && (
          <p>
            <a class="button" href={`/comments/mine?page=${props.page + 1}`}>
              {m.more}
            </a>
          </p>
        )}
      </section>
    </Layout>
  )
}
