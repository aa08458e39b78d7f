// Posts and videos of other sites embedded by address: what the document stores of each (a
// provider and the post's id, each checked to its exact shape) and where its frame comes from.
// A page shows a light placeholder; the provider's frame loads on a click, or for a video
// when the reader scrolls near (client/article.ts), and the page's CSP gains that provider's
// frame source only (platform/http/page-policy.ts).

export const EMBED_PROVIDERS = {
  navertv: {
    name: '네이버TV',
    video: true,
    id: /^\d{1,12}$/,
    frame: (id: string) => `https://tv.naver.com/embed/${id}`,
    link: (id: string) => `https://tv.naver.com/v/${id}`,
  },
  kakaotv: {
    name: '카카오TV',
    video: true,
    id: /^\d{1,12}$/,
    frame: (id: string) => `https://play-tv.kakao.com/embed/player/cliplink/${id}`,
    link: (id: string) => `https://tv.kakao.com/v/${id}`,
  },
  instagram: {
    name: 'Instagram',
    video: false,
    id: /^(p|reel)\/[A-Za-z0-9_-]{5,40}$/,
    frame: (id: string) => `https://www.instagram.com/${id}/embed/`,
    link: (id: string) => `https://www.instagram.com/${id}/`,
  },
  x: {
    name: 'X',
    video: false,
    id: /^[A-Za-z0-9_]{1,15}\/status\/\d{1,25}$/,
    frame: (id: string) => `https://platform.twitter.com/embed/Tweet.html?id=${id.split('/').pop()}`,
    link: (id: string) => `https://x.com/${id}`,
  },
  facebook: {
    name: 'Facebook',
    video: false,
    id: /^[A-Za-z0-9.]{1,50}\/(posts|videos)\/[A-Za-z0-9]{1,40}$/,
    frame: (id: string) =>
      `https://www.facebook.com/plugins/post.php?href=${encodeURIComponent(`https://www.facebook.com/${id}`)}`,
    link: (id: string) => `https://www.facebook.com/${id}`,
  },
} as const

export type EmbedProvider = keyof typeof EMBED_PROVIDERS
export const EMBED_PROVIDER_NAMES = Object.keys(EMBED_PROVIDERS) as [EmbedProvider, ...EmbedProvider[]]
