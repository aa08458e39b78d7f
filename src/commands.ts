// The `sinmun` commands: serve, migrate, seed-demo, setup, reindex, create-staff, import, redirects, backup, restore.
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { buildApp } from './app.js'
import { serve } from './cluster.js'
import { type Config, ConfigError, loadConfig } from './platform/config.js'
import { openDatabase } from './platform/db/database.js'
import { migrateToLatest } from './platform/db/migrate.js'
import {
  BackupError,
  backupSqlite,
  manifestPath,
  postgresBackupHint,
  restoreSqlite,
} from './platform/ops/backup.js'
import { MIN_PASSWORD_LENGTH } from './platform/passwords.js'

interface Command {
  summary: string
  usage: string
  options: NonNullable<Parameters<typeof parseArgs>[0]>['options']
  /** Accepts plain arguments after the options (e.g. `import wordpress FILE`). */
  positionals?: boolean
  run(
    values: Record<string, string | boolean | undefined>,
    config: Config,
    positionals: string[],
  ): Promise<void>
}

const commands: Record<string, Command> = {
  serve: {
    summary: 'Run the web server (migrates the database first).',
    usage: 'sinmun serve [--port N] [--host H] [--workers N]',
    options: { port: { type: 'string' }, host: { type: 'string' }, workers: { type: 'string' } },
    async run(values, config) {
      const workers = values.workers ? Number(values.workers) : config.workers
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
        throw new UsageError('--workers must be a whole number from 1 to 64')
      }
      await serve({
        ...config,
        port: values.port ? Number(values.port) : config.port,
        host: typeof values.host === 'string' ? values.host : config.host,
        workers,
      })
    },
  },
  migrate: {
    summary: 'Apply pending database migrations and exit.',
    usage: 'sinmun migrate',
    options: {},
    async run(_values, config) {
      const db = openDatabase(config.database)
      const { error, results } = await migrateToLatest(db.kysely)
      for (const r of results ?? [])
        console.log(`${r.status === 'Success' ? 'applied' : r.status}: ${r.migrationName}`)
      if ((results ?? []).length === 0) console.log('Database is up to date.')
      await db.close()
      if (error) throw error
    },
  },
  'seed-demo': {
    summary: 'Fill an empty database with the demo outlet, articles and photos.',
    usage: 'sinmun seed-demo',
    options: {},
    async run(_values, config) {
      const app = await buildApp(config, { logger: false })
      try {
        const { seedDemo } = await import('./modules/demo/index.js')
        const result = await seedDemo(app.services.seeding)
        if (!result.seeded) console.log('The database already has content; nothing seeded.')
        else console.log(`Seeded. Newsroom login: ${result.admin?.email} / ${result.admin?.password}`)
      } finally {
        await app.close()
      }
    },
  },
  reindex: {
    summary: 'Rebuild the search index from the articles (progress on stderr).',
    usage: 'sinmun reindex',
    options: {},
    async run(_values, config) {
      const app = await buildApp(config, { logger: false })
      try {
        const { runReindex } = await import('./modules/search/index.js')
        await runReindex(app.services.search)
      } finally {
        await app.close()
      }
    },
  },
  setup: {
    summary: 'First-run setup for scripted installs: the first admin and the outlet (once only).',
    usage:
      'sinmun setup --outlet-name NAME --address ADDRESS --admin-name NAME --email E [--password P]\n' +
      '       (without --password one is generated and printed)',
    options: {
      'outlet-name': { type: 'string' },
      address: { type: 'string' },
      'admin-name': { type: 'string' },
      email: { type: 'string' },
      password: { type: 'string' },
    },
    async run(values, config) {
      const text = (key: string) => (typeof values[key] === 'string' ? (values[key] as string) : '')
      const password = text('password') || randomBytes(12).toString('base64url')
      const app = await buildApp(config, { logger: false })
      try {
        const result = await app.services.setup.run({
          outletName: text('outlet-name'),
          address: text('address'),
          adminName: text('admin-name'),
          email: text('email'),
          password,
          passwordAgain: password,
        })
        if (!result.ok && result.reason === 'done') {
          throw new UsageError('This site is already set up (an admin exists); nothing was changed.')
        }
        if (!result.ok) {
          const flags: Record<string, string> = {
            outletName: '--outlet-name',
            address: '--address',
            adminName: '--admin-name',
            email: '--email',
            password: '--password',
            passwordAgain: '--password',
          }
          const problems: Record<string, string> = {
            required: 'is required',
            tooLong: 'is too long',
            email: 'is not an e-mail address',
            passwordTooShort: `must be at least ${MIN_PASSWORD_LENGTH} characters`,
            passwordMismatch: 'does not match',
          }
          const lines = Object.entries(result.errors).map(
            ([f, p]) => `  ${flags[f]} ${problems[p as string]}`,
          )
          throw new UsageError(`Nothing was changed:\n${lines.join('\n')}`)
        }
        console.log(`Set up. Admin ${text('email')}${text('password') ? '' : ` with password ${password}`}.`)
        const missing = await app.services.outlet.missingLegalFields()
        if (missing.length > 0) {
          console.log(
            `Still to fill in at ${config.publicUrl}/newsroom/settings before readers see articles: ${missing.join(', ')}`,
          )
        }
      } finally {
        await app.close()
      }
    },
  },
  'create-staff': {
    summary: 'Create a newsroom account (reporter, desk or admin).',
    usage: 'sinmun create-staff --email E --name N --role reporter|desk|admin [--password P]',
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
    async run(values, config) {
      const role = values.role
      if (typeof values.email !== 'string' || typeof values.name !== 'string') {
        throw new UsageError('--email and --name are required')
      }
      if (!z.email().safeParse(values.email.trim()).success) {
        throw new UsageError(`--email: "${values.email}" is not an e-mail address`)
      }
      const name = values.name.trim()
      if (name.length === 0 || name.length > 50) throw new UsageError('--name must be 1 to 50 characters')
      if (role !== 'reporter' && role !== 'desk' && role !== 'admin') {
        throw new UsageError('--role must be reporter, desk or admin')
      }
      const password =
        typeof values.password === 'string' ? values.password : randomBytes(12).toString('base64url')
      if (password.length < MIN_PASSWORD_LENGTH) {
        throw new UsageError(`--password must be at least ${MIN_PASSWORD_LENGTH} characters`)
      }
      const app = await buildApp(config, { logger: false })
      try {
        if (await app.services.staff.findIdByEmail(values.email)) {
          throw new UsageError(
            `An account with the e-mail ${values.email.trim()} already exists; nothing was changed.`,
          )
        }
        await app.services.staff.createAccount({ email: values.email, name, role, password })
        console.log(`Created ${role} ${values.email}${values.password ? '' : ` with password ${password}`}`)
      } finally {
        await app.close()
      }
    },
  },
  backup: {
    summary: 'Copy the SQLite database to FILE while the site keeps running (PostgreSQL: see the hint).',
    usage: 'sinmun backup FILE',
    options: {},
    positionals: true,
    async run(_values, config, [file]) {
      if (!file) throw new UsageError('Usage: sinmun backup FILE')
      if (config.database.kind === 'postgres') throw new UsageError(postgresBackupHint(config.database.url))
      const { pages, manifest } = await backupSqlite(config.database.file, file)
      console.log(`Backed up ${config.database.file} to ${file} (${pages} pages, checked).`)
      console.log(`Manifest: ${manifestPath(file)} (sha256 ${manifest.sha256.slice(0, 16)}…)`)
      console.log('Photos live in the media folder: copy it too (see docs/deployment.md).')
    },
  },
  restore: {
    summary: 'Replace the SQLite database with a backup; the server must be stopped.',
    usage: 'sinmun restore FILE',
    options: {},
    positionals: true,
    async run(_values, config, [file]) {
      if (!file) throw new UsageError('Usage: sinmun restore FILE')
      if (config.database.kind === 'postgres') throw new UsageError(postgresBackupHint(config.database.url))
      const { savedAs } = await restoreSqlite(config.database.file, file)
      console.log(`Restored ${config.database.file} from ${file}.`)
      if (savedAs) console.log(`The database it replaced is kept as ${savedAs}.`)
    },
  },
  import: {
    summary: 'Import a WordPress export (WXR), an ndsoft-hosted site or an RSS/Atom feed; safe to run again.',
    usage:
      'sinmun import wordpress FILE.xml [--uploads DIR]\n       sinmun import ndsoft https://old-site.example [--from-dir DIR] [--delay MS] [--only N,N]\n       sinmun import rss URL|FILE [--section SLUG]',
    options: {
      uploads: { type: 'string' },
      section: { type: 'string' },
      'from-dir': { type: 'string' },
      delay: { type: 'string' },
      only: { type: 'string' },
    },
    positionals: true,
    async run(values, config, [source, target]) {
      // The importers' parsers load only for this command.
      const { ImportUsageError, runImport } = await import('./modules/importers/index.js')
      try {
        await runImport(
          {
            source,
            target,
            uploads: typeof values.uploads === 'string' ? values.uploads : undefined,
            section: typeof values.section === 'string' ? values.section : undefined,
            fromDir: typeof values['from-dir'] === 'string' ? values['from-dir'] : undefined,
            delay: typeof values.delay === 'string' ? values.delay : undefined,
            only: typeof values.only === 'string' ? values.only : undefined,
          },
          async () => {
            const app = await buildApp(config, { logger: false })
            return { services: app.services.importing, close: () => app.close() }
          },
        )
      } catch (error) {
        throw error instanceof ImportUsageError ? new UsageError(error.message) : error
      }
    },
  },
  redirects: {
    summary: 'Old addresses of a site that moved in: export or import the table as CSV, or check a list.',
    usage:
      'sinmun redirects export FILE.csv\n       sinmun redirects import FILE.csv\n       sinmun redirects check FILE [--base URL]   (reports old URLs that do not land on a 200)',
    options: { base: { type: 'string' } },
    positionals: true,
    async run(values, config, [action, file]) {
      if (!file || !['export', 'import', 'check'].includes(action ?? '')) {
        throw new UsageError('Usage: sinmun redirects export|import|check FILE')
      }
      const importers = await import('./modules/importers/index.js')
      if (action === 'check') {
        if (!existsSync(file)) throw new UsageError(`No such file: ${file}`)
        const base = typeof values.base === 'string' ? values.base : config.publicUrl
        const addresses = importers.addressesIn(readFileSync(file, 'utf8'))
        const report = await importers.checkAddresses(addresses, base)
        for (const line of importers.checkReportLines(report)) console.log(line)
        if (report.failed.length > 0) process.exitCode = 1
        return
      }
      const app = await buildApp(config, { logger: false })
      try {
        const redirects = app.services.redirects
        if (action === 'export') {
          writeFileSync(file, await redirects.exportCsv())
          console.log(`Wrote ${await redirects.count()} redirects to ${file}.`)
        } else {
          if (!existsSync(file)) throw new UsageError(`No such file: ${file}`)
          const result = await redirects.importCsv(readFileSync(file, 'utf8'))
          console.log(`Saved ${result.saved} redirects.`)
          for (const r of result.refused) console.log(`  line ${r.line}: ${r.reason}`)
          if (result.refused.length > 0) process.exitCode = 1
        }
      } finally {
        await app.close()
      }
    },
  },
}

class UsageError extends Error {}

function help() {
  console.log('Usage: sinmun <command> [options]\n\nCommands:')
  for (const [name, c] of Object.entries(commands)) console.log(`  ${name.padEnd(14)}${c.summary}`)
  console.log('\nRun `sinmun <command> --help` for the options of one command.')
  console.log('Configuration comes from environment variables; see README.md.')
}

async function main(argv: string[]) {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') return help()
  const command = commands[name]
  if (!command) {
    console.error(`Unknown command: ${name}`)
    help()
    process.exitCode = 2
    return
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    strict: true,
    allowPositionals: command.positionals === true,
  })
  if (values.help) {
    console.log(`${command.summary}\n\nUsage: ${command.usage}`)
    return
  }
  await command.run(values, loadConfig(process.env), positionals)
}

/** Runs a command line; a failure is printed (its message only, when it is the user's) and exits 1. */
export async function run(argv: string[]) {
  try {
    await main(argv)
  } catch (error: unknown) {
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof BackupError)
      console.error(error.message)
    else console.error(error)
    process.exit(1)
  }
}
