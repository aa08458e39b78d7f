// Helmet's headers with a Content-Security-Policy that fits the site: our own scripts only,
// Kakao's SDK when an app key is set, YouTube embeds in frames.
//
// The headers are the same for every response, so they are worked out once at start. The
// Fastify adapter of helmet rebuilds helmet (and re-parses the policy) on every request, which
// measured ~0.2 ms per page on the benchmark machine.
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import helmet, { type HelmetOptions } from 'helmet'
import type { Config } from '../config.js'

export function securityHeaderOptions(config: Pick<Config, 'kakaoJsKey' | 'publicUrl'>): HelmetOptions {
  const kakao = config.kakaoJsKey ? ['https://t1.kakaocdn.net'] : []
  return {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...kakao],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...(config.kakaoJsKey ? ['https://*.kakao.com'] : [])],
        frameSrc: ['https://www.youtube-nocookie.com'],
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
}

export const securityHeadersPlugin = fp(plugin, { name: 'security-headers' })
