// `sinmun serve`: one process, or with --workers N (WORKERS) a node:cluster primary and N
// workers sharing the port. Invalidations reach every worker through Redis when REDIS_URL is
// set, otherwise through the primary (IPC).
import cluster from 'node:cluster'
import { buildApp } from './app.js'
import { createIpcInvalidationBus } from './platform/cluster/ipc-invalidation-bus.js'
import { runPrimary } from './platform/cluster/primary.js'
import type { Config } from './platform/config.js'
import { prepareToServe, startServer } from './server.js'

export async function serve(config: Config, log: (line: string) => void = console.log): Promise<void> {
  if (config.workers <= 1) {
    await startServer(config, log)
    return
  }
  if (cluster.isPrimary) {
    await runPrimary(config, {
      workers: config.workers,
      log,
      async prepare() {
        // Migrations and the demo seed run here once, not racing in N workers.
        const app = await buildApp(config, { logger: false })
        try {
          await prepareToServe(app, config, log, 'wait')
        } finally {
          await app.close()
        }
      },
    })
    return
  }
  await startServer({ ...config, seedDemo: false }, () => {}, {
    ...(config.redisUrl ? {} : { bus: createIpcInvalidationBus() }),
  })
}
