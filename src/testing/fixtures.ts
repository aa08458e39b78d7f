// Where the shared test data made on real systems lives: `shared/fixtures` beside the
// repository (the workplace's layout), or SINMUN_FIXTURES when a checkout sits elsewhere.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('../../', import.meta.url))

export function fixtureDir(name: string): string {
  const candidates = [
    ...(process.env.SINMUN_FIXTURES ? [join(process.env.SINMUN_FIXTURES, name)] : []),
    join(repo, '..', 'shared', 'fixtures', name),
    join('/work/shared/fixtures', name),
  ]
  const found = candidates.find((dir) => existsSync(dir))
  if (!found) throw new Error(`The ${name} fixture is missing; looked in:\n  ${candidates.join('\n  ')}`)
  return `${found}/`
}
