// Helmet's headers with a Content-Security-Policy that fits the site: our own scripts only,
// Kakao's SDK when an app key is set, YouTube embeds in frames.
import type { FastifyHelmetOptions } from '@fastify/helmet'
import type { Config } from '../config.js'

export function securityHeaders(config: Config): FastifyHelmetOptions {
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
