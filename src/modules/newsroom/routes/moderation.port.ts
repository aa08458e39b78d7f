// What the moderation page needs from the comments module, narrowed to plain shapes so the
// page does not depend on how comments stores them.
export type ModerationFilter = 'held' | 'reported' | 'hidden'

export interface ModerationItem {
  id: number
  articleId: number
  articleHeadline: string
  author: string
  readerId: number | null
  body: string
  status: string
  reports: number
  /** Why readers reported it, as reason keys (abuse, spam …), each once. */
  reportReasons: string[]
  readerSuspended: boolean
  createdAt: string
}

export interface ModerationPort {
  list(filter: ModerationFilter): Promise<ModerationItem[]>
  hide(commentId: number, staffId: number): Promise<void>
  restore(commentId: number, staffId: number): Promise<void>
  remove(commentId: number, staffId: number): Promise<void>
  suspendReader(readerId: number, staffId: number): Promise<void>
  /** Lifts a reader's suspension. */
  reinstateReader(readerId: number, staffId: number): Promise<void>
  bannedWords(): Promise<string[]>
  setBannedWords(words: string[], staffId: number): Promise<void>
}
