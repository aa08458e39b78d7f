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
