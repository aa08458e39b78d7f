// The embedded demo OpenID provider (데모 계정): a real oidc-provider, so the whole reader
// login (discovery, PKCE, nonce, ID token) runs offline. Anyone may log in as any demo
// reader, which is why production leaves it off unless DEMO_LOGIN says otherwise.
import { generateKeyPair } from 'node:crypto'
import { promisify } from 'node:util'
import type Provider from 'oidc-provider'
import { DEMO_CLIENT_ID } from '../login/providers.js'
import { DemoAdapter } from './demo-adapter.js'

export const DEMO_MOUNT = '/demo-oidc'

export interface DemoProviderOptions {
  publicUrl: string
  clientSecret: string
  cookieKey: string
}

/** A demo reader's subject carries their chosen name, so no account table is needed. */
export const demoSubject = (name: string) => `demo-${Buffer.from(name, 'utf8').toString('base64url')}`
const nameOf = (subject: string) => Buffer.from(subject.replace(/^demo-/, ''), 'base64url').toString('utf8')

async function signingKey() {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048 })
  return { ...privateKey.export({ format: 'jwk' }), kid: 'demo', use: 'sig', alg: 'RS256' }
}

export async function createDemoProvider(options: DemoProviderOptions): Promise<Provider> {
  const issuer = `${options.publicUrl}${DEMO_MOUNT}`
  // Assigned before any request can reach the grant loader below.
  let provider: Provider | undefined
  // Loaded on first use: outlets without the demo never load the provider at all.
  const { default: OidcProvider } = await import('oidc-provider')
  provider = new OidcProvider(issuer, {
    clients: [
      {
        client_id: DEMO_CLIENT_ID,
        client_secret: options.clientSecret,
        redirect_uris: [`${options.publicUrl}/comments/login/demo/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    adapter: DemoAdapter,
    jwks: { keys: [await signingKey()] },
    cookies: { keys: [options.cookieKey] },
    pkce: { required: () => true },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    claims: { openid: ['sub'], profile: ['name', 'nickname'] },
    // The name goes into the ID token itself; the app never calls userinfo.
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: false } },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `${DEMO_MOUNT}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx: unknown, sub: string) => ({
      accountId: sub,
      claims: () => ({ sub, name: nameOf(sub), nickname: nameOf(sub) }),
    }),
    // The demo client is first-party: consent is implied, so a grant is made on the spot.
    loadExistingGrant: async (ctx: DemoContext) => {
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(DEMO_CLIENT_ID)
      if (existing) {
        const found = await provider!.Grant.find(existing)
        if (found) return found
      }
      const grant = new provider!.Grant({ clientId: DEMO_CLIENT_ID, accountId: ctx.oidc.session.accountId })
      grant.addOIDCScope('openid profile')
      await grant.save()
      return grant
    },
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html'
      ctx.body = `<!doctype html><html lang="ko"><meta charset="utf-8"><title>OpenID</title><h1>${escapeHtml(out.error ?? 'error')}</h1><p>${escapeHtml(out.error_description ?? '')}</p></html>`
    },
  })
  // Its URLs follow the public URL's scheme and host, which the in-process calls send along.
  provider.proxy = true
  return provider
}

interface DemoContext {
  oidc: {
    result?: { consent?: { grantId?: string } }
    session: { accountId: string; grantIdFor(clientId: string): string | undefined }
  }
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
