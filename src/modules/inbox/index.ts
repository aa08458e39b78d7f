// The inbox module's public face: reader tips and 정정·반론·추후보도 requests with their
// statutory clocks (docs/decisions/027-inbox-and-readers-rights.md). The public form is
// its own; the newsroom's inbox screens use the service.
//
//   const inbox = createInboxModule({ ... })   // in app.ts
//   await http.register(inbox.routes)
//   inbox.jobs.start()
import type { FastifyPluginAsync } from 'fastify'
import type { SiteContext } from '../../platform/views/site-context.js'
import { inboxRoutes } from './inbox.routes.js'
import { createInboxService, type InboxDeps } from './inbox.service.js'

export { inboxErrorCatalogue } from './inbox.errors.js'
export { inboxMessages } from './inbox.messages.js'
export type { InboxService, RequestSummary } from './inbox.service.js'
export type { InboxTables, RequestKind } from './inbox.table.js'
export { registerCsv } from './register-csv.js'
export type { StatutoryClock, Urgency } from './statutory-clock.js'

export function createInboxModule(
  deps: InboxDeps & {
    site: () => Promise<SiteContext>
    everyMs?: number
    logError(message: string, error: unknown): void
  },
) {
  const service = createInboxService(deps)
  const routes: FastifyPluginAsync = inboxRoutes({ inbox: service, site: deps.site })
  // Deadline reminders and the attachment sweep run inside the app, like the scheduler.
  let timer: NodeJS.Timeout | undefined
  const run = async () => {
    try {
      await service.sendReminders()
      await service.purgeAttachments()
    } catch (error) {
      deps.logError('inbox jobs failed', error)
    }
  }
  return {
    service,
    routes,
    jobs: {
      start() {
        timer ??= setInterval(run, deps.everyMs ?? 15 * 60_000)
        timer.unref()
      },
      stop() {
        if (timer) clearInterval(timer)
        timer = undefined
      },
      run,
    },
  }
}
