// Embeds by address in the editor: a pasted link to a Naver TV or Kakao TV video, or to an
// Instagram, X or Facebook post, becomes an `embed` node with the provider and the post's id
// (the shapes the server checks in articles/document/embeds.ts).
import { Node } from '@tiptap/core'

export interface EmbedAttrs {
  provider: 'navertv' | 'kakaotv' | 'instagram' | 'x' | 'facebook'
  id: string
}

/** The provider and id of a post's address, or null for an address we cannot embed. */
export function embedFromUrl(input: string): EmbedAttrs | null {
  let url: URL
  try {
    url = new URL(input.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.replace(/^(www\.|m\.|mobile\.)/, '')
  for (const [provider, hosts, pattern, id] of PATTERNS) {
    if (!hosts.includes(host)) continue
    const match = url.pathname.match(pattern)
    if (match) return { provider, id: id(match) }
  }
  return null
}

/** Per provider: its hosts, the path of a post, and the id the server stores. */
const PATTERNS: [EmbedAttrs['provider'], string[], RegExp, (m: RegExpMatchArray) => string][] = [
  ['navertv', ['tv.naver.com'], /^\/(?:v|embed)\/(\d{1,12})/, (m) => m[1]!],
  ['kakaotv', ['tv.kakao.com', 'play-tv.kakao.com'], /(?:\/v|cliplink)\/(\d{1,12})/, (m) => m[1]!],
  ['instagram', ['instagram.com'], /^\/(p|reel)\/([A-Za-z0-9_-]{5,40})/, (m) => `${m[1]}/${m[2]}`],
  [
    'x',
    ['x.com', 'twitter.com'],
    /^\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,25})/,
    (m) => `${m[1]}/status/${m[2]}`,
  ],
  [
    'facebook',
    ['facebook.com'],
    /^\/([A-Za-z0-9.]{1,50})\/(posts|videos)\/([A-Za-z0-9]{1,40})/,
    (m) => `${m[1]}/${m[2]}/${m[3]}`,
  ],
]

const LABELS: Record<EmbedAttrs['provider'], string> = {
  navertv: '네이버TV',
  kakaotv: '카카오TV',
  instagram: 'Instagram',
  x: 'X',
  facebook: 'Facebook',
}

export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  draggable: true,
  addAttributes() {
    return { provider: { default: null }, id: { default: null } }
  },
  parseHTML() {
    return [
      {
        tag: 'div[data-embed-provider]',
        getAttrs: (el) => ({
          provider: el.getAttribute('data-embed-provider'),
          id: el.getAttribute('data-embed-id'),
        }),
      },
    ]
  },
  renderHTML({ node }) {
    // A labelled box in the editor; the reader page shows the placeholder that loads the post.
    const provider = node.attrs.provider as EmbedAttrs['provider']
    return [
      'div',
      { 'data-embed-provider': provider, 'data-embed-id': String(node.attrs.id), class: 'youtube-node' },
      `${LABELS[provider] ?? provider} ▶ ${node.attrs.id}`,
    ]
  },
})
