// The site's own CSS and scripts, served under content-hashed names with a one-year cache.
// `npm run build` bundles them into assets.json beside the compiled code; run from src/ (the
// tests), esbuild bundles them when the app starts (a few tens of milliseconds).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import { codeRoot, packageDir } from '../paths.js'

export interface Asset {
  url: string
  body: string
  type: string
}

export interface Assets {
  css: string
  siteJs: string
  articleJs: string
  commentsJs: string
  fontCss: string
  byUrl: Map<string, Asset>
}

const clientDir = join(codeRoot, 'client')
export const fontDir = join(packageDir('pretendard'), 'dist', 'web', 'variable')

const ENTRIES = {
  css: 'site.css',
  siteJs: 'site.ts',
  articleJs: 'article.ts',
  commentsJs: 'comments.ts',
} as const

// Written by `npm run build` beside the compiled code: a production start then neither loads
// esbuild (13 MiB, a dev dependency that `npm prune --omit=dev` removes) nor spends time bundling.
const PREBUILT = join(codeRoot, 'assets.json')

interface Manifest {
  urls: Record<keyof typeof ENTRIES, string>
  files: Asset[]
}

export async function bundleAssets(): Promise<Assets> {
  const manifest: Manifest = existsSync(PREBUILT)
    ? (JSON.parse(readFileSync(PREBUILT, 'utf8')) as Manifest)
    : await bundleNow()
  return {
    ...manifest.urls,
    fontCss: '/fonts/pretendardvariable-dynamic-subset.css',
    byUrl: new Map(manifest.files.map((f) => [f.url, f])),
  }
}

/**
 * esbuild, for bundling browser code when no prebuilt bundle is there (tests run from src/).
 * Loaded on demand: it is a dev dependency, absent from a production install.
 */
export async function loadEsbuild(): Promise<typeof import('esbuild')> {
  try {
    return await import('esbuild')
  } catch (error) {
    throw new Error(
      `browser bundles are missing beside ${codeRoot} and esbuild (a dev dependency) is not installed: run \`npm run build\` with dev dependencies installed`,
      { cause: error },
    )
  }
}

/** Bundles the client sources with esbuild; the build script stores the result as PREBUILT. */
export async function bundleNow(): Promise<Manifest> {
  const { build } = await loadEsbuild()
  const result = await build({
    entryPoints: Object.values(ENTRIES).map((f) => join(clientDir, f)),
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'safari14'],
    write: false,
    outdir: '/out',
    logLevel: 'silent',
  })
  const files: Asset[] = []
  const urls: Record<string, string> = {}
  for (const [name, file] of Object.entries(ENTRIES)) {
    const outName = file.replace(/\.ts$/, '.js')
    const out = result.outputFiles.find((o) => o.path.endsWith(`/${outName}`))
    if (!out) throw new Error(`esbuild produced no ${outName}`)
    const hash = createHash('sha1').update(out.contents).digest('base64url').slice(0, 10)
    const [base, ext] = outName.split('.') as [string, string]
    const url = `/assets/${base}.${hash}.${ext}`
    files.push({
      url,
      body: out.text,
      type: ext === 'css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8',
    })
    urls[name] = url
  }
  return { urls: urls as Manifest['urls'], files }
}

export const assetsPlugin =
  (assets: Assets): FastifyPluginAsync =>
  async (app) => {
    // Browsers ask for an icon on every first visit; answering from memory keeps those requests
    // off the (rendered) 404 page.
    const favicon = readFileSync(join(clientDir, 'favicon.svg'))
    app.get('/favicon.svg', async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(favicon),
    )
    app.get('/favicon.ico', async (_request, reply) => reply.redirect('/favicon.svg', 301))
    app.get('/assets/:file', async (request, reply) => {
      const asset = assets.byUrl.get(request.url.split('?')[0] ?? '')
      if (!asset) return reply.callNotFound()
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .type(asset.type)
        .send(asset.body)
    })
  }
