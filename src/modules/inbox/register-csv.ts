// The register of statutory requests as CSV, for the 언론중재위원회 and the outlet's records.
// Excel opens UTF-8 CSV as Korean only with a BOM; a cell starting with = + - @ is prefixed so
// a spreadsheet never runs what a reader typed as a formula.
import { formatKoreaDateTime } from '../../platform/korea-time.js'
import { inboxMessages as m } from './inbox.messages.js'
import type { RequestSummary } from './inbox.service.js'

const HEADER = [
  '접수번호',
  '종류',
  '접수일시',
  '청구인',
  '제목',
  '기사 주소',
  '답변 기한',
  '통지일시',
  '결정',
  '결정 사유',
  '게재 기한',
  '게재일시',
  '상태',
  '청구 기간',
]

function cell(value: string | number | null | undefined): string {
  let text = value === null || value === undefined ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const when = (iso: string | null | undefined) => (iso ? formatKoreaDateTime(iso) : '')

export function registerCsv(rows: readonly RequestSummary[]): string {
  const lines = [HEADER.map(cell).join(',')]
  for (const r of rows) {
    lines.push(
      [
        r.id,
        m.kinds[r.kind],
        when(r.createdAt),
        r.name,
        r.subject,
        r.articleUrl,
        when(r.clock?.answerBy),
        when(r.answeredAt),
        r.decision === 'accepted' ? '수용' : r.decision === 'refused' ? '거부' : '',
        r.decisionReason,
        when(r.clock?.publishBy),
        when(r.publishedAt),
        m.statuses[r.status] ?? r.status,
        r.clock?.lateFlags.length ? '기간 경과' : '',
      ]
        .map(cell)
        .join(','),
    )
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}
