// Compiles src/ to dist/ (or `--out DIR`) with esbuild, one output file per source file (what
// scripts and benchmarks import), then bundles the command line and server into dist/cli.js
// (chunks in dist/chunks/); copies the browser sources and bundles the reader site's and the
// newsroom's browser code once (assets.json, newsroom-assets.json), so the built server never
// loads esbuild or TipTap: both are dev dependencies, gone after `npm prune --omit=dev`.
// Tests that run real server processes build their own copy with `--out`.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'

const root = new URL('..', import.meta.url).pathname
const src = join(root, 'src')
const { values } = parseArgs({ options: { out: { type: 'string' } } })
const dist = values.out ? resolve(values.out) : join(root, 'dist')

async function sources(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true })
  return entries
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => !file.startsWith(join(src, 'client')) && !file.startsWith(join(src, 'testing')))
}

await rm(dist, { recursive: true, force: true })
const started = Date.now()
const serverCode = {
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  sourcemap: true,
  logLevel: 'warning',
}
await build({ ...serverCode, entryPoints: await sources(src), outdir: dist, outbase: src })
// One bundle for `sinmun`: Node resolves and reads ~1,500 files at start without it (Kysely and
// zod ship hundreds of small modules each), which was most of the time to the first answer.
// Native addons and packages loaded only on demand stay in node_modules.
await build({
  ...serverCode,
  entryPoints: { cli: join(src, 'cli.ts') },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  // V8 keeps every script's source for lazy compilation: half the bytes, half the memory.
  // Names stay, so stack traces still read.
  minifyWhitespace: true,
  minifySyntax: true,
  external: [
    'better-sqlite3',
    'sharp',
    '@node-rs/argon2',
    'esbuild',
    'pg',
    'ioredis',
    'oidc-provider',
    'openid-client',
  ],
  // CommonJS dependencies call require() for Node's own modules, which ESM output lacks.
  banner: {
    js: "import { createRequire as __sinmunRequire } from 'node:module'; const require = __sinmunRequire(import.meta.url);",
  },
  logLevel: 'warning',
})
await requireOneByteSource(dist)
await cp(join(src, 'client'), join(dist, 'client'), { recursive: true })
// The reader site's CSS and scripts and the newsroom's (the TipTap editor), bundled once here
// rather than at every start or first use.
// Each is stored with its brotli and gzip bodies too: compressed once here, never per request.
const { bundleNow, precompress } = await import(join(dist, 'platform', 'http', 'assets.js'))
const { bundleNewsroomNow } = await import(join(dist, 'modules', 'newsroom', 'newsroom.assets.js'))
const [siteAssets, newsroomAssets] = await Promise.all([bundleNow(), bundleNewsroomNow()])
siteAssets.files = siteAssets.files.map(precompress)
for (const [name, asset] of Object.entries(newsroomAssets)) newsroomAssets[name] = precompress(asset)
await writeFile(join(dist, 'assets.json'), JSON.stringify(siteAssets))
await writeFile(join(dist, 'newsroom-assets.json'), JSON.stringify(newsroomAssets))
console.log(`Built dist/ in ${Date.now() - started} ms`)

/**
 * V8 keeps a script's source in memory, as one byte per character when every character fits
 * and two otherwise. esbuild escapes non-ASCII text in strings but not inside regular
 * expressions: one literal Korean character in a regex doubled the server's 2.5 MB bundle in
 * memory. Write such characters as \u escapes.
 */
async function requireOneByteSource(dir) {
  const files = [
    join(dir, 'cli.js'),
    ...(await readdir(join(dir, 'chunks'))).map((f) => join(dir, 'chunks', f)),
  ]
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const text = await readFile(file, 'utf8')
    let at = -1
    for (let i = 0; i < text.length && at < 0; i++) if (text.charCodeAt(i) > 0xff) at = i
    if (at >= 0) {
      throw new Error(
        `${file}: non-Latin-1 character in the server bundle, near: ${text.slice(at - 40, at + 10)}`,
      )
    }
  }
}
