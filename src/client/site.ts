// Runs on every reader page: applies the reader's remembered font size, and the section menu's scroll hint.
import { formatKoreaDateTime } from '../platform/korea-time.js'
import { printMessages } from './print-messages.js'

const FONT_KEY = 'sinmun:font-step'

const step = Number(localStorage.getItem(FONT_KEY) ?? '0')
if (step) document.documentElement.style.setProperty('--article-font-step', String(step))
document.documentElement.classList.add('js')

// The section menu scrolls sideways on phones: its arrow hint goes once the end is reached,
// and the current section is brought into view.
const menu = document.querySelector<HTMLElement>('.menu-scroller ul')
const nav = menu?.closest('nav')
if (menu && nav) {
  const current = menu.querySelector<HTMLElement>('[aria-current="page"]')
  if (current) menu.scrollLeft = current.offsetLeft - (menu.clientWidth - current.offsetWidth) / 2
  const atEnd = () =>
    nav.classList.toggle('menu-at-end', menu.scrollLeft + menu.clientWidth >= menu.scrollWidth - 4)
  menu.addEventListener('scroll', atEnd, { passive: true })
  addEventListener('resize', atEnd)
  // The menu's width changes when the web font arrives; measure again then.
  document.fonts?.addEventListener('loadingdone', atEnd)
  document.fonts?.ready.then(atEnd)
  atEnd()
}

// On paper the reader can no longer see the address bar: the printout names the page's
// address and the time it was printed (Korea time), under the outlet's name (site.css).
addEventListener('beforeprint', () => {
  let note = document.querySelector<HTMLElement>('.print-note')
  if (!note) {
    note = document.createElement('p')
    note.className = 'print-note'
    document.querySelector('.masthead')?.after(note)
  }
  const address = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href ?? location.href
  note.replaceChildren(
    Object.assign(document.createElement('span'), { textContent: `${printMessages.address} ${address}` }),
    Object.assign(document.createElement('span'), {
      textContent: `${printMessages.printed} ${formatKoreaDateTime(new Date())}`,
    }),
  )
})
