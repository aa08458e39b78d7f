// Helmet's headers with a Content-Security-Policy that fits the site: our own scripts only,
// Kakao's SDK when an app key is set, YouTube embeds in frames. A page that carries a third
// party (analytics, an ad, an embed) gets its own policy with exactly that party's sources and
// a nonce for its scripts (page-policy.ts, ADR 033); nothing else loosens it.
//
// The headers are the same for every response, so they are worked out once at start. The
// Fastify adapter of helmet rebuilds helmet (and re-parses the policy) on every request, which
// measured ~0.2 ms per page on the benchmark machine.
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import type { Config } from '../config.js'
import { type SealedPage, sealPage, type ThirdPartySources } from './page-policy.js'

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the page's nonce and works out its own policy when it carries a third party. */
    sealPage(html: string): SealedPage
  }
}

const union = (base: string[], extra: readonly ThirdPartySources[], pick: keyof ThirdPartySources) => [
  ...new Set([...base, ...extra.flatMap((sources) => sources[pick] ?? [])]),
]

export function securityHeaderOptions(
  config: Pick<Config, 'kakaoJsKey' | 'publicUrl'>,
  extra: readonly ThirdPartySources[] = [],
  nonce: string | null = null,
): HelmetOptions {
  const kakao = config.kakaoJsKey ? ['https://t1.kakaocdn.net'] : []
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: union(["'self'", ...kakao, ...(nonce ? [`'nonce-${nonce}'`] : [])], extra, 'script'),
        styleSrc: ["'self'"],
        imgSrc: union(["'self'", 'data:', 'https:'], extra, 'img'),
        fontSrc: ["'self'"],
        connectSrc: union(
          ["'self'", ...(config.kakaoJsKey ? ['https://*.kakao.com'] : [])],
          extra,
          'connect',
        ),
        frameSrc: union(['https://www.youtube-nocookie.com'], extra, 'frame'),
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    // The site embeds YouTube and is embedded nowhere; COEP would break the YouTube frames.
    crossOriginEmbedderPolicy: false,
    hsts: config.publicUrl.startsWith('https:'),
  }
}

/** The headers helmet sets with these options, collected from one run of its middleware. */
export function securityHeaderValues(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {}
  const response = {
    setHeader: (name: string, value: string) => {
      headers[name.toLowerCase()] = value
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()]
    },
  }
  helmet(options)({} as never, response as never, () => {})
  return headers
}

const plugin: FastifyPluginAsync<{ config: Pick<Config, 'kakaoJsKey' | 'publicUrl'> }> = async (
  app,
  { config },
) => {
  const headers = securityHeaderValues(securityHeaderOptions(config))
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers)
    done()
  })
  const policy = (extra: ThirdPartySources[], nonce: string | null) =>
    securityHeaderValues(securityHeaderOptions(config, extra, nonce))['content-security-policy'] ?? ''
  app.decorate('sealPage', (html: string) => sealPage(html, policy))
  // Pages sent without the page cache (errors, the search page) are sealed on the way out.
  app.addHook('onSend', async (_request, reply, payload) => {
    if (typeof payload !== 'string' || !payload.startsWith('<!doctype html>')) return payload
    const sealed = sealPage(payload, policy)
    if (sealed.csp) reply.header('content-security-policy', sealed.csp)
    return sealed.html
  })
}

export const securityHeadersPlugin = fp(plugin, { name: 'security-headers' })
