// Starts the app on a port: seeds the demo into an empty database (development), says what a
// new outlet still has to do (setup, legal footer), and shuts down gracefully on SIGTERM/SIGINT.
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { type AppOverrides, buildApp, type Sinmun } from './app.js'
import type { Config } from './platform/config.js'

/**
 * What runs once before serving: the demo seed, then what the operator still has to do, and
 * rebuilding an empty search index over existing articles (after an upgrade that changed the
 * index) — in the background for one process, before the workers start for several. A new
 * outlet is set up inside the product (ADR 023): the site serves the setup screen and, until
 * the legal footer is complete, a notice instead of articles.
 */
export async function prepareToServe(
  app: Sinmun,
  config: Config,
  log: (line: string) => void,
  searchRebuild: 'background' | 'wait' | 'skip' = 'background',
) {
  if (config.seedDemo) await seedAndPrintLogin(app, config, log)
  if (searchRebuild !== 'skip') await rebuildSearchIfEmpty(app, log, searchRebuild === 'wait')
  if (await app.services.setup.isOpen()) {
    log(
      `No admin account yet: open ${config.publicUrl}/setup to set up the outlet (or run \`sinmun setup\`).`,
    )
  }
  const missing = await app.services.outlet.missingLegalFields()
  if (missing.length > 0) {
    log(
      `The legal footer (신문법 §21) is incomplete (${missing.join(', ')}): readers see a notice ` +
        'instead of articles until an admin fills it in at /newsroom/settings.',
    )
  }
  if (config.env === 'production' && !config.mail.smtpUrl) {
    log('SMTP_URL is not set: invitations and password resets are printed here, not sent.')
  }
}

export async function startServer(
  config: Config,
  log = console.log,
  overrides: AppOverrides = {},
): Promise<Sinmun> {
  const app = await buildApp(config, overrides)
  try {
    await prepareToServe(app, config, log)
    await app.http.listen({ host: config.host, port: config.port })
  } catch (error) {
    await app.close()
    throw error
  }
  const shutdown = async (signal: string) => {
    log(`${signal}: finishing requests in flight, then stopping`)
    await app.close()
    process.exit(0)
  }
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  process.once('SIGINT', () => void shutdown('SIGINT'))
  log(`Sinmun is running at ${config.publicUrl} (${app.db.dialect})`)
  return app
}

async function rebuildSearchIfEmpty(app: Sinmun, log: (line: string) => void, wait: boolean) {
  const rebuild = await app.services.search.rebuildIfEmpty()
  if (!rebuild) return
  log(`The search index is empty: rebuilding it from the articles${wait ? '' : ' in the background'}`)
  const logged = rebuild.done.then((result) => {
    if (result) log(`Search index rebuilt: ${result.indexed} articles in ${(result.ms / 1000).toFixed(1)} s`)
  })
  if (wait) await logged
}

async function seedAndPrintLogin(app: Sinmun, config: Config, log: (line: string) => void) {
  const loginFile = join(config.dataDir, 'demo-login.txt')
  const started = Date.now()
  const { seedDemo } = await import('./modules/demo/index.js')
  const result = await seedDemo(app.services.seeding)
  if (result.admin) {
    writeFileSync(loginFile, `${result.admin.email} ${result.admin.password}\n`, { mode: 0o600 })
    log(`Demo content seeded in ${Date.now() - started} ms`)
  }
  if (existsSync(loginFile)) {
    const [email, password] = readFileSync(loginFile, 'utf8').trim().split(' ')
    log(`Newsroom login: ${config.publicUrl}/newsroom  e-mail ${email}  password ${password}`)
  }
}
