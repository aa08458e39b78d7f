// Enhances the comment section; every part also works without JavaScript through plain
// forms and links. Texts come from the page (data attributes), not from this file.
const section = document.querySelector<HTMLElement>('section.comments')

function csrf(): string | undefined {
  return section?.dataset.csrf
}

async function post(url: string, body: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      'x-csrf-token': csrf() ?? '',
    },
    body: new URLSearchParams(body).toString(),
  })
}

function setCount(count: unknown) {
  const el = section?.querySelector('.comment-count')
  if (el && typeof count === 'number') el.textContent = String(count)
}

// The length counter under each text box: characters typed / the limit.
function updateCounter(textarea: HTMLTextAreaElement) {
  const counter = document.querySelector(`[data-counter-for="${textarea.id}"]`)
  if (counter) counter.textContent = `${[...textarea.value].length}/${textarea.dataset.max ?? ''}`
}

if (section) {
  for (const textarea of section.querySelectorAll<HTMLTextAreaElement>('textarea[data-max]'))
    updateCounter(textarea)
  section.addEventListener('input', (event) => {
    const target = event.target
    if (target instanceof HTMLTextAreaElement && target.dataset.max) updateCounter(target)
  })

  section.addEventListener('click', async (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-delete]')
    // A guest's comment needs its password: that page asks for it (with the same sentence).
    if (!link || link.dataset.guest || !csrf()) return
    event.preventDefault()
    if (!window.confirm(section.dataset.confirm ?? '')) return
    const response = await post(`/comments/${link.dataset.delete}/delete`, {}).catch(() => null)
    if (!response?.ok) {
      const result = (await response?.json().catch(() => ({}))) as
        | { errors?: { message: string }[] }
        | undefined
      const feedback = link
        .closest('.comment-actions')
        ?.querySelector<HTMLElement>(':scope > .comment-feedback')
      if (!feedback) {
        window.location.href = link.href
        return
      }
      feedback.textContent = result?.errors?.[0]?.message ?? section.dataset.offline ?? ''
      feedback.classList.add('is-error')
      return
    }
    const result = (await response.json()) as { count?: number }
    setCount(result.count)
    window.location.reload()
  })

  section.addEventListener('submit', async (event) => {
    const form = event.target as HTMLFormElement
    const isVote = form.classList.contains('vote-form')
    const isReport = form.classList.contains('report-form')
    if ((!isVote && !isReport) || !csrf()) return
    event.preventDefault()
    const fields: Record<string, string> = {}
    new FormData(form).forEach((value, key) => {
      fields[key] = String(value)
    })
    const item = form.closest('li.comment')
    const feedback = item?.querySelector<HTMLElement>(':scope > .comment-actions > .comment-feedback')
    const say = (text: string, failed: boolean) => {
      if (!feedback) return
      feedback.textContent = text
      feedback.classList.toggle('is-error', failed)
    }
    let response: Response
    try {
      response = await post(form.action, fields)
    } catch {
      say(section.dataset.offline ?? '', true)
      return
    }
    const result = (await response.json().catch(() => ({}))) as {
      likes?: number
      dislikes?: number
      voted?: 'like' | 'dislike'
      hidden?: boolean
      count?: number
      errors?: { message: string }[]
    }
    // A refusal (already voted, own comment, signed out) is said in place; nothing changes.
    if (!response.ok) {
      say(result.errors?.[0]?.message ?? section.dataset.offline ?? '', true)
      return
    }
    if (isVote) {
      for (const kind of ['like', 'dislike'] as const) {
        const n = item?.querySelector(`:scope > .comment-actions .vote-${kind} .vote-count`)
        const value = kind === 'like' ? result.likes : result.dislikes
        if (n && typeof value === 'number') n.textContent = String(value)
        // The pressed state follows what is stored: the vote just counted.
        item
          ?.querySelector(`:scope > .comment-actions .vote-${kind} button`)
          ?.setAttribute('aria-pressed', String(kind === result.voted))
      }
      say(
        (result.voted === 'dislike' ? section.dataset.votedDislike : section.dataset.votedLike) ?? '',
        false,
      )
      return
    }
    setCount(result.count)
    const details = form.closest('details')
    if (details) {
      details.open = false
      details.classList.add('done')
      details.querySelector('summary')?.setAttribute('aria-disabled', 'true')
    }
    say(section.dataset.reported ?? '', false)
    // A comment hidden by enough reports leaves the list once the reader has read why.
    if (result.hidden && item) window.setTimeout(() => item.remove(), 3000)
  })

  // 더보기: load the next page's threads in place instead of leaving the article.
  section.addEventListener('click', async (event) => {
    const more = (event.target as Element).closest<HTMLAnchorElement>('a.comment-more')
    if (!more) return
    event.preventDefault()
    const response = await fetch(more.href, { credentials: 'same-origin' })
    if (!response.ok) {
      window.location.href = more.href
      return
    }
    const page = new DOMParser().parseFromString(await response.text(), 'text/html')
    const list = section.querySelector('ol.comment-list')
    for (const item of page.querySelectorAll('section.comments ol.comment-list > li')) {
      if (!document.getElementById(item.id)) list?.append(document.importNode(item, true))
    }
    const next = page.querySelector<HTMLAnchorElement>('section.comments a.comment-more')
    if (next) more.href = next.href
    else more.closest('.comment-more-wrap')?.remove()
  })
}
