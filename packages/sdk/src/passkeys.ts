import { type Account, type Auth, signInFinishers } from './auth.ts'
import { apiPath, type CallOptions } from './core.ts'
import { clientError } from './errors.ts'

/**
 * One of the member's passkeys, from {@link Passkeys.list}. Times are milliseconds since the
 * epoch; `lastUsedAt` is `null` until it signs in.
 *
 * @example
 * const [newest]: Passkey[] = await passkey.list()
 */
export interface Passkey {
  /** `pkey_…`. */
  id: string
  name: string
  createdAt: number
  lastUsedAt: number | null
}

/**
 * Passkeys (WebAuthn) for members: add one after signing in, sign in with one, list, rename and
 * remove them. The SDK runs the browser's `navigator.credentials` ceremony itself. Every method
 * also takes `{ signal, headers }` last; `signal` also ends a waiting browser prompt.
 *
 * @example
 * const passkey = createPasskeys(auth)
 * if (passkey.isSupported()) await passkey.register('Work laptop')
 */
export interface Passkeys {
  /**
   * Whether this browser can use passkeys at all (a secure page with WebAuthn).
   *
   * @throws Nothing.
   * @example
   * button.hidden = !passkey.isSupported()
   */
  isSupported(): boolean
  /**
   * Whether the browser can offer passkeys in the autofill of a field marked
   * `autocomplete="username webauthn"` (conditional UI).
   *
   * @throws Nothing.
   * @example
   * if (await passkey.isConditionalSupported()) passkey.signIn({ conditional: true })
   */
  isConditionalSupported(): Promise<boolean>
  /**
   * Makes a passkey on this device (or a phone, or a security key) for the signed-in member and
   * stores it, named `name` or after the kind of authenticator.
   *
   * @throws {PorchlightError} `PASSKEY_CANCELLED` (0) when the member closed the prompt;
   *   `PASSKEY_ALREADY_REGISTERED` when this authenticator already holds one;
   *   `PASSKEY_UNSUPPORTED` (0) without WebAuthn (check {@link Passkeys.isSupported} first) or
   *   on a page outside the site's passkey domain; `SIGN_IN_METHOD_DISABLED` (403);
   *   `SIGN_IN_REQUIRED` (401).
   * @example
   * const added = await passkey.register('Work laptop')
   */
  register(name?: string, options?: CallOptions): Promise<Passkey>
  /**
   * Signs in with a passkey the browser offers, and keeps the session like {@link Auth.login}.
   * With `conditional`, it waits for the member to pick a passkey from the autofill of the
   * email field instead of opening a prompt; abort it with `signal` when they sign in another
   * way. A passkey used without user verification may still ask for the TOTP step.
   *
   * @throws {PorchlightError} `PASSKEY_CANCELLED` (0); `PASSKEY_UNSUPPORTED` (0) as for
   *   {@link Passkeys.register}; `PASSKEY_UNKNOWN_CREDENTIAL` (401) for a
   *   passkey the site no longer knows; `PASSKEY_COUNTER_ROLLBACK` (401);
   *   `SECOND_STEP_REQUIRED` as for {@link Auth.login}; `RATE_LIMITED` (429).
   * @example
   * const account = await passkey.signIn()
   */
  signIn(input?: { conditional?: boolean }, options?: CallOptions): Promise<Account>
  /**
   * The signed-in member's passkeys, newest first.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401).
   * @example
   * const passkeys = await passkey.list()
   */
  list(options?: CallOptions): Promise<Passkey[]>
  /**
   * Renames one of the member's passkeys.
   *
   * @throws {PorchlightError} `PASSKEY_NOT_FOUND` (404); `VALIDATION_FAILED` (422).
   * @example
   * await passkey.rename(id, 'Phone')
   */
  rename(id: string, name: string, options?: CallOptions): Promise<Passkey>
  /**
   * Removes one of the member's passkeys (the device keeps it, but it no longer signs in here).
   *
   * @throws {PorchlightError} `LAST_SIGN_IN_METHOD` (409) when it is the member's only way to
   *   sign in; `PASSKEY_NOT_FOUND` (404).
   * @example
   * await passkey.remove(id)
   */
  remove(id: string, options?: CallOptions): Promise<void>
}

type SignInFinisher = NonNullable<ReturnType<typeof signInFinishers.get>>
type Json = Record<string, unknown>

