// The lead photo's focal point: a click (or the arrow keys) on its preview says where the
// subject is, and list thumbnails — cropped to one ratio — keep that point in view. The point
// is the photo's, saved at once; the article is then saved too, so the pages listing it are
// rendered again with the new crop.
export interface FocusPhoto {
  id: number
  url: string
  focus?: { x: number; y: number } | null
}

export function setupFocusPicker(deps: { csrf: string; messages: Record<string, string>; changed(): void }) {
  const box = document.querySelector<HTMLElement>('#lead-focus')
  const area = box?.querySelector<HTMLButtonElement>('.focus-area')
  const img = area?.querySelector<HTMLImageElement>('img')
  const mark = area?.querySelector<HTMLElement>('.focus-mark')
  const status = box?.querySelector<HTMLElement>('[role=status]')
  if (!box || !area || !img || !mark || !status) return { show: (_p: FocusPhoto | null) => {} }

  let photo: FocusPhoto | null = box.dataset.photoId
    ? {
        id: Number(box.dataset.photoId),
        url: img.src,
        focus: box.dataset.focus ? (JSON.parse(box.dataset.focus) as { x: number; y: number }) : null,
      }
    : null

  const place = (focus: { x: number; y: number } | null) => {
    const f = focus ?? { x: 0.5, y: 0.5 }
    // CSSOM, not a style attribute: the CSP allows the one and not the other.
    mark.style.left = `${f.x * 100}%`
    mark.style.top = `${f.y * 100}%`
  }

  async function save(focus: { x: number; y: number }) {
    if (!photo) return
    const target = photo
    target.focus = focus
    place(focus)
    status!.dataset.state = 'saving'
    status!.textContent = deps.messages.focusSaving ?? ''
    const res = await fetch(`/newsroom/photos/${target.id}/focus`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': deps.csrf },
      body: JSON.stringify(focus),
    }).catch(() => null)
    if (photo !== target) return
    status!.dataset.state = res?.ok ? 'done' : 'error'
    status!.textContent = (res?.ok ? deps.messages.focusSaved : deps.messages.focusFailed) ?? ''
    if (res?.ok) deps.changed()
  }

  area.addEventListener('click', (event) => {
    const rect = img.getBoundingClientRect()
    if (rect.width === 0 || rect.height === 0) return
    const clamp = (v: number) => Math.round(Math.min(Math.max(v, 0), 1) * 100) / 100
    void save({
      x: clamp((event.clientX - rect.left) / rect.width),
      y: clamp((event.clientY - rect.top) / rect.height),
    })
  })
  const steps: Record<string, [number, number]> = {
    ArrowLeft: [-0.1, 0],
    ArrowRight: [0.1, 0],
    ArrowUp: [0, -0.1],
    ArrowDown: [0, 0.1],
  }
  area.addEventListener('keydown', (event) => {
    const step = steps[event.key]
    if (!step || !photo) return
    event.preventDefault()
    const f = photo.focus ?? { x: 0.5, y: 0.5 }
    const clamp = (v: number) => Math.round(Math.min(Math.max(v, 0), 1) * 100) / 100
    void save({ x: clamp(f.x + step[0]), y: clamp(f.y + step[1]) })
  })

  const show = (next: FocusPhoto | null) => {
    photo = next
    box.hidden = next === null
    status.textContent = ''
    if (!next) return
    img.src = next.url
    place(next.focus ?? null)
  }
  show(photo)
  return { show }
}
