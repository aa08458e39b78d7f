// What SQLite's durability setting costs per comment: the same comment-sized commits with
// synchronous=FULL (the default: the WAL is synced at every commit) and NORMAL (synced at
// checkpoints only), in WAL mode, on the disk under bench/out (put it on the data disk).
// Rounds alternate so drift on a shared machine hits both alike. Prints per-commit times, the
// difference (the sync cost per comment) and FULL's throughput as a ratio of NORMAL's.
// Writes its section of bench/RESULTS.md (or BENCH_RESULTS).
// Options: --commits N (300 per round) --rounds R (4)
import { mkdirSync, rmSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import SQLite from 'better-sqlite3'
import { writeBlock } from './results.mjs'

const { values: opts } = parseArgs({
  options: { commits: { type: 'string', default: '300' }, rounds: { type: 'string', default: '4' } },
})
const commits = Number(opts.commits)
const rounds = Number(opts.rounds)
const dir = join(import.meta.dirname, 'out', 'durability')
rmSync(dir, { recursive: true, force: true })
mkdirSync(dir, { recursive: true })

function open(mode) {
  const db = new SQLite(join(dir, `${mode}.db`))
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${mode}`)
  db.exec(
    'create table if not exists comments (id integer primary key, article_id int, body text, created_at text)',
  )
  return db
}

const body = '기사 잘 읽었습니다. 후속 보도도 기대하겠습니다. '.repeat(4)
const databases = { FULL: open('FULL'), NORMAL: open('NORMAL') }
const spent = { FULL: 0, NORMAL: 0 }
for (let round = 0; round < rounds; round++) {
  for (const mode of round % 2 ? ['NORMAL', 'FULL'] : ['FULL', 'NORMAL']) {
    const insert = databases[mode].prepare(
      'insert into comments (article_id, body, created_at) values (?, ?, ?)',
    )
    const start = process.hrtime.bigint()
    // One commit per comment, as the server does.
    for (let i = 0; i < commits; i++) insert.run(i % 50, body, new Date().toISOString())
    spent[mode] += Number(process.hrtime.bigint() - start) / 1e6
  }
}
for (const db of Object.values(databases)) db.close()
rmSync(dir, { recursive: true, force: true })

const per = (mode) => spent[mode] / (commits * rounds)
console.log(`SQLite durability, ${commits * rounds} commits each (WAL mode):`)
console.log(`  synchronous=FULL    ${per('FULL').toFixed(3)} ms per comment`)
console.log(`  synchronous=NORMAL  ${per('NORMAL').toFixed(3)} ms per comment`)
console.log(`  sync cost of FULL   ${(per('FULL') - per('NORMAL')).toFixed(3)} ms per comment`)
console.log(`  FULL throughput     ${(per('NORMAL') / per('FULL')).toFixed(2)}x NORMAL's`)

const load = loadavg()
  .map((n) => n.toFixed(1))
  .join(' / ')
const ms = (n) => `${n.toFixed(3)} ms`
writeBlock(
  process.env.BENCH_RESULTS ?? join(import.meta.dirname, 'RESULTS.md'),
  'durability',
  `## SQLite durability: what synchronous=FULL costs per comment

Written by \`node bench/durability-bench.mjs\`, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC: ${commits * rounds}
comment-sized commits per setting (one commit per comment, as the server does), WAL mode, on the
disk under \`bench/out\`, the two settings alternating by round so drift on a shared machine hits
both alike. Load average at the end (1/5/15 min, ${cpus().length} cores): ${load}.

| setting | per comment | comments/s (one writer) |
| --- | ---: | ---: |
| \`synchronous=FULL\` (the default: the WAL is synced at every commit) | ${ms(per('FULL'))} | ${Math.round(1000 / per('FULL')).toLocaleString('en-US')} |
| \`synchronous=NORMAL\` (synced at checkpoints only) | ${ms(per('NORMAL'))} | ${Math.round(1000 / per('NORMAL')).toLocaleString('en-US')} |
| fsync cost of FULL | ${ms(per('FULL') - per('NORMAL'))} | FULL = ${(per('NORMAL') / per('FULL')).toPrecision(2)} × NORMAL's rate |
`,
)
