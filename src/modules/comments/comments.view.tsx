// The comment block under an article: count, the list, and the way in to write one.
import { messages as m, msg } from '../../platform/i18n/messages.js'
import { formatKoreaDateTime } from '../../platform/korea-time.js'
import type { CommentView } from './comments.reader.js'

export function CommentSection(props: { articleId: number; count: number; comments: CommentView[] }) {
  return (
    <section class="comments" id="comments" aria-labelledby="comments-title">
      <h2 id="comments-title">
        {m.article.comments} <span class="comment-count">{props.count}</span>
      </h2>
      <div class="comment-write">
        <a
          class="button"
          href={`/comments/login?return=${encodeURIComponent(`/news/${props.articleId}#comments`)}`}
        >
          {m.article.writeComment}
        </a>
        <p class="hint">{m.article.loginToComment}</p>
      </div>
      {props.comments.length === 0 ? (
        <p class="empty">{m.article.noComments}</p>
      ) : (
        <ol class="comment-list">
          {props.comments.map((c) => (
            <CommentItem comment={c} />
          ))}
        </ol>
      )}
    </section>
  )
}

function CommentItem(props: { comment: CommentView }) {
  const c = props.comment
  return (
    <li class="comment" id={`c-${c.id}`}>
      {c.deleted ? (
        <p class="comment-deleted">{m.article.deletedComment}</p>
      ) : (
        <>
          <p class="comment-meta">
            <strong class="comment-author">{c.author}</strong>{' '}
            <time datetime={c.createdAt}>{formatKoreaDateTime(c.createdAt)}</time>
          </p>
          <p class="comment-body">{c.body}</p>
        </>
      )}
      {c.replies.length > 0 && (
        <ol class="replies" aria-label={msg(m.article.commentCount, { count: c.replies.length })}>
          {c.replies.map((r) => (
            <CommentItem comment={r} />
          ))}
        </ol>
      )}
    </li>
  )
}
