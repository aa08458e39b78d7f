// The comment block under an article: count, sort, the way in to write (or the form, for a
// logged-in reader), the threads and 더보기. Anonymous readers all get the same cached HTML,
// so nothing personal appears unless a viewer is given.
import { randomBytes } from 'node:crypto'
import { msg } from '../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../platform/korea-time.js'
import { ProviderButtons } from '../accounts/index.js'
import { commentMessages as m } from './comments.messages.js'
import type { CommentSectionData, CommentView, CommentViewer } from './comments.read-model.js'

export const commentsUrl = (articleId: number, sort: string, page: number) =>
  `/news/${articleId}/comments?sort=${sort}${page > 1 ? `&page=${page}` : ''}`
export const loginUrl = (returnTo: string) => `/comments/login?return=${encodeURIComponent(returnTo)}`

export function CommentSection(props: CommentSectionData) {
  const { articleId, viewer } = props
  const here = `/news/${articleId}#comments`
  return (
    <section
      class="comments"
      id="comments"
      aria-labelledby="comments-title"
      data-article-id={articleId}
      data-confirm={m.deleteConfirm}
      data-csrf={viewer?.csrfToken}
      data-voted-like={m.voted.like}
      data-voted-dislike={m.voted.dislike}
      data-reported={m.reported}
      data-offline={m.offline}
    >
      <h2 id="comments-title">
        {m.title} <span class="comment-count">{props.count}</span>
      </h2>
      <nav class="comment-sort" aria-label={m.sortLabel}>
        <a
          href={commentsUrl(articleId, 'newest', 1)}
          aria-current={props.sort === 'newest' ? 'true' : undefined}
        >
          {m.sortNewest}
        </a>{' '}
        <a
          href={commentsUrl(articleId, 'likes', 1)}
          aria-current={props.sort === 'likes' ? 'true' : undefined}
        >
          {m.sortLikes}
        </a>
      </nav>
      <div class="comment-write">
        <WriteArea {...props} returnTo={here} />
      </div>
      {props.list.length === 0 ? (
        <p class="empty">{m.empty}</p>
      ) : (
        <ol class="comment-list">
          {props.list.map((c) => (
            <CommentItem comment={c} section={props} root />
          ))}
        </ol>
      )}
      {props.hasMore && (
        <p class="comment-more-wrap">
          <a class="comment-more button" href={commentsUrl(articleId, props.sort, props.page + 1)}>
            {m.more}
          </a>
        </p>
      )}
    </section>
  )
}

function WriteArea(props: CommentSectionData & { returnTo: string }) {
  if (!props.open) return <p class="comments-closed">{m.closed}</p>
  const viewer = props.viewer
  if (!viewer) {
    const providers = props.loginProviders ?? []
    if (providers.length === 0) {
      return (
        <>
          <a class="button comment-write-link" href={loginUrl(props.returnTo)}>
            {m.write}
          </a>
          <p class="hint">{m.loginPrompt}</p>
        </>
      )
    }
    // One tap on 댓글쓰기 opens the account choice in place (a <details>: no script needed);
    // after the login the reader lands on the form itself.
    const back = encodeURIComponent(`/news/${props.articleId}#comment-form`)
    return (
      <details class="comment-login">
        <summary class="button comment-write-link">{m.write}</summary>
        <p class="hint">{m.loginPrompt}</p>
        <ul class="providers">
          <ProviderButtons providers={providers} href={(id) => `/comments/login/${id}?return=${back}`} />
          {props.guests && (
            <li>
              <a class="provider provider-guest" href={`/news/${props.articleId}/comments/write`}>
                {m.guestWrite}
              </a>
            </li>
          )}
        </ul>
      </details>
    )
  }
  if (viewer.reader.suspended) return <p class="comments-suspended">{m.suspended}</p>
  return (
    <>
      <p class="comment-writer">
        {msg(m.writingAs, { name: viewer.reader.displayName })}{' '}
        <a href={`/comments/profile?return=${encodeURIComponent(props.returnTo)}`}>{m.profile}</a>
      </p>
      <CommentForm articleId={props.articleId} viewer={viewer} maxLength={props.maxLength} parentId={null} />
    </>
  )
}

export function CommentForm(props: {
  articleId: number
  viewer: CommentViewer | null
  csrfToken?: string
  maxLength: number
  parentId: number | null
  guest?: { name: string }
  body?: string
  error?: string
}) {
  const id = props.parentId === null ? `comment-body-${props.articleId}` : `reply-body-${props.parentId}`
  const length = [...(props.body ?? '')].length
  return (
    <form
      method="post"
      action={`/news/${props.articleId}/comments`}
      class="comment-form"
      id={props.parentId === null ? 'comment-form' : undefined}
    >
      <input type="hidden" name="_csrf" value={props.viewer?.csrfToken ?? props.csrfToken} />
      {/* Sent again unchanged when the browser resends this form, so a retry stores nothing twice. */}
      <input type="hidden" name="clientKey" value={randomBytes(16).toString('base64url')} />
      {props.parentId !== null && <input type="hidden" name="parentId" value={String(props.parentId)} />}
      {props.guest && (
        <p class="guest-fields">
          <label for="guest-name">{m.guestName}</label>
          <input
            id="guest-name"
            name="guestName"
            required
            minLength={2}
            maxLength={20}
            value={props.guest.name}
          />
          <label for="guest-password">{m.guestPassword}</label>
          <input
            id="guest-password"
            name="guestPassword"
            type="password"
            required
            minLength={4}
            maxLength={200}
            autocomplete="new-password"
            aria-describedby="guest-password-hint"
          />
          <span id="guest-password-hint" class="hint">
            {m.guestPasswordHint}
          </span>
        </p>
      )}
      <label class="visually-hidden" for={id}>
        {props.parentId === null ? m.bodyLabel : m.reply}
      </label>
      <textarea
        id={id}
        name="body"
        required
        rows={props.parentId === null ? 4 : 2}
        maxLength={props.maxLength}
        data-max={props.maxLength}
        placeholder={m.bodyPlaceholder}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.body ?? ''}
      </textarea>
      <p class="comment-form-footer">
        <span class="comment-counter" data-counter-for={id} aria-live="polite">
          {msg(m.counter, { count: length, max: props.maxLength })}
        </span>
        <button type="submit">{props.parentId === null ? m.submit : m.replySubmit}</button>
      </p>
      {props.error && (
        <p class="form-error" role="alert">
          {props.error}
        </p>
      )}
    </form>
  )
}

