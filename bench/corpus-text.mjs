// Korean article text for the benchmark corpus, recombined from the demo articles' own
// sentences so that pages carry realistic Hangul of realistic length.
import { demoArticles } from '../dist/modules/demo/demo-content.js'

/** A small seeded generator (mulberry32), so every corpus of the same size is the same. */
export function randomFrom(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  }
}

const sentencesOf = (text) => text.split(/(?<=[.?!])\s+/).filter((s) => s.length > 8)

function pools() {
  const sentences = []
  const headings = []
  const quotes = []
  const fronts = []
  const backs = []
  const subheadlines = []
  const headlines = demoArticles.map((a) => a.headline)
  for (const article of demoArticles) {
    for (const block of article.body) {
      if (typeof block === 'string') sentences.push(...sentencesOf(block))
      else if ('heading' in block) headings.push(block.heading)
      else quotes.push(block)
    }
    subheadlines.push(article.subheadline)
    // Headlines are mostly "topic… consequence" or "subject, action": halves recombine well.
    const cut = article.headline.search(/[…,] ?/)
    if (cut > 4) {
      fronts.push(article.headline.slice(0, cut))
      backs.push(article.headline.slice(cut))
    } else {
      fronts.push(article.headline)
    }
  }
  return { sentences, headings, quotes, headlines, fronts, backs, subheadlines }
}

const text = (value) => [{ type: 'text', text: value }]

/** Builds headline, subheadline and a ProseMirror body of 5–10 paragraphs. */
export function createTextGenerator(random) {
  const p = pools()
  return {
    headline() {
      if (random.chance(0.4) || p.backs.length === 0) return random.pick(p.headlines)
      return `${random.pick(p.fronts)}${random.pick(p.backs)}`
    },
    subheadline: () => (random.chance(0.8) ? random.pick(p.subheadlines) : ''),
    /** `inlinePhotoId` (or null) is placed after the second paragraph, as editors do. */
    body(inlinePhotoId) {
      const paragraphs = random.int(5, 10)
      const content = []
      for (let i = 0; i < paragraphs; i++) {
        const count = random.int(1, 3)
        const sentences = Array.from({ length: count }, () => random.pick(p.sentences))
        content.push({ type: 'paragraph', content: text(sentences.join(' ')) })
        if (i === 1 && inlinePhotoId) content.push({ type: 'photo', attrs: { photoId: inlinePhotoId } })
        if (i === 3 && random.chance(0.3)) {
          content.push({ type: 'heading', attrs: { level: 2 }, content: text(random.pick(p.headings)) })
        }
        if (i === 4 && random.chance(0.2) && p.quotes.length > 0) {
          const q = random.pick(p.quotes)
          content.push({
            type: 'blockquote',
            attrs: { cite: q.cite ?? null },
            content: [{ type: 'paragraph', content: text(q.quote) }],
          })
        }
      }
      return { type: 'doc', content }
    },
  }
}

const commentTexts = [
  '현장 분위기가 잘 전해지는 기사네요. 후속 보도도 기대합니다.',
  '숫자로 정리해 주니 이해가 쉽습니다.',
  '다른 시각의 의견도 함께 다뤄 주면 좋겠습니다.',
  '지역 주민 입장에서는 반가운 소식입니다.',
  '결국 예산이 문제 아닌가요? 재원 마련 방안도 궁금합니다.',
  '제목만 보고 오해했는데 본문을 읽으니 이해가 됩니다.',
  '이런 기사가 더 많아졌으면 합니다.',
  '정책이 실제로 현장에서 어떻게 작동하는지 다시 취재해 주세요.',
]

export const commentText = (random) => random.pick(commentTexts)
