// In-process A/B of the home page with the page cache off: this branch against a second
// checkout (A_SRC, e.g. /work/main/src), both on the seeded demo in SQLite, rendered in
// alternating rounds so both see the same machine load. Prints the mean time per render, the
// queries per render and the ratio. Run: A_SRC=/path/to/other/src npx vitest run bench/home-ab.test.ts
import { test } from 'vitest'

// Prepared queries re-check each call against a fresh compile under NODE_ENV=test
// (platform/db/prepared.ts); a benchmark measures them as production runs them.
process.env.NODE_ENV = 'production'
const { createTestApp } = await import('../src/testing/test-app.js')

const ROUNDS = 6
const PER_ROUND = 150

test.skipIf(!process.env.A_SRC)(
  'home page render time, this branch against A_SRC',
  { timeout: 600_000 },
  async () => {
    const other = (await import(
      `${process.env.A_SRC}/testing/test-app.js`
    )) as typeof import('../src/testing/test-app.js')
    const env = { PAGE_CACHE: 'false' }
    const apps = {
      a: await other.createTestApp({ seed: true, env }),
      b: await createTestApp({ seed: true, env }),
    }
    const queries = async (app: typeof apps.b) => {
      const text = (await app.http.inject({ url: '/metrics' })).body
      return [...text.matchAll(/^sinmun_db_query_duration_seconds_count\{[^}]*\} (\d+)/gm)].reduce(
        (s, m) => s + Number(m[1]),
        0,
      )
    }
    const render = async (app: typeof apps.b, n: number) => {
      const start = performance.now()
      for (let i = 0; i < n; i++) {
        const res = await app.http.inject({ url: '/' })
        if (res.statusCode !== 200) throw new Error(`home answered ${res.statusCode}`)
      }
      return (performance.now() - start) / n
    }
    const perQuery: Record<string, number> = {}
    for (const [name, app] of Object.entries(apps)) {
      await render(app, 50)
      const before = await queries(app)
      await render(app, 10)
      perQuery[name] = ((await queries(app)) - before) / 10
    }
    const times: Record<string, number[]> = { a: [], b: [] }
    for (let r = 0; r < ROUNDS; r++) {
      const order: ('a' | 'b')[] = r % 2 ? ['b', 'a'] : ['a', 'b']
      for (const name of order) times[name]!.push(await render(apps[name], PER_ROUND))
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
    const a = median(times.a!)
    const b = median(times.b!)
    console.info(
      `home, cache off, demo on SQLite: A ${a.toFixed(2)} ms/render (${perQuery.a} queries), ` +
        `B (this branch) ${b.toFixed(2)} ms/render (${perQuery.b} queries); B/A time ${(b / a).toFixed(2)}, ` +
        `A/B throughput ${(a / b).toFixed(2)}`,
    )
    await apps.a.cleanup()
    await apps.b.cleanup()
  },
)
