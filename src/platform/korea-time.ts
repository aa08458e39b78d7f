// Times are stored in UTC and shown in Korea time (UTC+9, no daylight saving) in the
// format Korean outlets print: 2025.02.04 15:30.
const KST_OFFSET_MS = 9 * 60 * 60 * 1000

const pad = (n: number) => String(n).padStart(2, '0')

function kstParts(iso: string | Date) {
  const d = new Date(new Date(iso).getTime() + KST_OFFSET_MS)
  return {
    y: d.getUTCFullYear(),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    hh: pad(d.getUTCHours()),
    mm: pad(d.getUTCMinutes()),
  }
}

/** `2025.02.04 15:30` */
export function formatKoreaDateTime(iso: string | Date): string {
  const p = kstParts(iso)
  return `${p.y}.${p.m}.${p.d} ${p.hh}:${p.mm}`
}

/** `2025.02.04` */
export function formatKoreaDate(iso: string | Date): string {
  const p = kstParts(iso)
  return `${p.y}.${p.m}.${p.d}`
}

/** `2025-02-04`: the Korea-time day, as stored for daily figures. */
export function koreaDay(iso: string | Date): string {
  const p = kstParts(iso)
  return `${p.y}-${p.m}-${p.d}`
}

const KST_DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * The start of the Korea-time day `YYYY-MM-DD` plus `days`, as UTC ISO; undefined when the text
 * is not a real date (02-30 does not roll over into March).
 */
export function koreaDayStart(day: string | undefined, days = 0): string | undefined {
  const m = day ? KST_DAY.exec(day) : null
  if (!m) return undefined
  const y = Number(m[1])
  const mo = Number(m[2]) - 1
  const d = Number(m[3])
  const date = new Date(Date.UTC(y, mo, d))
  if (date.getUTCMonth() !== mo || date.getUTCDate() !== d || y < 1900) return undefined
  return new Date(Date.UTC(y, mo, d + days) - KST_OFFSET_MS).toISOString()
}

const WEEKDAYS = ['일', '월', '화', '수', '목', '금', '토']

/** `12월 6일 (일)`: the masthead's date, as Korean news sites write it. */
export function formatKoreaMastheadDate(iso: string | Date): string {
  const d = new Date(new Date(iso).getTime() + KST_OFFSET_MS)
  return `${d.getUTCMonth() + 1}월 ${d.getUTCDate()}일 (${WEEKDAYS[d.getUTCDay()]})`
}
