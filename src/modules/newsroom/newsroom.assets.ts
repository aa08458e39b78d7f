// The newsroom's own CSS and the editor script (TipTap), bundled by esbuild on first use
// rather than at boot: the stylesheet (a few milliseconds) with the first newsroom page, the
// editor (about half a second, 400 kB) only when someone opens an article to edit.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import type { Asset } from '../../platform/http/assets.js'
import { codeRoot } from '../../platform/paths.js'

const clientDir = join(codeRoot, 'client', 'newsroom')

async function bundle(file: string): Promise<Asset> {
  // esbuild (13 MiB) loads with the first newsroom page, not at boot.
  const { build } = await import('esbuild')
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

function lazy(file: string) {
  let pending: Promise<Asset> | undefined
  return () => {
    pending ??= bundle(file)
    pending.catch(() => {
      pending = undefined
    })
    return pending
  }
}

export function newsroomAssets() {
  const css = lazy('newsroom.css')
  const editor = lazy('editor.ts')
  const started = new Set<() => Promise<Asset>>()
  const use = (get: () => Promise<Asset>) => {
    started.add(get)
    return get()
  }
  return {
    css: () => use(css),
    editor: () => use(editor),
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
