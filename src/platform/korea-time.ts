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

/** The Korea-time calendar day (`2025-02-04`) of an instant. */
export function koreaDay(iso: string | Date): string {
  const p = kstParts(iso)
  return `${p.y}-${p.m}-${p.d}`
}

/** ISO 8601 with the +09:00 offset, as news sitemaps and JSON-LD like it. */
export function toKoreaIso(iso: string | Date): string {
  const d = new Date(new Date(iso).getTime() + KST_OFFSET_MS)
  return `${d.toISOString().slice(0, 19)}+09:00`
}
