// Reader login with openid-client: the authorization URL (state, nonce, PKCE S256) and the
// callback (code exchange with every check), ending in a provider-neutral Identity.
import type * as Oidc from 'openid-client'
import { z } from 'zod'
import { accountsErrors } from '../accounts.errors.js'
import { cleanName } from '../display-name.js'
import type { LoginTransaction } from './login-transaction.js'
import type { LoginProvider, ProviderId } from './providers.js'

export interface Identity {
  provider: ProviderId
  subject: string
  displayName: string
}

export interface LoginServiceDeps {
  providers: readonly LoginProvider[]
  publicUrl: string
  /** Fetch for a provider's back channel; tests play Kakao/Naver here, the demo runs in-process. */
  fetchFor?: (provider: LoginProvider) => Oidc.CustomFetch | undefined
}

export const loginRefused = accountsErrors.loginFailed

const NaverProfile = z.object({
  resultcode: z.literal('00'),
  response: z.object({
    id: z.string().min(1),
    nickname: z.string().optional(),
    name: z.string().optional(),
  }),
})

// openid-client loads with the first login, not at start.
const loadOidc = () => import('openid-client')

const fallbackName = (subject: string) => `독자${subject.slice(-4)}`

/** Display names are 2–20 characters; provider names are cut to fit. */
export function usableName(name: unknown, subject: string): string {
  const trimmed = typeof name === 'string' ? cleanName(name).slice(0, 20) : ''
  return trimmed.length >= 2 ? trimmed : fallbackName(subject)
}

export function createLoginService(deps: LoginServiceDeps) {
  const configs = new Map<string, Promise<Oidc.Configuration>>()

  const redirectUri = (provider: LoginProvider) => `${deps.publicUrl}/comments/login/${provider.id}/callback`

  async function configure(provider: LoginProvider): Promise<Oidc.Configuration> {
    const oidc = await loadOidc()
    const customFetch = deps.fetchFor?.(provider)
    const auth = oidc.ClientSecretPost(provider.clientSecret ?? undefined)
    const metadata = { redirect_uris: [redirectUri(provider)] }
    let config: Oidc.Configuration
    if (provider.protocol === 'oauth2') {
      config = new oidc.Configuration(
        {
          issuer: provider.issuer,
          authorization_endpoint: provider.authorizationEndpoint,
          token_endpoint: provider.tokenEndpoint,
        },
        provider.clientId,
        metadata,
        auth,
      )
    } else {
      config = await oidc.discovery(new URL(provider.issuer), provider.clientId, metadata, auth, {
        ...(customFetch ? { [oidc.customFetch]: customFetch } : {}),
        ...(provider.allowHttp ? { execute: [oidc.allowInsecureRequests] } : {}),
      })
    }
    if (customFetch) config[oidc.customFetch] = customFetch
    if (provider.allowHttp) oidc.allowInsecureRequests(config)
    return config
  }

  function configFor(provider: LoginProvider) {
    let found = configs.get(provider.id)
    if (!found) {
      found = configure(provider)
      // A provider that was down must be retried on the next login, not remembered as down.
      found.catch(() => configs.delete(provider.id))
      configs.set(provider.id, found)
    }
    return found
  }

  function providerById(id: string): LoginProvider | undefined {
    return deps.providers.find((p) => p.id === id)
  }

  return {
    providers: deps.providers,
    providerById,

    /** The URL to send the reader to, and the transaction to keep until they come back. */
    async start(provider: LoginProvider, returnTo: string, expiresAt: number) {
      const config = await configFor(provider)
      const oidc = await loadOidc()
      const verifier = oidc.randomPKCECodeVerifier()
      const state = oidc.randomState()
      const nonce = provider.protocol === 'oidc' ? oidc.randomNonce() : null
      const params: Record<string, string> = {
        redirect_uri: redirectUri(provider),
        response_type: 'code',
        state,
        code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
        code_challenge_method: 'S256',
        ...(provider.scope ? { scope: provider.scope } : {}),
        ...(nonce ? { nonce } : {}),
        ...provider.extraParams,
      }
      const tx: LoginTransaction = { provider: provider.id, state, nonce, verifier, returnTo, expiresAt }
      return { url: oidc.buildAuthorizationUrl(config, params).href, transaction: tx }
    },

    /** Exchanges the code (checking state, PKCE and nonce) and returns who logged in. */
    async finish(provider: LoginProvider, callbackUrl: URL, tx: LoginTransaction): Promise<Identity> {
      if (tx.provider !== provider.id) throw loginRefused('provider-mismatch')
      const config = await configFor(provider)
      const oidc = await loadOidc()
      let tokens: Awaited<ReturnType<typeof Oidc.authorizationCodeGrant>>
      try {
        tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
          pkceCodeVerifier: tx.verifier,
          expectedState: tx.state,
          ...(tx.nonce ? { expectedNonce: tx.nonce } : {}),
          idTokenExpected: provider.protocol === 'oidc',
        })
      } catch (error) {
        throw loginRefused('code-exchange', error)
      }
      if (provider.protocol === 'oidc') {
        const claims = tokens.claims()
        if (!claims) throw loginRefused('no-id-token')
        const name = claims.nickname ?? claims.name ?? claims.preferred_username
        return { provider: provider.id, subject: claims.sub, displayName: usableName(name, claims.sub) }
      }
      return naverIdentity(provider, tokens.access_token, deps.fetchFor?.(provider))
    },
  }
}

/** Naver has no ID token: the account comes from its profile endpoint (`/v1/nid/me`). */
async function naverIdentity(
  provider: LoginProvider,
  accessToken: string,
  customFetch: Oidc.CustomFetch | undefined,
): Promise<Identity> {
  const url = provider.profileEndpoint!
  const init = {
    method: 'GET',
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
    redirect: 'manual' as const,
    body: undefined,
  }
  let body: unknown
  try {
    const response = customFetch ? await customFetch(url, init) : await fetch(url, init)
    body = await response.json()
  } catch (error) {
    throw loginRefused('profile-unreachable', error)
  }
  const parsed = NaverProfile.safeParse(body)
  if (!parsed.success) throw loginRefused('profile-invalid', parsed.error)
  const profile = parsed.data.response
  return {
    provider: provider.id,
    subject: profile.id,
    displayName: usableName(profile.nickname ?? profile.name, profile.id),
  }
}

export type LoginService = ReturnType<typeof createLoginService>
