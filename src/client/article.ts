// Enhancements of the article page: reading-progress bar, share panel (Kakao, Web Share,
// copy link), print and the font size (A−/A+) remembered across visits.
import { shareMessages } from './share-messages.js'

const FONT_KEY = 'sinmun:font-step'
const MIN_STEP = -2
const MAX_STEP = 4

function progressBar() {
  const bar = document.querySelector<HTMLElement>('.progress')
  const fill = bar?.querySelector<HTMLElement>('.progress-fill')
  const body = document.querySelector<HTMLElement>('.article')
  if (!bar || !fill || !body) return
  let scheduled = false
  const update = () => {
    scheduled = false
    const rect = body.getBoundingClientRect()
    const total = rect.height - window.innerHeight
    const ratio = total <= 0 ? 1 : Math.min(1, Math.max(0, -rect.top / total))
    fill.style.transform = `scaleX(${ratio})`
    // Screen readers may announce every change of a progress bar: tell them in steps of 10%.
    const announced = String(Math.round(ratio * 10) * 10)
    if (bar.getAttribute('aria-valuenow') !== announced) bar.setAttribute('aria-valuenow', announced)
  }
  const schedule = () => {
    if (!scheduled) {
      scheduled = true
      requestAnimationFrame(update)
    }
  }
  addEventListener('scroll', schedule, { passive: true })
  addEventListener('resize', schedule)
  update()
}

type Said = keyof typeof shareMessages

function say(panel: HTMLElement, key: Said) {
  const status = panel.querySelector<HTMLElement>('.share-status')
  if (!status) return
  status.textContent = shareMessages[key]
  window.setTimeout(() => {
    status.textContent = ''
  }, 4000)
}

async function copyLink(panel: HTMLElement, url: string, said: Said = 'copied') {
  try {
    await navigator.clipboard.writeText(url)
    say(panel, said)
  } catch {
    say(panel, 'failed')
  }
}

type KakaoSdk = {
  isInitialized(): boolean
  init(key: string): void
  Share: { sendScrap(options: { requestUrl: string }): void }
}

function loadKakao(key: string): Promise<KakaoSdk> {
  return new Promise((resolve, reject) => {
    const existing = (window as unknown as { Kakao?: KakaoSdk }).Kakao
    if (existing) return resolve(existing)
    const script = document.createElement('script')
    script.src = 'https://t1.kakaocdn.net/kakao_js_sdk/2.7.4/kakao.min.js'
    script.onload = () => {
      const kakao = (window as unknown as { Kakao?: KakaoSdk }).Kakao
      if (!kakao) return reject(new Error('Kakao SDK missing'))
      if (!kakao.isInitialized()) kakao.init(key)
      resolve(kakao)
    }
    script.onerror = reject
    document.head.append(script)
  })
}

function sharePanel() {
  const panel = document.querySelector<HTMLElement>('.share')
  if (!panel) return
  // The buttons that need this script arrive in <template>s; in place, they can be used.
  for (const template of panel.querySelectorAll<HTMLTemplateElement>('template.enhancement')) {
    template.replaceWith(template.content)
  }
  // The page already names both: its canonical address and its headline.
  const url = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href ?? location.href
  const title = document.querySelector('h1')?.textContent?.trim() || document.title
  const kakao = panel.querySelector<HTMLButtonElement>('.share-kakao')
  const key = kakao?.dataset.kakaoKey
  kakao?.addEventListener('click', async () => {
    if (key) {
      try {
        ;(await loadKakao(key)).Share.sendScrap({ requestUrl: url })
        return
      } catch {
        // fall through to the share sheet
      }
    }
    // Without Kakao's SDK: the phone's share sheet lists KakaoTalk; where there is none (most
    // desktops), the link is copied and the reader told to paste it into a KakaoTalk chat.
    if (navigator.share) await navigator.share({ title, url }).catch(() => {})
    else await copyLink(panel, url, 'copiedForKakao')
  })
  panel.querySelector('.share-copy')?.addEventListener('click', () => copyLink(panel, url))
  panel.querySelector('.tool-print')?.addEventListener('click', () => print())
  fontSize(panel)
}

/** A−/A+ step the body size; at either end the button says so instead of doing nothing. */
function fontSize(panel: HTMLElement) {
  const smaller = panel.querySelector<HTMLButtonElement>('.font-smaller')
  const larger = panel.querySelector<HTMLButtonElement>('.font-larger')
  if (!smaller || !larger) return
  const current = () => Number(localStorage.getItem(FONT_KEY) ?? '0')
  const showLimits = (step: number) => {
    // aria-disabled, not disabled: the button keeps its focus and still explains itself.
    smaller.setAttribute('aria-disabled', String(step <= MIN_STEP))
    larger.setAttribute('aria-disabled', String(step >= MAX_STEP))
  }
  const step = (by: number) => {
    const next = Math.min(MAX_STEP, Math.max(MIN_STEP, current() + by))
    if (next === current()) {
      say(panel, by > 0 ? 'largest' : 'smallest')
      return
    }
    document.documentElement.style.setProperty('--article-font-step', String(next))
    localStorage.setItem(FONT_KEY, String(next))
    showLimits(next)
  }
  smaller.addEventListener('click', () => step(-1))
  larger.addEventListener('click', () => step(1))
  showLimits(current())
}

progressBar()
sharePanel()

/**
 * Embedded posts and videos (document/embeds.ts): the provider's frame loads only when the
 * reader clicks the placeholder, or for a video when it comes near the screen, so no request
 * reaches the provider from a reader who never looks at it.
 */
function embeds() {
  const cards = document.querySelectorAll<HTMLElement>('[data-embed-src]')
  if (cards.length === 0) return
  const load = (card: HTMLElement) => {
    if (card.dataset.loaded) return
    card.dataset.loaded = '1'
    const frame = document.createElement('iframe')
    frame.src = card.dataset.embedSrc ?? ''
    frame.title = card.dataset.embedTitle ?? ''
    frame.allow = 'encrypted-media; picture-in-picture; fullscreen'
    frame.setAttribute('allowfullscreen', '')
    card.replaceChildren(frame)
  }
  const near = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue
        near.unobserve(entry.target)
        load(entry.target as HTMLElement)
      }
    },
    { rootMargin: '300px 0px' },
  )
  for (const card of cards) {
    card.querySelector('a')?.addEventListener('click', (event) => {
      event.preventDefault()
      load(card)
    })
    if ('embedNear' in card.dataset) near.observe(card)
  }
}
embeds()
