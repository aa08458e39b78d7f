// The editor's side panels: photo upload (a separate request: a refused file never touches
// the text), the photo library, the lead photo, and related articles picked by search.
import type { Editor } from '@tiptap/core'
import { setupFocusPicker } from './focus-picker.js'
import { knownPhotos, type PhotoInfo } from './nodes.js'

interface PanelDeps {
  editor: Editor
  csrf: string
  messages: Record<string, string>
  changed(): void
  fill(template: string, params: Record<string, string | number>): string
}

const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)

function debounce(run: () => void, ms: number) {
  let timer: number | undefined
  return () => {
    window.clearTimeout(timer)
    timer = window.setTimeout(run, ms)
  }
}

export function setupPanels(deps: PanelDeps) {
  const { editor, messages: m } = deps
  const photoStatus = $('#photo-status')!
  const leadBox = $('#lead-photo')!
  const leadLabel = $('#lead-photo-current')!

  const focusPicker = setupFocusPicker({ csrf: deps.csrf, messages: m, changed: deps.changed })
  const setLead = (photo: PhotoInfo | null) => {
    leadBox.dataset.photoId = photo ? String(photo.id) : ''
    leadLabel.textContent = photo ? photo.caption || `#${photo.id}` : m.leadPhotoNone!
    focusPicker.show(photo)
    deps.changed()
  }
  $('#lead-photo-clear')?.addEventListener('click', () => setLead(null))

  const insertPhoto = (p: PhotoInfo, attrs: { caption: string; credit: string; alt: string }) => {
    knownPhotos.set(p.id, p)
    editor
      .chain()
      .focus()
      .insertContent({
        type: 'photo',
        attrs: {
          photoId: p.id,
          caption: attrs.caption || null,
          credit: attrs.credit || null,
          alt: attrs.alt || null,
        },
      })
      .run()
  }

  $('#photo-upload')?.addEventListener('click', async () => {
    const input = $<HTMLInputElement>('#photo-file')!
    const file = input.files?.[0]
    const text = (id: string) => $<HTMLInputElement>(`#${id}`)?.value.trim() ?? ''
    const meta = { caption: text('photo-caption'), credit: text('photo-credit'), alt: text('photo-alt') }
    const body = new FormData()
    if (file) body.append('file', file)
    for (const [k, v] of Object.entries(meta)) body.append(k, v)
    photoStatus.dataset.state = 'uploading'
    photoStatus.textContent = m.uploading!
    try {
      const res = await fetch('/newsroom/photos', {
        method: 'POST',
        headers: { 'x-csrf-token': deps.csrf, accept: 'application/json' },
        body,
      })
      const json = (await res.json().catch(() => ({}))) as {
        photo?: PhotoInfo
        errors?: { message?: string }[]
      }
      if (!res.ok || !json.photo) throw new Error(json.errors?.[0]?.message ?? '')
      // The lead photo is shown above the body; inserting it too would show readers it twice.
      const asLead = $<HTMLInputElement>('#photo-as-lead')
      if (asLead?.checked) {
        setLead(json.photo)
        asLead.checked = false
      } else insertPhoto(json.photo, meta)
      photoStatus.dataset.state = 'done'
      photoStatus.textContent = m.uploaded!
      input.value = ''
      for (const id of ['photo-caption', 'photo-credit', 'photo-alt'])
        $<HTMLInputElement>(`#${id}`)!.value = ''
    } catch (error) {
      photoStatus.dataset.state = 'error'
      photoStatus.textContent = deps.fill(m.uploadFailed!, { reason: (error as Error).message || '' })
    }
  })

  const libraryList = $('#library-results')!
  const searchLibrary = async () => {
    const q = $<HTMLInputElement>('#library-q')?.value ?? ''
    const res = await fetch(`/newsroom/photos?q=${encodeURIComponent(q)}`, {
      headers: { accept: 'application/json' },
    })
    if (!res.ok) return
    const { photos } = (await res.json()) as { photos: PhotoInfo[] }
    libraryList.replaceChildren(
      ...photos.map((p) => {
        const li = document.createElement('li')
        const img = document.createElement('img')
        img.src = p.url
        img.alt = p.alt
        img.loading = 'lazy'
        const label = document.createElement('span')
        label.textContent = [p.caption, p.credit].filter(Boolean).join(' · ') || `#${p.id}`
        const insert = document.createElement('button')
        insert.type = 'button'
        insert.textContent = m.libraryInsert!
        insert.addEventListener('click', () =>
          insertPhoto(p, { caption: p.caption, credit: p.credit, alt: p.alt }),
        )
        const lead = document.createElement('button')
        lead.type = 'button'
        lead.textContent = m.leadPhotoUse!
        lead.addEventListener('click', () => setLead(p))
        li.append(img, label, insert, lead)
        return li
      }),
    )
  }
  $('#library-q')?.addEventListener('input', debounce(searchLibrary, 300))
  $('#library-q')?.addEventListener('focus', () => void searchLibrary(), { once: true })

  const chosen = $('#related-chosen')!
  const addRemove = (li: HTMLElement) =>
    li.querySelector('.related-remove')?.addEventListener('click', () => {
      li.remove()
      deps.changed()
    })
  for (const li of chosen.querySelectorAll<HTMLElement>('li')) addRemove(li)
  const results = $('#related-results')!
  const searchRelated = async () => {
    const q = $<HTMLInputElement>('#related-q')?.value.trim() ?? ''
    if (!q) return results.replaceChildren()
    const res = await fetch(`/newsroom/related?q=${encodeURIComponent(q)}`, {
      headers: { accept: 'application/json' },
    })
    if (!res.ok) return
    const { articles } = (await res.json()) as { articles: { id: number; headline: string }[] }
    results.replaceChildren(
      ...articles.map((a) => {
        const li = document.createElement('li')
        const label = document.createElement('span')
        label.textContent = a.headline
        const add = document.createElement('button')
        add.type = 'button'
        add.textContent = m.relatedAdd!
        add.addEventListener('click', () => {
          if (chosen.querySelector(`li[data-id="${a.id}"]`)) return
          const item = document.createElement('li')
          item.dataset.id = String(a.id)
          const name = document.createElement('span')
          name.textContent = a.headline
          const remove = document.createElement('button')
          remove.type = 'button'
          remove.className = 'related-remove'
          remove.textContent = m.relatedRemove!
          item.append(name, ' ', remove)
          chosen.append(item)
          addRemove(item)
          deps.changed()
        })
        li.append(label, ' ', add)
        return li
      }),
    )
  }
  $('#related-q')?.addEventListener('input', debounce(searchRelated, 300))
}
