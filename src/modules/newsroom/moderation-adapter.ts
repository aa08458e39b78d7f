// Connects the moderation page to the comments module's moderation service (which logs
// every action itself).
import type { ModerationService } from '../comments/index.js'
import type { ModerationPort } from './routes/moderation.port.js'

export function moderationPort(service: ModerationService): ModerationPort {
  return {
    list: async (filter) => {
      const items = await service.listForModeration({ status: filter, limit: 100 })
      return items.map((c) => ({
        id: c.id,
        articleId: c.articleId,
        articleHeadline: c.articleHeadline,
        author: c.author,
        readerId: c.readerId,
        body: c.body,
        status: c.status,
        reports: c.reports,
        reportReasons: c.reportReasons,
        readerSuspended: c.readerSuspended,
        createdAt: c.createdAt,
      }))
    },
    hide: (commentId, staffId) => service.hideComment(staffId, commentId),
    restore: (commentId, staffId) => service.restoreComment(staffId, commentId),
    remove: (commentId, staffId) => service.deleteComment(staffId, commentId),
    suspendReader: (readerId, staffId) => service.suspendReader(staffId, readerId),
    reinstateReader: (readerId, staffId) => service.suspendReader(staffId, readerId, false),
    bannedWords: () => service.getBannedWords(),
    setBannedWords: async (words, staffId) => {
      await service.setBannedWords(staffId, words)
    },
  }
}
