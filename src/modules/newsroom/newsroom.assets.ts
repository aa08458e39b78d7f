// The newsroom's own CSS and the editor script (TipTap). `npm run build` bundles both into
// newsroom-assets.json beside the compiled code, so a production server neither loads esbuild
// (a dev dependency) nor bundles, and TipTap is needed only at build time. Run from src/ (the
// tests), esbuild bundles each on first use rather than at boot: the stylesheet (a few
// milliseconds) with the first newsroom page, the editor (about half a second, 400 kB) only
// when someone opens an article to edit.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { type Asset, loadEsbuild } from '../../platform/http/assets.js'
import { codeRoot } from '../../platform/paths.js'

const clientDir = join(codeRoot, 'client', 'newsroom')
const ENTRIES = ['newsroom.css', 'editor.ts', 'lists.ts'] as const
type Entry = (typeof ENTRIES)[number]
type Prebuilt = Record<Entry, Asset>

/** Written by `npm run build` (scripts/build.mjs) from bundleNewsroomNow(). */
const PREBUILT = join(codeRoot, 'newsroom-assets.json')

async function bundle(file: Entry): Promise<Asset> {
  // esbuild (13 MiB) loads with the first newsroom page, not at boot.
  const { build } = await loadEsbuild()
  const result = await build({
    entryPoints: [join(clientDir, file)],
    bundle: true,
    minify: true,
    format: 'esm',
    // Safari 15: esbuild cannot lower destructuring around Safari 14's bug, and TipTap uses it.
    target: ['es2020', 'safari15'],
    write: false,
    outdir: '/out',
    logLevel: 'silent',
  })
  const out = result.outputFiles[0]
  if (!out) throw new Error(`esbuild produced nothing for ${file}`)
  const hash = createHash('sha1').update(out.contents).digest('base64url').slice(0, 10)
  const [base, ext] = file.replace(/\.ts$/, '.js').split('.') as [string, string]
  return {
    url: `/newsroom/assets/${base}.${hash}.${ext}`,
    body: out.text,
    type: ext === 'css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
  }
}

/** Both bundles, for the build script to store as PREBUILT. */
export async function bundleNewsroomNow(): Promise<Prebuilt> {
  const entries = await Promise.all(ENTRIES.map(async (file) => [file, await bundle(file)] as const))
  return Object.fromEntries(entries) as Prebuilt
}

function lazy(file: Entry) {
  let pending: Promise<Asset> | undefined
  return () => {
    pending ??= bundle(file)
    pending.catch(() => {
      pending = undefined
    })
    return pending
  }
}

/** The prebuilt bundles, read on first use (the editor's 400 kB stay on disk until then). */
function fromBuild() {
  let prebuilt: Prebuilt | undefined
  const read = () => {
    prebuilt ??= JSON.parse(readFileSync(PREBUILT, 'utf8')) as Prebuilt
    return prebuilt
  }
  return {
    css: async () => read()['newsroom.css'],
    editor: async () => read()['editor.ts'],
    lists: async () => read()['lists.ts'],
    async byUrl(url: string): Promise<Asset | undefined> {
      return Object.values(read()).find((asset) => asset.url === url)
    },
  }
}

export function newsroomAssets() {
  if (existsSync(PREBUILT)) return fromBuild()
  const css = lazy('newsroom.css')
  const editor = lazy('editor.ts')
  const lists = lazy('lists.ts')
  const started = new Set<() => Promise<Asset>>()
  const use = (get: () => Promise<Asset>) => {
    started.add(get)
    return get()
  }
  return {
    css: () => use(css),
    editor: () => use(editor),
    /** The lists' small script (the desk queue's select-all). */
    lists: () => use(lists),
    /** An asset already built, by URL (a URL can only be known once its bundle was built). */
    async byUrl(url: string): Promise<Asset | undefined> {
      for (const get of started) {
        const asset = await get()
        if (asset.url === url) return asset
      }
      return undefined
    },
  }
}

export type NewsroomAssets = ReturnType<typeof newsroomAssets>
