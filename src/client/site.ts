// Runs on every reader page: applies the reader's remembered font size before paint.
const FONT_KEY = 'sinmun:font-step'

const step = Number(localStorage.getItem(FONT_KEY) ?? '0')
if (step) document.documentElement.style.setProperty('--article-font-step', String(step))
document.documentElement.classList.add('js')
