// The site's own CSS and scripts, served under content-hashed names with a one-year cache.
// `npm run build` bundles them into assets.json beside the compiled code; run from src/ (the
// tests), esbuild bundles them when the app starts (a few tens of milliseconds).
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { codeRoot, packageDir } from '../paths.js'
import { compress, type Encoding, preferredEncoding } from './compression.js'

export interface Asset {
  url: string
  body: string
  type: string
  /** Brotli (quality 11) and gzip (level 9) bodies, base64, made by `npm run build`. */
  br?: string
  gzip?: string
}

/** Adds the compressed bodies to built assets: paid once at build, never per request. */
export function precompress<T extends Asset>(asset: T): T & Required<Pick<Asset, 'br' | 'gzip'>> {
  const body = Buffer.from(asset.body)
  return {
    ...asset,
    br: compress(body, 'br', true).toString('base64'),
    gzip: compress(body, 'gzip', true).toString('base64'),
  }
}

// Without a build (tests, development) each asset is compressed on its first request, once.
const compressedLater = new WeakMap<Asset, Partial<Record<Encoding, Buffer>>>()

/** Sends a content-hashed asset with a year's cache, in the encoding the browser accepts. */
export function sendAsset(request: FastifyRequest, reply: FastifyReply, asset: Asset) {
  reply
    .header('cache-control', 'public, max-age=31536000, immutable')
    .header('vary', 'Accept-Encoding')
    .type(asset.type)
  const encoding = preferredEncoding(request)
  if (!encoding || request.method === 'HEAD') return reply.send(asset.body)
  const built = asset[encoding]
  let body = built ? Buffer.from(built, 'base64') : compressedLater.get(asset)?.[encoding]
  if (!body) {
    body = compress(Buffer.from(asset.body), encoding, true)
    compressedLater.set(asset, { ...compressedLater.get(asset), [encoding]: body })
  }
  return reply.header('content-encoding', encoding).send(body)
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
      return sendAsset(request, reply, asset)
    })
  }