const path = '/v1/auth/passkeys'
// The binary fields WebAuthn answers with; the API carries them as base64url.
const answerFields = [
  'clientDataJSON',
  'attestationObject',
  'authenticatorData',
  'signature',
  'userHandle',
] as const

const toBytes = (text: string) =>
  Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))
const toText = (buffer: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '')

/**
 * One ceremony: the server's options, the browser's prompt, and the
 * answer posted back with `extra`. The browser's refusals become the SDK's errors.
 */
async function ceremony(
  auth: Auth,
  kind: 'create' | 'get',
  optionsPath: string,
  answerPath: string,
  extra: Json,
  options: CallOptions = {},
  mediation?: CredentialMediationRequirement,
): Promise<unknown> {
  const publicKey = await auth.request<Json & { challenge: string; user?: { id: string } }>(
    'POST',
    `${path}${optionsPath}`,
    options,
  )
  let credential: PublicKeyCredential
  try {
    publicKey.challenge = toBytes(publicKey.challenge) as unknown as string
    if (publicKey.user) publicKey.user.id = toBytes(publicKey.user.id) as unknown as string
    for (const d of (publicKey.excludeCredentials ?? publicKey.allowCredentials) as Json[]) {
      d.id = toBytes(d.id as string)
    }
    credential = (await navigator.credentials[kind]({
      publicKey,
      mediation,
      signal: options.signal,
    } as unknown as CredentialCreationOptions)) as PublicKeyCredential
  } catch (error) {
    const name = (error as Error).name
    // `excludeCredentials` matched: this authenticator already has one for this account.
    if (name === 'InvalidStateError') {
      throw clientError('PASSKEY_ALREADY_REGISTERED', 'This device has one already.', error)
    }
    // The prompt closed, timed out, or the page aborted it. Anything else is the page's setup:
    // no WebAuthn, no secure context, a relying party id that does not cover this page.
    if (/^(NotAllowed|Abort)Error$/.test(name)) {
      throw clientError('PASSKEY_CANCELLED', 'No passkey was chosen.', error)
    }
    throw clientError('PASSKEY_UNSUPPORTED', 'Passkeys cannot be used here.', error)
  }
  const response = credential.response as AuthenticatorAttestationResponse & Json
  const body: Json = { ...extra, id: credential.id, transports: response.getTransports?.() }
  for (const field of answerFields) {
    if (response[field]) body[field] = toText(response[field] as ArrayBuffer)
  }
  return auth.request('POST', `${path}${answerPath}`, { ...options, body })
}

/**
 * Passkeys for an {@link Auth}, sharing its session: a sign-in here signs `auth` in. A separate
 * factory so that pages without passkeys do not ship this code; `createClient()` includes it as
 * `client.auth.passkey`.
 *
 * @throws Nothing itself; see {@link Passkeys} for what its methods throw.
 * @example
 * import { createAuth, createPasskeys } from '@porchlight/sdk'
 * const auth = createAuth({ url: 'https://api.example.com', key: 'pk_…' })
 * const account = await createPasskeys(auth).signIn()
 */
export function createPasskeys(auth: Auth): Passkeys {
  const { request, session } = auth
  const isSupported = () =>
    typeof PublicKeyCredential !== 'undefined' && !!globalThis.navigator?.credentials
  return {
    isSupported,
    isConditionalSupported: async () =>
      isSupported() && !!(await PublicKeyCredential.isConditionalMediationAvailable?.()),
    register: (name, options) =>
      ceremony(auth, 'create', '/register/options', '', { name }, options) as Promise<Passkey>,
    signIn: async ({ conditional } = {}, options) =>
      (signInFinishers.get(auth) as SignInFinisher)(
        (await ceremony(
          auth,
          'get',
          '/sign-in/options',
          '/sign-in',
          { transport: session.transport },
          options,
          conditional ? 'conditional' : undefined,
        )) as Parameters<SignInFinisher>[0],
        options,
      ),
    list: async (options) =>
      (await request<{ passkeys: Passkey[] }>('GET', path, options)).passkeys,
    rename: (id, name, options) =>
      request('PATCH', apiPath`/v1/auth/passkeys/${id}`, { ...options, body: { name } }),
    async remove(id, options) {
      await request('DELETE', apiPath`/v1/auth/passkeys/${id}`, options)
    },
  }
}
