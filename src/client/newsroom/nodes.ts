// The two custom body nodes of the article schema (document.schema.ts): `photo` with
// photoId/caption/credit/alt, and `youtube` with videoId. In the editor a photo shows its
// picture with its caption, credit and alt text editable in place.
import { Node } from '@tiptap/core'

export interface PhotoInfo {
  id: number
  url: string
  caption: string
  credit: string
  alt: string
  /** The photo's focal point, fractions from the top left; none for the middle. */
  focus?: { x: number; y: number } | null
}

/** Photos known to the page (the body's, and every one uploaded or picked since), by id. */
export const knownPhotos = new Map<number, PhotoInfo>()

const text = (value: unknown) => (typeof value === 'string' ? value : '')

export function makePhotoNode(labels: { caption: string; credit: string; alt: string }) {
  return Node.create({
    name: 'photo',
    group: 'block',
    atom: true,
    draggable: true,
    addAttributes() {
      return {
        photoId: { default: null },
        caption: { default: null },
        credit: { default: null },
        alt: { default: null },
      }
    },
    parseHTML() {
      return [
        {
          tag: 'figure[data-photo-id]',
          getAttrs: (el) => ({ photoId: Number(el.getAttribute('data-photo-id')) }),
        },
      ]
    },
    renderHTML({ node }) {
      return ['figure', { 'data-photo-id': String(node.attrs.photoId) }]
    },
    addNodeView() {
      return ({ node, getPos, editor }) => {
        let current = node
        const dom = document.createElement('figure')
        dom.className = 'photo-node'
        dom.dataset.photoId = String(node.attrs.photoId)
        const img = document.createElement('img')
        const info = knownPhotos.get(Number(node.attrs.photoId))
        img.src = info?.url ?? ''
        img.alt = text(node.attrs.alt) || info?.alt || ''
        dom.append(img)
        const field = (name: 'caption' | 'credit' | 'alt', label: string) => {
          const wrap = document.createElement('label')
          wrap.textContent = label
          const input = document.createElement('input')
          input.className = `photo-${name}`
          input.value = text(current.attrs[name])
          input.addEventListener('input', () => {
            const pos = typeof getPos === 'function' ? getPos() : undefined
            if (typeof pos !== 'number') return
            const value = input.value.trim() ? input.value : null
            editor.view.dispatch(
              editor.state.tr.setNodeMarkup(pos, undefined, { ...current.attrs, [name]: value }),
            )
          })
          wrap.append(input)
          dom.append(wrap)
          return input
        }
        const inputs = {
          caption: field('caption', labels.caption),
          credit: field('credit', labels.credit),
          alt: field('alt', labels.alt),
        }
        return {
          dom,
          // Typing in the caption fields is theirs, not the editor's.
          stopEvent: (event) => event.target instanceof HTMLInputElement,
          ignoreMutation: () => true,
          update(updated) {
            if (updated.type !== current.type) return false
            current = updated
            for (const [name, input] of Object.entries(inputs)) {
              if (document.activeElement !== input) input.value = text(updated.attrs[name])
            }
            return true
          },
        }
      }
    },
  })
}

export const YouTube = Node.create({
  name: 'youtube',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { videoId: { default: null } }
  },
  parseHTML() {
    return [{ tag: 'div[data-youtube]', getAttrs: (el) => ({ videoId: el.getAttribute('data-youtube') }) }]
  },
  renderHTML({ node }) {
    // No frame inside the editor: the reader page embeds it; here a labelled box is enough.
    return [
      'div',
      { 'data-youtube': String(node.attrs.videoId), class: 'youtube-node' },
      `YouTube ▶ ${node.attrs.videoId}`,
    ]
  },
})

/** The video id of a YouTube address (watch, youtu.be, embed, shorts) or of a bare id. */
export function youtubeId(input: string): string | null {
  const value = input.trim()
  if (/^[\w-]{6,20}$/.test(value)) return value
  try {
    const url = new URL(value)
    const host = url.hostname.replace(/^www\.|^m\./, '')
    if (host === 'youtu.be') return youtubeId(url.pathname.slice(1))
    if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
      const v = url.searchParams.get('v')
      if (v) return youtubeId(v)
      const m = url.pathname.match(/^\/(embed|shorts|live)\/([\w-]{6,20})/)
      return m ? m[2]! : null
    }
  } catch {
    return null
  }
  return null
}

// The simple table of the article schema (document.schema.ts), which imports bring in: the
// editor keeps it and lets its cells be edited as text; adding rows or columns is not offered.
const tablePart = (name: string, tag: string, content: string, group?: string) =>
  Node.create({
    name,
    ...(group ? { group } : {}),
    content,
    isolating: tag !== 'table',
    parseHTML: () => [{ tag }],
    renderHTML: () => (tag === 'table' ? ['table', ['tbody', 0]] : [tag, 0]),
  })

export const TableNodes = [
  tablePart('table', 'table', 'tableRow+', 'block'),
  tablePart('tableRow', 'tr', '(tableCell | tableHeader)+'),
  tablePart('tableCell', 'td', 'paragraph+'),
  tablePart('tableHeader', 'th', 'paragraph+'),
]
