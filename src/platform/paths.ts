// Where the app's own files are, wherever its code runs from: src/ under the tests, dist/ after
// a build, where the server is one bundle (dist/cli.js and its chunks in dist/chunks/) beside
// the per-module files that scripts import. Paths counted in "../" from a module would differ
// between those layouts; the folder holding client/ is the same in all of them.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

function codeRootFrom(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'client'))) return dir
    if (dirname(dir) === dir) throw new Error(`no client/ folder above ${start}`)
  }
}

/** src/ or dist/: the folder with client/ (browser sources) and, after a build, assets.json. */
export const codeRoot = codeRootFrom(dirname(fileURLToPath(import.meta.url)))

/** The installed folder of an npm package (fonts and other files shipped in packages). */
export const packageDir = (name: string) =>
  dirname(createRequire(import.meta.url).resolve(`${name}/package.json`))
