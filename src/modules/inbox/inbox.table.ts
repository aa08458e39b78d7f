import type { Generated } from 'kysely'

/** 기사제보, and the three statutory requests of 언론중재법 §14–17. */
export type RequestKind = 'tip' | 'correction' | 'rebuttal' | 'followup'
export const REQUEST_KINDS: readonly RequestKind[] = ['tip', 'correction', 'rebuttal', 'followup']

/** new → open (someone is on it) → answered (accepted/refused told) → published → closed. */
export type RequestStatus = 'new' | 'open' | 'answered' | 'published' | 'closed'

export interface TipsTable {
  id: Generated<number>
  kind: RequestKind
  name: string
  contact: string
  subject: string
  body: string
  articleUrl: string | null
  /** The published article the address names, when it names one. */
  articleId: number | null
  /** The day (Korea) the requester says they learned of the report; null when not given. */
  learnedOn: string | null
  /** The words of the article the request disputes, to place the correction beside them. */
  disputedPassage: string | null
  consentedAt: string | null
  attachmentKey: string | null
  attachmentName: string | null
  attachmentType: string | null
  status: Generated<string>
  assigneeId: number | null
  decision: 'accepted' | 'refused' | null
  decisionReason: string | null
  answeredAt: string | null
  publishedText: string | null
  publishedAt: string | null
  closedAt: string | null
  remindedAt: string | null
  /** When the request was received: the statutory clocks run from here. */
  createdAt: string
  /** The key the form was given: a resent form finds this request instead of adding one. */
  clientKey: Generated<string | null>
}

export interface TipEventsTable {
  id: Generated<number>
  tipId: number
  at: string
  /** Null for what the system did itself (receipt, reminders). */
  staffId: number | null
  action: string
  note: string | null
}

/** The tables this module owns; its repositories see no others. */
export interface InboxTables {
  tips: TipsTable
  tipEvents: TipEventsTable
}