function CommentItem(props: { comment: CommentView; section: CommentSectionData; root: boolean }) {
  const c = props.comment
  const { viewer, articleId } = props.section
  const back = `/news/${articleId}#c-${c.id}`
  const mine = viewer !== null && c.readerId !== null && c.readerId === viewer.reader.id
  return (
    <li class="comment" id={`c-${c.id}`} data-comment-id={c.id}>
      {c.deleted ? (
        <p class="comment-deleted">{m.deleted}</p>
      ) : (
        <>
          <p class="comment-meta">
            <strong class="comment-author">{c.author}</strong>
            {c.guest && <span class="comment-guest">{` (${m.guest})`}</span>}
            {c.staff && <span class="comment-staff">{` (${m.staffReply})`}</span>}{' '}
            <time datetime={c.createdAt}>{formatKoreaDateTime(c.createdAt)}</time>
          </p>
          <p class="comment-body">{c.body}</p>
          <div class="comment-actions">
            {mine ? (
              // One's own comment shows its counts; there is nothing to press.
              <span class="vote-own">
                <span class="vote vote-like">
                  {m.like} <span class="vote-count">{c.likes}</span>
                </span>
                <span class="vote vote-dislike">
                  {m.dislike} <span class="vote-count">{c.dislikes}</span>
                </span>
              </span>
            ) : viewer ? (
              <>
                <VoteForm
                  comment={c}
                  kind="like"
                  csrf={viewer.csrfToken}
                  voted={props.section.viewerVotes?.get(c.id)}
                />
                <VoteForm
                  comment={c}
                  kind="dislike"
                  csrf={viewer.csrfToken}
                  voted={props.section.viewerVotes?.get(c.id)}
                />
              </>
            ) : (
              <>
                <a class="vote vote-like" href={loginUrl(back)}>
                  {m.like} <span class="vote-count">{c.likes}</span>
                </a>
                <a class="vote vote-dislike" href={loginUrl(back)}>
                  {m.dislike} <span class="vote-count">{c.dislikes}</span>
                </a>
              </>
            )}
            {viewer && props.root && props.section.open && !viewer.reader.suspended && (
              <details class="comment-reply">
                <summary>{m.reply}</summary>
                <CommentForm
                  articleId={articleId}
                  viewer={viewer}
                  maxLength={props.section.maxLength}
                  parentId={c.id}
                />
              </details>
            )}
            {viewer && !mine && <ReportForm comment={c} csrf={viewer.csrfToken} />}
            {(mine || c.guest) && (
              <a
                class="comment-delete"
                href={`/comments/${c.id}/delete`}
                data-delete={c.id}
                data-guest={c.guest ? 'true' : undefined}
              >
                {m.delete}
              </a>
            )}
            {viewer && <p class="comment-feedback" role="status" aria-live="polite" />}
          </div>
        </>
      )}
      {c.replies.length > 0 && (
        <ol class="replies">
          {c.replies.map((r) => (
            <CommentItem comment={r} section={props.section} root={false} />
          ))}
        </ol>
      )}
    </li>
  )
}

function VoteForm(props: {
  comment: CommentView
  kind: 'like' | 'dislike'
  csrf: string
  /** The viewer's stored vote on this comment, if any. */
  voted: 'like' | 'dislike' | undefined
}) {
  const count = props.kind === 'like' ? props.comment.likes : props.comment.dislikes
  return (
    <form method="post" action={`/comments/${props.comment.id}/vote`} class={`vote-form vote-${props.kind}`}>
      <input type="hidden" name="_csrf" value={props.csrf} />
      <input type="hidden" name="kind" value={props.kind} />
      <button type="submit" class="vote" aria-pressed={props.voted === props.kind ? 'true' : 'false'}>
        {props.kind === 'like' ? m.like : m.dislike} <span class="vote-count">{count}</span>
      </button>
    </form>
  )
}

function ReportForm(props: { comment: CommentView; csrf: string }) {
  const id = `report-${props.comment.id}`
  return (
    <details class="comment-report">
      <summary>{m.report}</summary>
      <form method="post" action={`/comments/${props.comment.id}/report`} class="report-form">
        <input type="hidden" name="_csrf" value={props.csrf} />
        <label for={id}>{m.reportReason}</label>
        <select id={id} name="reason">
          {Object.entries(m.reportReasons).map(([value, label]) => (
            <option value={value}>{label}</option>
          ))}
        </select>
        <button type="submit">{m.reportSubmit}</button>
      </form>
    </details>
  )
}
