// The newsroom's article editor: TipTap over the fixed article schema, structured paste,
// character count, autosave with a local copy, photo upload and library, related articles.
import { Editor } from '@tiptap/core'
import Blockquote from '@tiptap/extension-blockquote'
import { ListItem } from '@tiptap/extension-list'
import StarterKit from '@tiptap/starter-kit'
import { createAutosave, type SaveResult } from './autosave.js'
import { setupFieldErrors } from './field-errors.js'
import { isPressRelease, setupImport } from './import-drop.js'
import { knownPhotos, makePhotoNode, type PhotoInfo, TableNodes, YouTube, youtubeId } from './nodes.js'
import { setupPanels } from './panels.js'
import { normalisePastedHtml, plainParagraphs } from './paste.js'

type Messages = Record<string, string>
interface EditorData {
  id: number
  status: string
  body: { type: 'doc'; content: unknown[] }
  photos: PhotoInfo[]
  messages: Messages
}

const fill = (template: string, params: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''))

function start() {
  const form = document.querySelector<HTMLFormElement>('#article-form')
  const mount = document.querySelector<HTMLElement>('#body-editor')
  if (!form || !mount) return
  const data = JSON.parse(form.dataset.article ?? '{}') as EditorData
  const m = data.messages
  const csrf = form.dataset.csrf ?? ''
  for (const p of data.photos) knownPhotos.set(p.id, p)
  const published = data.status === 'published'
  const $ = <T extends HTMLElement>(sel: string) => document.querySelector<T>(sel)
  const status = $('#save-status')!

  const editor = new Editor({
    element: mount,
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        code: false,
        codeBlock: false,
        strike: false,
        underline: false,
        blockquote: false,
        listItem: false,
        link: { openOnClick: false, autolink: true, HTMLAttributes: { target: null, rel: null } },
      }),
      // The article schema allows only paragraphs inside quotes and list items.
      Blockquote.extend({ content: 'paragraph+' }),
      ListItem.extend({ content: 'paragraph+' }),
      makePhotoNode({ caption: m.caption!, credit: m.credit!, alt: m.alt! }),
      YouTube,
      ...TableNodes,
    ],
    content: data.body as never,
    editorProps: {
      attributes: { 'aria-label': m.body!, role: 'textbox', 'aria-multiline': 'true', class: 'prose' },
      // Word, Hangul and web pages: structure kept, reshaped to the schema (paste.ts).
      transformPastedHTML: normalisePastedHtml,
      handleDrop(_view, event) {
        const file = (event as DragEvent).dataTransfer?.files?.[0]
        if (!file || !isPressRelease(file)) return false
        event.preventDefault()
        void importer.importFile(file)
        return true
      },
      handlePaste(_view, event) {
        const html = event.clipboardData?.getData('text/html') ?? ''
        if (html.trim() && !plainPaste) return false
        const text = event.clipboardData?.getData('text/plain')
        if (text === undefined) return false
        const paragraphs = plainParagraphs(text)
        if (paragraphs.length === 0) return true
        if (paragraphs.length === 1) editor.commands.insertContent({ type: 'text', text: paragraphs[0] })
        else
          editor.commands.insertContent(
            paragraphs.map((p) => ({ type: 'paragraph', content: [{ type: 'text', text: p }] })),
          )
        return true
      },
    },
  })
  // Ctrl+Shift+V (Cmd+Shift+V) pastes the text only, as the browser's own shortcut does elsewhere.
  let plainPaste = false
  mount.addEventListener('keydown', (e) => {
    plainPaste = e.shiftKey && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'v'
  })
  mount.addEventListener('keyup', () => {
    setTimeout(() => {
      plainPaste = false
    })
  })

  const importer = setupImport({ csrf, messages: m })

  const countLabel = $('#char-count')!
  const updateCount = () => {
    const text = editor.getText()
    countLabel.textContent = fill(m.characters!, {
      count: text.replace(/\n/g, '').length,
      noSpaces: text.replace(/\s/g, '').length,
    })
  }

  const field = (id: string) => $<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)
  const leadBox = $('#lead-photo')!
  const payload = () => ({
    headline: field('headline')?.value ?? '',
    subheadline: field('subheadline')?.value ?? '',
    sectionId: Number($<HTMLSelectElement>('#section')?.value),
    body: editor.getJSON(),
    tags: (field('tags')?.value ?? '')
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    reporterIds: [...document.querySelectorAll<HTMLInputElement>('input[name=reporterIds]:checked')].map(
      (i) => Number(i.value),
    ),
    unsigned: $<HTMLInputElement>('#unsigned')?.checked ?? false,
    relatedIds: [...document.querySelectorAll<HTMLElement>('#related-chosen li')].map((li) =>
      Number(li.dataset.id),
    ),
    leadPhotoId: leadBox.dataset.photoId ? Number(leadBox.dataset.photoId) : null,
    ...(published ? { correctionNote: field('correction-note')?.value ?? '' } : {}),
  })

  const fieldErrors = setupFieldErrors()

  async function send(body: unknown): Promise<SaveResult> {
    const res = await fetch(form!.dataset.saveUrl!, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify(body),
    })
    const json = (await res.json().catch(() => ({}))) as {
      savedAtText?: string
      errors?: { message?: string; details?: { field?: unknown } }[]
    }
    if (res.ok) return { ok: true, savedAtText: json.savedAtText ?? '' }
    // 4xx: the content was refused, with a reason; 5xx: the server failed, try again later.
    if (res.status >= 500) return { ok: false, message: null }
    const field = json.errors?.[0]?.details?.field
    return {
      ok: false,
      message: (json.errors?.[0]?.message ?? '') || null,
      field: typeof field === 'string' ? field : null,
    }
  }

  // 출고 전 점검 follows the saved text: the server recomputes it after every save.
  async function refreshChecks() {
    const panel = $('#publish-checks')
    if (!panel?.dataset.url) return
    const res = await fetch(panel.dataset.url, { headers: { accept: 'text/html' } }).catch(() => null)
    if (res?.ok) panel.outerHTML = await res.text()
  }

  const autosave = createAutosave({
    key: `sinmun:article:${data.id}`,
    payload,
    send,
    auto: !published,
    onState(state, detail, failed) {
      if (state === 'saved') void refreshChecks()
      if (state === 'saved' || state === 'invalid') fieldErrors.clear()
      if (state === 'invalid') fieldErrors.show(failed ?? 'body', detail)
      status.dataset.state = state
      status.textContent =
        state === 'saving'
          ? m.saving!
          : state === 'saved'
            ? fill(m.saved!, { time: detail })
            : state === 'invalid'
              ? fill(m.invalid!, { reason: detail })
              : m.saveFailed!
    },
  })

  // A copy this browser could not save last time comes back first.
  const stored = autosave.stored() as ReturnType<typeof payload> | null
  if (stored && JSON.stringify(stored) !== JSON.stringify(payload())) {
    if (field('headline')) field('headline')!.value = stored.headline
    if (field('subheadline')) field('subheadline')!.value = stored.subheadline
    editor.commands.setContent(stored.body as never)
    status.textContent = m.restored!
    autosave.changed()
  }

  updateCount()
  editor.on('update', () => {
    updateCount()
    autosave.changed()
  })
  form.addEventListener('input', () => autosave.changed())
  document.addEventListener('change', (e) => {
    if ((e.target as HTMLElement).closest('aside.side, #article-form')) autosave.changed()
  })
  form.addEventListener('submit', (e) => {
    e.preventDefault()
    void autosave.saveNow()
  })
  // Sending to the desk, approving or withdrawing saves the latest text first.
  for (const f of document.querySelectorAll<HTMLFormElement>('#submit-form, .desk-form')) {
    f.addEventListener('submit', async (e) => {
      e.preventDefault()
      // A withdrawn article cannot be saved; restoring it must not wait for a save.
      if (data.status === 'withdrawn' || (published && f.id !== 'withdraw-form')) return f.submit()
      if (f.id === 'submit-form' && editor.isEmpty) {
        fieldErrors.clear()
        return fieldErrors.show('body', m.bodyEmpty!)
      }
      if (await autosave.saveNow()) f.submit()
    })
  }
  addEventListener('beforeunload', (e) => {
    if (autosave.dirty) e.preventDefault()
  })

  const commands: Record<string, () => void> = {
    bold: () => editor.chain().focus().toggleBold().run(),
    italic: () => editor.chain().focus().toggleItalic().run(),
    h2: () => editor.chain().focus().toggleHeading({ level: 2 }).run(),
    h3: () => editor.chain().focus().toggleHeading({ level: 3 }).run(),
    quote: () => editor.chain().focus().toggleBlockquote().run(),
    bulletList: () => editor.chain().focus().toggleBulletList().run(),
    orderedList: () => editor.chain().focus().toggleOrderedList().run(),
    undo: () => editor.chain().focus().undo().run(),
    redo: () => editor.chain().focus().redo().run(),
    link: () => {
      const href = prompt(m.linkPrompt!, editor.getAttributes('link').href ?? 'https://')
      if (href === null) return
      if (!href.trim() || href.trim() === 'https://') editor.chain().focus().unsetLink().run()
      else if (/^(https?:\/\/|mailto:|\/)/i.test(href.trim()))
        editor.chain().focus().extendMarkRange('link').setLink({ href: href.trim() }).run()
    },
    youtube: () => {
      const input = prompt(m.youtubePrompt!)
      if (!input) return
      const videoId = youtubeId(input)
      if (!videoId) return alert(m.youtubeInvalid!)
      editor.chain().focus().insertContent({ type: 'youtube', attrs: { videoId } }).run()
    },
  }
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-cmd]')) {
    button.addEventListener('click', () => commands[button.dataset.cmd ?? '']?.())
  }

  setupPanels({ editor, csrf, messages: m, changed: () => autosave.changed(), fill })
  document.documentElement.dataset.editorReady = '1'
}

start()
