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
    const response = await post(`/comments/${link.dataset.delete}/delete`, {})
    if (!response.ok) {
      window.location.href = link.href
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
    const response = await post(form.action, fields)
    const result = (await response.json().catch(() => ({}))) as {
      likes?: number
      dislikes?: number
      hidden?: boolean
      count?: number
      errors?: { message: string }[]
    }
    const item = form.closest('li.comment')
    if (isVote) {
      if (response.ok && item) {
        for (const kind of ['like', 'dislike'] as const) {
          const n = item.querySelector(`:scope > .comment-actions .vote-${kind} .vote-count`)
          const value = kind === 'like' ? result.likes : result.dislikes
          if (n && typeof value === 'number') n.textContent = String(value)
        }
      }
      form.querySelector('button')?.setAttribute('aria-pressed', 'true')
      return
    }
    if (response.ok) {
      setCount(result.count)
      if (result.hidden && item) item.remove()
      const details = form.closest('details')
      if (details) {
        details.open = false
        details.classList.add('done')
        details.querySelector('summary')?.setAttribute('aria-disabled', 'true')
      }
    }
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
