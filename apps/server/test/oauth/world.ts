import {
  type AuthHarness,
  type AuthHarnessOptions,
  asMember,
  createAuthHarness,
  postJson,
  siteOrigin,
} from '../../src/auth/test-helpers.ts'
import { bearer, jsonRequest } from '../helpers/http.ts'
import { browseUntil, startTestOidcProvider, type TestOidcProvider } from './oidc-provider.ts'

// One Porchlight app (real libSQL file) with one site, and a real OpenID provider on 127.0.0.1
// set up as the site's `corp` provider through the owner's API; plus the steps a member's
// browser takes: start, through the provider, back to the callback, complete.

export const publicUrl = 'http://localhost:8787'
export const callbackUrl = `${publicUrl}/v1/auth/oauth/callback`
export const returnTo = `${siteOrigin}/account`

export type OAuthWorld = AuthHarness & { idp: TestOidcProvider }

export async function createOAuthWorld(options: AuthHarnessOptions = {}): Promise<OAuthWorld> {
  const h = await createAuthHarness({ ...options, env: { PUBLIC_URL: publicUrl, ...options.env } })
  const idp = await startTestOidcProvider({ redirectUri: callbackUrl })
  const res = await h.t.app.request(
    '/v1/admin/sign-in-providers/corp',
    jsonRequest(
      'PUT',
      {
        kind: 'oidc',
        displayName: 'Corp SSO',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
      },
      bearer(h.site.secretKey),
    ),
  )
  if (res.status !== 201) throw new Error(`provider setup failed: ${await res.text()}`)
  return {
    ...h,
    idp,
    async close() {
      await idp.close()
      await h.close()
    },
  }
}

export function newBrowserKey(): string {
  return crypto.randomUUID()
}

/** `POST /v1/auth/oauth/start/corp` as the SDK sends it; the raw response. */
export function startRequest(
  w: OAuthWorld,
  body: Record<string, unknown>,
  token?: string,
  provider = 'corp',
): Promise<Response> {
  return postJson(
    w,
    `/v1/auth/oauth/start/${provider}`,
    body,
    token ? { Authorization: `Bearer ${token}` } : {},
  )
}

/** The provider's sign-in URL for a new flow in this browser. */
export async function startFlow(
  w: OAuthWorld,
  input: { browserKey: string; purpose?: 'sign_in' | 'link'; token?: string },
): Promise<string> {
  const res = await startRequest(
    w,
    { returnTo, browserKey: input.browserKey, purpose: input.purpose ?? 'sign_in' },
    input.token,
  )
  if (res.status !== 200) throw new Error(`start failed: ${res.status} ${await res.text()}`)
  return ((await res.json()) as { url: string }).url
}

/** The provider's redirect back, as the member's browser would follow it to Porchlight. */
export function callback(w: OAuthWorld, url: string): Promise<Response> {
  return Promise.resolve(w.t.app.request(url.slice(publicUrl.length)))
}

export type CallbackResult = { page: string; grant?: string; error?: string }

/** Where the callback sent the browser: the page, and the grant or error in its fragment. */
export function callbackResult(res: Response): CallbackResult {
  if (res.status !== 303) throw new Error(`callback answered ${res.status}`)
  const location = new URL(res.headers.get('location') ?? '')
  const fragment = new URLSearchParams(location.hash.slice(1))
  location.hash = ''
  return {
    page: location.href,
    ...(fragment.has('porchlight_oauth') && { grant: fragment.get('porchlight_oauth') ?? '' }),
    ...(fragment.has('porchlight_oauth_error') && {
      error: fragment.get('porchlight_oauth_error') ?? '',
    }),
  }
}

/** Start, sign in at the provider as `subject`, and come back: the callback's answer. */
export async function throughProvider(
  w: OAuthWorld,
  subject: string | null,
  input: {
    browserKey: string
    purpose?: 'sign_in' | 'link'
    token?: string
    editUrl?: (url: URL) => void
  },
): Promise<CallbackResult> {
  const url = new URL(await startFlow(w, input))
  input.editUrl?.(url)
  w.idp.signInAs(subject)
  return callbackResult(await callback(w, await browseUntil(url.href, callbackUrl)))
}

export function complete(
  w: OAuthWorld,
  body: { grant: string; browserKey: string; transport?: 'bearer' | 'cookie' },
  token?: string,
): Promise<Response> {
  return postJson(
    w,
    '/v1/auth/oauth/complete',
    body,
    token ? { Authorization: `Bearer ${token}` } : {},
  )
}

/** The whole sign-in as `subject`; the completion's response. */
export async function signInThroughProvider(w: OAuthWorld, subject: string): Promise<Response> {
  const browserKey = newBrowserKey()
  const result = await throughProvider(w, subject, { browserKey })
  if (!result.grant) throw new Error(`no grant: ${result.error}`)
  return complete(w, { grant: result.grant, browserKey })
}

export function memberGet(w: OAuthWorld, token: string, path: string) {
  return asMember(w, token, path)
}
