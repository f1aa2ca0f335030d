import { type Account, type Auth, signInFinishers } from './auth.ts'
import { browserKey } from './browser-key.ts'
import { apiPath, type CallOptions } from './core.ts'
import { clientError } from './errors.ts'

/**
 * A provider account linked to the member, from {@link OAuth.identities}. Times are milliseconds
 * since the epoch.
 *
 * @example
 * const [first]: LinkedIdentity[] = await oauth.identities.list()
 */
export interface LinkedIdentity {
  /** The provider's id on this site (`github`, `corp-sso`). */
  provider: string
  /** `null` once the site removed the provider. */
  providerName: string | null
  kind: 'github' | 'google' | 'microsoft' | 'apple' | 'oidc' | null
  /** The address the provider gave when linked. */
  email: string | null
  createdAt: number
  lastUsedAt: number | null
}

/**
 * What {@link OAuth.complete} found: a member signed in, or a provider linked to the account.
 *
 * @example
 * const result = await oauth.complete()
 * if (result?.status === 'signed_in') greet(result.account)
 */
export type OAuthResult =
  | { status: 'signed_in'; account: Account }
  | { status: 'linked'; provider: string }

/**
 * "Sign in with …" (GitHub, Google, Microsoft, Apple, any OpenID provider the site set up). The
 * browser goes to the provider and comes back to the page with the result in the URL's
 * fragment; {@link OAuth.complete} takes it from there. Every method also takes
 * `{ signal, headers }` last.
 *
 * @example
 * const oauth = createOAuth(auth)
 * await oauth.complete() // on every page load: does nothing without a result in the URL
 * button.onclick = () => oauth.signIn('github')
 */
export interface OAuth {
  /**
   * Sends the browser to the provider's sign-in page, coming back to `returnTo` (this page by
   * default; it must be on one of the site's origins). Answers the URL it navigated to (and
   * only answers it where there is no `location`, as on a server).
   *
   * @throws {PorchlightError} `OAUTH_PROVIDER_UNKNOWN` (404); `OAUTH_PROVIDER_UNAVAILABLE` (503);
   *   `VALIDATION_FAILED` (422, `fields.returnTo`); `RATE_LIMITED` (429).
   * @example
   * await oauth.signIn('google', { returnTo: 'https://example.com/welcome' })
   */
  signIn(provider: string, input?: { returnTo?: string }, options?: CallOptions): Promise<string>
  /**
   * As {@link OAuth.signIn}, for the signed-in member: the provider account is added to theirs.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401), and those of {@link OAuth.signIn}.
   * @example
   * await oauth.link('github')
   */
  link(provider: string, input?: { returnTo?: string }, options?: CallOptions): Promise<string>
  /**
   * Finishes a sign-in or link when the page's URL carries its result (and then clears it from
   * the URL); answers `null` when it carries none. A sign-in keeps the session like
   * {@link Auth.login}, second step included.
   *
   * @throws {PorchlightError} `OAUTH_CANCELLED`, `OAUTH_PROVIDER_ERROR`, `OAUTH_ID_TOKEN_INVALID`
   *   (0) from the provider's side; `OAUTH_ACCOUNT_NOT_VERIFIED`, `OAUTH_EMAIL_IN_USE` (409:
   *   sign in another way and link from the account); `OAUTH_IDENTITY_IN_USE` (409);
   *   `OAUTH_OTHER_BROWSER` (403); `OAUTH_GRANT_INVALID` (400); `SECOND_STEP_REQUIRED` as for
   *   {@link Auth.login}.
   * @example
   * const result = await oauth.complete()
   */
  complete(url?: string, options?: CallOptions): Promise<OAuthResult | null>
  readonly identities: {
    /**
     * The provider accounts linked to the signed-in member.
     *
     * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401).
     * @example
     * const linked = await oauth.identities.list()
     */
    list(options?: CallOptions): Promise<LinkedIdentity[]>
    /**
     * Unlinks a provider from the member.
     *
     * @throws {PorchlightError} `LAST_SIGN_IN_METHOD` (409) when it is their only way in;
     *   `IDENTITY_NOT_FOUND` (404).
     * @example
     * await oauth.identities.unlink('github')
     */
    unlink(provider: string, options?: CallOptions): Promise<void>
  }
}

/** The provider's own failures, told in the URL's fragment by the server's callback. */
function callbackFailure(code: string | null) {
  if (code === 'OAUTH_CANCELLED') return clientError('OAUTH_CANCELLED', 'Signing in was cancelled.')
  if (code === 'OAUTH_ID_TOKEN_INVALID') {
    return clientError('OAUTH_ID_TOKEN_INVALID', 'The provider’s answer could not be trusted.')
  }
  return clientError('OAUTH_PROVIDER_ERROR', 'The provider could not sign you in. Try again.')
}

/**
 * "Sign in with …" for an {@link Auth}; a separate import, so sites without it do not ship it.
 *
 * @throws Nothing.
 * @example
 * const oauth = createOAuth(client.auth)
 */
export function createOAuth(auth: Auth): OAuth {
  const { request, session } = auth
  const start = async (
    purpose: 'sign_in' | 'link',
    provider: string,
    input: { returnTo?: string } = {},
    options?: CallOptions,
  ) => {
    const here = globalThis.location
    // Only this browser can redeem what comes back: one key per browser (browser-key.ts), so
    // sign-ins started in two tabs at once both finish.
    const body = {
      returnTo: input.returnTo ?? here?.href,
      browserKey: await browserKey(session.storage),
      purpose,
    }
    const { url } = await request<{ url: string }>(
      'POST',
      apiPath`/v1/auth/oauth/start/${provider}`,
      { ...options, body },
    )
    here?.assign(url)
    return url
  }
  return {
    signIn: (provider, input, options) => start('sign_in', provider, input, options),
    link: (provider, input, options) => start('link', provider, input, options),
    async complete(url, options) {
      const here = globalThis.location
      const href = url ?? here?.href ?? ''
      const fragment = new URLSearchParams(href.split('#')[1] ?? '')
      const grant = fragment.get('porchlight_oauth')
      const failed = fragment.has('porchlight_oauth_error')
      if (!grant && !failed) return null
      // Out of the URL at once: not bookmarked, shared or reused on reload.
      if (!url && here) globalThis.history?.replaceState(null, '', here.pathname + here.search)
      if (failed) throw callbackFailure(fragment.get('porchlight_oauth_error'))
      // Kept afterwards: another tab's sign-in may still be on its way back.
      const key = await browserKey(session.storage)
      const body = await request<{ status?: string; provider?: string; account?: Account }>(
        'POST',
        '/v1/auth/oauth/complete',
        { ...options, body: { grant, browserKey: key, transport: session.transport } },
      )
      if (body.status === 'linked') return { status: 'linked', provider: body.provider as string }
      const finish = signInFinishers.get(auth)
      const account = finish ? await finish(body as never, options) : (body.account as Account)
      return { status: 'signed_in', account }
    },
    identities: {
      list: async (options) =>
        (await request<{ identities: LinkedIdentity[] }>('GET', '/v1/auth/identities', options))
          .identities,
      async unlink(provider, options) {
        await request('DELETE', apiPath`/v1/auth/identities/${provider}`, options)
      },
    },
  }
}
