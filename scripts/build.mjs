// Compiles src/ to dist/ with esbuild (one output file per source file, no bundling) and
// copies the browser sources, which the app bundles itself at start.
import { cp, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { build } from 'esbuild'

const root = new URL('..', import.meta.url).pathname
const src = join(root, 'src')
const dist = join(root, 'dist')

async function sources(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.startsWith(join(src, 'client')))
}

await rm(dist, { recursive: true, force: true })
const started = Date.now()
await build({
  entryPoints: await sources(src),
  outdir: dist,
  outbase: src,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
})
await cp(join(src, 'client'), join(dist, 'client'), { recursive: true })
// The reader site's CSS and scripts, bundled once here rather than at every start.
const { bundleNow } = await import(join(dist, 'platform', 'http', 'assets.js'))
await writeFile(join(dist, 'assets.json'), JSON.stringify(await bundleNow()))
console.log(`Built dist/ in ${Date.now() - started} ms`)
