// Naver speaks plain OAuth 2.0: no ID token, the account comes from its profile endpoint.
// Naver's servers are played at the HTTP edge (openid-client's fetch), nothing else is faked.
import { describe, expect, test } from 'vitest'
import { loadConfig } from '../../../platform/config.js'
import { createLoginService } from './login-service.js'
import { configuredProviders, NAVER } from './providers.js'

const config = loadConfig({
  NODE_ENV: 'test',
  PUBLIC_URL: 'https://news.example.kr',
  NAVER_CLIENT_ID: 'naver-client',
  NAVER_CLIENT_SECRET: 'naver-secret',
  DEMO_LOGIN: 'false',
})

function naverServer(profile: unknown) {
  const seen: { url: string; body: URLSearchParams | null; authorization?: string }[] = []
  const fetch = async (url: string, options: { body?: unknown; headers: Record<string, string> }) => {
    seen.push({
      url,
      body: options.body ? new URLSearchParams(String(options.body)) : null,
      authorization: options.headers.authorization,
    })
    if (url === NAVER.tokenEndpoint) {
      return Response.json({
        access_token: 'naver-access',
        refresh_token: 'r',
        token_type: 'bearer',
        expires_in: '3600',
      })
    }
    if (url === NAVER.profileEndpoint) return Response.json(profile)
    return new Response('not found', { status: 404 })
  }
  return { fetch, seen }
}

async function loginWith(profile: unknown, tamperState = false) {
  const server = naverServer(profile)
  const providers = configuredProviders(config, 'unused')
  const service = createLoginService({
    providers,
    publicUrl: config.publicUrl,
    fetchFor: () => server.fetch as never,
  })
  const naver = service.providerById('naver')!
  const { url, transaction } = await service.start(naver, '/news/3#comments', Date.now() + 60_000)
  const authorize = new URL(url)
  const state = tamperState ? 'someone-elses-state-0123456789' : authorize.searchParams.get('state')!
  const callback = new URL(`${config.publicUrl}/comments/login/naver/callback?code=naver-code&state=${state}`)
  return { authorize, server, result: service.finish(naver, callback, transaction) }
}

describe('Naver login (OAuth 2.0 + profile API)', () => {
  test('is listed only with its credentials', () => {
    expect(configuredProviders(config, 'x').map((p) => p.id)).toEqual(['naver'])
    const without = loadConfig({ NODE_ENV: 'test', NAVER_CLIENT_ID: 'only-id', DEMO_LOGIN: 'false' })
    expect(configuredProviders(without, 'x')).toEqual([])
  })

  test('sends the reader to Naver with state and PKCE, then maps the profile to an account', async () => {
    const { authorize, server, result } = await loginWith({
      resultcode: '00',
      message: 'success',
      response: { id: '32742776', nickname: '네이버닉네임', name: '홍길동', email: 'h@example.com' },
    })
    expect(authorize.origin + authorize.pathname).toBe(NAVER.authorizationEndpoint)
    expect(authorize.searchParams.get('client_id')).toBe('naver-client')
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256')
    expect(authorize.searchParams.get('redirect_uri')).toBe(
      'https://news.example.kr/comments/login/naver/callback',
    )
    expect(await result).toEqual({ provider: 'naver', subject: '32742776', displayName: '네이버닉네임' })
    const token = server.seen.find((r) => r.url === NAVER.tokenEndpoint)!
    expect(token.body?.get('code')).toBe('naver-code')
    expect(token.body?.get('client_secret')).toBe('naver-secret')
    expect(token.body?.get('code_verifier')).toMatch(/^[\w-]{43,}$/)
    expect(server.seen.find((r) => r.url === NAVER.profileEndpoint)?.authorization).toBe(
      'Bearer naver-access',
    )
  })

  test('falls back to the name, then to a generated name, when Naver gives no nickname', async () => {
    const named = await loginWith({
      resultcode: '00',
      message: 'success',
      response: { id: '77', name: '김철수' },
    })
    expect((await named.result).displayName).toBe('김철수')
    const bare = await loginWith({ resultcode: '00', message: 'success', response: { id: '1234567' } })
    expect((await bare.result).displayName).toBe('독자4567')
  })

  test('refuses an error answer from the profile API and a wrong state', async () => {
    const failed = await loginWith({ resultcode: '024', message: 'Authentication failed' })
    await expect(failed.result).rejects.toMatchObject({
      code: 'ACCOUNTS_LOGIN_FAILED',
      details: { reason: 'profile-invalid' },
    })
    const wrongState = await loginWith({ resultcode: '00', response: { id: '1' } }, true)
    await expect(wrongState.result).rejects.toMatchObject({
      code: 'ACCOUNTS_LOGIN_FAILED',
      details: { reason: 'code-exchange' },
    })
    expect(wrongState.server.seen.some((r) => r.url === NAVER.tokenEndpoint)).toBe(false)
  })
})
