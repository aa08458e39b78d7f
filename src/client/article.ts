// Enhancements of the article page: reading-progress bar, share panel (Kakao, Web Share,
// copy link), print and the font size (A−/A+) remembered across visits.
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

function say(panel: HTMLElement, key: 'copied' | 'failed') {
  const status = panel.querySelector<HTMLElement>('.share-status')
  if (!status) return
  status.textContent = status.dataset[key] ?? ''
  window.setTimeout(() => {
    status.textContent = ''
  }, 4000)
}

async function copyLink(panel: HTMLElement, url: string) {
  try {
    await navigator.clipboard.writeText(url)
    say(panel, 'copied')
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
  const url = panel.dataset.url ?? location.href
  const title = panel.dataset.title ?? document.title
  const kakao = panel.querySelector<HTMLButtonElement>('.share-kakao')
  const copy = panel.querySelector<HTMLButtonElement>('.share-copy')
  const tools = panel.querySelector<HTMLElement>('.article-tools')

  if (kakao) {
    const key = kakao.dataset.kakaoKey
    // Without a Kakao app key, the phone's own share sheet (which lists KakaoTalk); where there
    // is none (most desktops), a copied link with its confirmation, ready to paste in KakaoTalk.
    kakao.hidden = false
    kakao.addEventListener('click', async () => {
      if (key) {
        try {
          ;(await loadKakao(key)).Share.sendScrap({ requestUrl: url })
          return
        } catch {
          // fall through to the share sheet
        }
      }
      if (navigator.share) await navigator.share({ title, url }).catch(() => {})
      else await copyLink(panel, url)
    })
  }
  if (copy) {
    copy.hidden = false
    copy.addEventListener('click', () => copyLink(panel, url))
  }
  if (tools) tools.hidden = false
  panel.querySelector('.tool-print')?.addEventListener('click', () => print())
  const setStep = (next: number) => {
    const step = Math.min(MAX_STEP, Math.max(MIN_STEP, next))
    document.documentElement.style.setProperty('--article-font-step', String(step))
    localStorage.setItem(FONT_KEY, String(step))
  }
  const current = () => Number(localStorage.getItem(FONT_KEY) ?? '0')
  panel.querySelector('.font-smaller')?.addEventListener('click', () => setStep(current() - 1))
  panel.querySelector('.font-larger')?.addEventListener('click', () => setStep(current() + 1))
}

progressBar()
sharePanel()
