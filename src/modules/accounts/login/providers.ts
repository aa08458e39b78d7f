// The reader login providers an outlet has configured. Kakao, Google and any other issuer
// speak OpenID Connect; Naver speaks plain OAuth 2.0 and has its own profile endpoint.
import type { Config } from '../../../platform/config.js'
import { accountMessages as m } from '../accounts.messages.js'

export type ProviderId = 'kakao' | 'naver' | 'google' | 'oidc' | 'demo'

export interface LoginProvider {
  id: ProviderId
  /** What the account chooser shows. */
  label: string
  protocol: 'oidc' | 'oauth2'
  /** OIDC issuer (discovered), or for OAuth 2.0 the fixed endpoints below. */
  issuer: string
  authorizationEndpoint?: string
  tokenEndpoint?: string
  profileEndpoint?: string
  clientId: string
  clientSecret: string | null
  scope: string
  /** Plain-HTTP issuers are allowed only for the embedded demo and local test servers. */
  allowHttp: boolean
  /** Extra authorization parameters (the demo always asks which demo reader). */
  extraParams?: Record<string, string>
}

export const NAVER = {
  issuer: 'https://nid.naver.com',
  authorizationEndpoint: 'https://nid.naver.com/oauth2.0/authorize',
  tokenEndpoint: 'https://nid.naver.com/oauth2.0/token',
  profileEndpoint: 'https://openapi.naver.com/v1/nid/me',
} as const

export const DEMO_CLIENT_ID = 'sinmun-demo'

/** The configured providers in the order Korean readers expect: Kakao, Naver, Google, others. */
export function configuredProviders(config: Config, demoSecret: string): LoginProvider[] {
  const { kakao, naver, google, oidc, demo } = config.readerLogin
  const list: LoginProvider[] = []
  if (kakao) {
    list.push({
      id: 'kakao',
      label: m.providers.kakao,
      protocol: 'oidc',
      issuer: 'https://kauth.kakao.com',
      clientId: kakao.clientId,
      clientSecret: kakao.clientSecret,
      scope: 'openid profile_nickname',
      allowHttp: false,
    })
  }
  if (naver) {
    list.push({
      id: 'naver',
      label: m.providers.naver,
      protocol: 'oauth2',
      ...NAVER,
      clientId: naver.clientId,
      clientSecret: naver.clientSecret,
      scope: '',
      allowHttp: false,
    })
  }
  if (google) {
    list.push({
      id: 'google',
      label: m.providers.google,
      protocol: 'oidc',
      issuer: 'https://accounts.google.com',
      clientId: google.clientId,
      clientSecret: google.clientSecret,
      scope: 'openid profile',
      allowHttp: false,
    })
  }
  if (oidc) {
    list.push({
      id: 'oidc',
      label: oidc.name,
      protocol: 'oidc',
      issuer: oidc.issuer,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      scope: 'openid profile',
      allowHttp: isLocalHttp(oidc.issuer),
    })
  }
  if (demo) {
    list.push({
      id: 'demo',
      label: m.providers.demo,
      protocol: 'oidc',
      issuer: `${config.publicUrl}/demo-oidc`,
      clientId: DEMO_CLIENT_ID,
      clientSecret: demoSecret,
      scope: 'openid profile',
      allowHttp: true,
      extraParams: { prompt: 'login' },
    })
  }
  return list
}

const isLocalHttp = (url: string) => /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(url)
