import { browserKey } from './browser-key.ts'
import { apiPath, type CallOptions } from './core.ts'
import { PorchlightError } from './errors.ts'
import {
  type ClientOptions,
  type Connection,
  connect,
  ownCredentials,
  type SavedSession,
  type SessionListener,
} from './session.ts'
import type { Totp } from './totp.ts'

/**
 * What a member sees of their own account. Times are milliseconds since the epoch.
 *
 * @example
 * const account: Account = await auth.login({ email, password })
 */
export interface Account {
  /** `mem_…`. */
  id: string
  email: string
  emailVerified: boolean
  displayName: string
  username: string | null
  avatarUrl: string | null
  bio: string | null
  role: 'member' | 'moderator' | 'admin'
  status: 'active' | 'suspended' | 'banned'
  suspendedUntil: number | null
  createdAt: number
  /**
   * `false` for a member who joined without a password (by link, passkey or provider): offer
   * "set a password" ({@link Auth.requestPasswordReset}) where the site uses passwords.
   */
  hasPassword: boolean
}

/**
 * One of the member's sessions.
 *
 * @example
 * const mine: MemberSession[] = await auth.listSessions()
 */
export interface MemberSession {
  id: string
  /** The session making the request. */
  current: boolean
  createdAt: number
  lastUsedAt: number
  /** When it ends unless used: the sooner of the inactivity timeout and the absolute lifetime. */
  expiresAt: number
  userAgent: string | null
  ip: string | null
  transport: 'bearer' | 'cookie'
}

/**
 * The signed-in account and the session in use, from {@link Auth.getSession}.
 *
 * @example
 * const current: CurrentSession | null = await auth.getSession()
 */
export interface CurrentSession {
  account: Account
  session: Pick<MemberSession, 'id' | 'createdAt' | 'lastUsedAt' | 'expiresAt' | 'transport'>
}

/**
 * What registering takes.
 *
 * @example
 * const input: Registration = { email: 'ada@example.com', password, displayName: 'Ada' }
 */
export interface Registration {
  email: string
  /**
   * Required where the site signs in with passwords; leave it out where it does not
   * (`(await auth.methods()).password` is `false`), or it is refused (`PASSWORD_NOT_ACCEPTED`).
   */
  password?: string
  displayName: string
  /** 3–30 letters, digits, `_` or `-`, for mentions. */
  username?: string
}

/**
 * Profile fields to change; one left out keeps its value, `null` clears it.
 *
 * @example
 * const changes: ProfileChanges = { displayName: 'Ada L.', bio: null }
 */
export interface ProfileChanges {
  displayName?: string
  username?: string | null
  /** `https://` on a public domain name. */
  avatarUrl?: string | null
  /** At most 500 characters. */
  bio?: string | null
}

/**
 * What an emailed link asks the page to do, from {@link Auth.handleEmailLink}.
 *
 * @example
 * const link: EmailLink | null = auth.handleEmailLink() // { action: 'verify-email', token: '…' }
 */
export interface EmailLink {
  action: 'verify-email' | 'reset-password' | 'confirm-email-change' | 'sign-in'
  token: string
}

/**
 * The ways to sign in a site offers, from {@link Auth.methods}.
 *
 * @example
 * const { emailLink }: SignInMethods = await auth.methods()
 */
export interface SignInMethods {
  password: boolean
  emailLink: boolean
  /** Two-factor codes: not offered, offered, or required of moderators and admins. */
  totp: 'off' | 'optional' | 'required_for_staff'
  /** Passkeys (WebAuthn): see {@link Auth.passkey}. */
  passkeys: boolean
  /** “Sign in with …” providers, by the id `createOAuth(auth).signIn(id)` takes. */
  providers: {
    id: string
    name: string
    kind: 'github' | 'google' | 'microsoft' | 'apple' | 'oidc'
  }[]
}

/**
 * Everything the server holds about the member, from {@link Auth.exportData}.
 *
 * @example
 * const data: AccountExport = await auth.exportData()
 */
export interface AccountExport {
  exportedAt: number
  site: { id: string; name: string }
  account: Account
  sessions: MemberSession[]
  submissions: Record<string, unknown>[]
  posts: Record<string, unknown>[]
}

/**
 * Membership: registration, sessions, email verification, password recovery and the member's
 * own account. Made by {@link createAuth}, or found at `client.auth`. Every method also takes
 * `{ signal, headers }` last.
 *
 * Errors any method may throw besides its own: `RATE_LIMITED` (429, with `retryAfter`),
 * `VALIDATION_FAILED` (422, a message per field in `fields`), `INVALID_SESSION` (401: the
 * session ended, and it is forgotten before the error reaches you), and the SDK's
 * `NETWORK_ERROR`, `TIMEOUT` and `ABORTED`.
 *
 * @example
 * const auth = createAuth({ url: 'https://api.example.com', key: 'pk_…' })
 * auth.onChange((user) => render(user))
 * await auth.login({ email, password })
 */
export interface Auth extends Connection {
  /**
   * The signed-in account as last known, without a request: from storage at page load, kept up
   * to date by every call and by other tabs. `null` when signed out.
   *
   * @example
   * greeting.textContent = auth.user ? `Hi ${auth.user.displayName}` : 'Sign in'
   */
  readonly user: Account | null
  /**
   * Calls `listener` with the account whenever it changes (sign-in, sign-out, an ended session,
   * a profile update, or any of these in another tab); returns a function that stops it.
   * Not called for the state at the time of the call: read {@link Auth.user} for that.
   *
   * @throws Nothing.
   * @example
   * const stop = auth.onChange((user) => render(user))
   */
  onChange(listener: SessionListener): () => void
  /**
   * Creates an account and emails a link to verify the address. It does not sign in: call
   * {@link Auth.login} next. Where the site has password sign-in off, leave the password out:
   * the email then carries a link that verifies and signs in, in this browser (`link_sent`;
   * open it with {@link Auth.signInWithLink}). An address that already has an account gets the
   * same answer (its owner is emailed instead), so nobody can learn who is registered.
   *
   * @throws {PorchlightError} `VALIDATION_FAILED` (422) for a weak password, a taken username or
   *   a malformed field, with `fields`; `PASSWORD_NOT_ACCEPTED` (422) for a password where the
   *   site takes none.
   * @example
   * await auth.register({ email, password, displayName: 'Ada' })
   */
  register(
    input: Registration,
    options?: CallOptions,
  ): Promise<{ status: 'verification_sent' | 'link_sent' }>
  /**
   * Signs in, keeps the session (a token in storage, or the cookie the server sets) and tells
   * the listeners.
   *
   * @throws {PorchlightError} `INVALID_CREDENTIALS` (401) for a wrong email or password,
   *   `ACCOUNT_SUSPENDED` (403, `fields.suspendedUntil`), `EMAIL_NOT_VERIFIED` (403, when the
   *   site requires it), `RATE_LIMITED` (429) after repeated failures, `SIGN_IN_METHOD_DISABLED`
   *   (403). `SECOND_STEP_REQUIRED` when the password was right but a TOTP code must follow
   *   (`fields.step` is `totp_required`: call {@link Totp.signIn}) or the member must enrol first
   *   (`totp_setup_required`: {@link Totp.setup} then {@link Totp.confirm}).
   * @example
   * const account = await auth.login({ email, password })
   */
  login(input: { email: string; password: string }, options?: CallOptions): Promise<Account>
  /**
   * The ways to sign in the site has turned on, for a form to show only those.
   *
   * @throws {PorchlightError} only the common errors listed on {@link Auth}.
   * @example
   * if ((await auth.methods()).emailLink) showLinkButton()
   */
  methods(options?: CallOptions): Promise<SignInMethods>
  /**
   * Emails a single-use sign-in link (15 minutes), if the site has them on. The answer is the
   * same whether or not the address has an account. The link works only in this browser: it is
   * bound to the one key the SDK keeps in its storage for this browser, so links asked for in
   * two tabs both work.
   *
   * @throws {PorchlightError} `SIGN_IN_METHOD_DISABLED` (403); `RATE_LIMITED` (429).
   * @example
   * await auth.sendSignInLink('ada@example.com')
   */
  sendSignInLink(email: string, options?: CallOptions): Promise<{ status: 'link_sent' }>
  /**
   * Signs in with the token of an emailed link (see {@link Auth.handleEmailLink}), which also
   * verifies the address; may ask for the TOTP step like {@link Auth.login}.
   *
   * @throws {PorchlightError} `INVALID_TOKEN` (400); `SIGN_IN_LINK_OTHER_BROWSER` (403) when the
   *   link was asked for in another browser (it still works there; or send a new one from here);
   *   `SECOND_STEP_REQUIRED` as for {@link Auth.login}.
   * @example
   * const link = auth.handleEmailLink()
   * if (link?.action === 'sign-in') await auth.signInWithLink(link.token)
   */
  signInWithLink(token: string, options?: CallOptions): Promise<Account>
  /**
   * Two-factor sign-in (TOTP): enrol, confirm, the sign-in step, turn off, recovery codes.
   *
   * @example
   * const { qrSvg } = await auth.totp.setup()
   */
  readonly totp: Totp
  /**
   * Ends this session on the server and forgets it here. It is forgotten even when the server
   * cannot be reached (the error is then thrown, so the page can say so); one that had already
   * ended counts as success.
   *
   * @throws {PorchlightError} `NETWORK_ERROR`, `TIMEOUT`: signed out here, maybe not on the server.
   * @example
   * await auth.logout()
   */
  logout(options?: CallOptions): Promise<void>
  /**
   * Ends every session of the member, on every device, and forgets this one; like
   * {@link Auth.logout} when the server cannot be reached.
   *
   * @throws {PorchlightError} `NETWORK_ERROR`, `TIMEOUT`: signed out here, maybe not elsewhere.
   * @example
   * await auth.logoutEverywhere()
   */
  logoutEverywhere(options?: CallOptions): Promise<void>
  /**
   * Asks the server who is signed in, updates {@link Auth.user}, and returns the account with the
   * session, or `null` (also for a session that has ended). Signed out with bearer sessions, it
   * answers `null` without a request. Call it at page load with cookie sessions: the browser may
   * have dropped the cookie.
   *
   * @throws {PorchlightError} only the common errors listed on {@link Auth}.
   * @example
   * const current = await auth.getSession()
   */
  getSession(options?: CallOptions): Promise<CurrentSession | null>
  /**
   * Verifies the email address with the token from the emailed link (see
   * {@link Auth.handleEmailLink}); signed out works too. Returns the account.
   *
   * @throws {PorchlightError} `INVALID_TOKEN` (400) for an unknown, used or expired link.
   * @example
   * await auth.verifyEmail(link.token)
   */
  verifyEmail(token: string, options?: CallOptions): Promise<Account>
  /**
   * Emails the signed-in member a new verification link.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401); `RATE_LIMITED` (429).
   * @example
   * const { status } = await auth.resendVerification() // or 'already_verified'
   */
  resendVerification(
    options?: CallOptions,
  ): Promise<{ status: 'verification_sent' | 'already_verified' }>
  /**
   * Emails a password reset link. The answer is the same whether or not the address has an
   * account.
   *
   * @throws {PorchlightError} `VALIDATION_FAILED` (422) for a malformed address.
   * @example
   * await auth.requestPasswordReset('ada@example.com')
   */
  requestPasswordReset(email: string, options?: CallOptions): Promise<{ status: 'reset_sent' }>
  /**
   * Sets a new password with the token from a reset link. Every session of the member ends,
   * this device's included: sign in again.
   *
   * @throws {PorchlightError} `INVALID_TOKEN` (400); `VALIDATION_FAILED` (422) with
   *   `fields.password` for a weak password.
   * @example
   * await auth.resetPassword(link.token, newPassword)
   */
  resetPassword(
    token: string,
    password: string,
    options?: CallOptions,
  ): Promise<{ status: 'password_reset' }>
  /**
   * Changes the signed-in member's profile and returns the account.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401); `VALIDATION_FAILED` (422), e.g.
   *   `fields.username: 'Taken'`.
   * @example
   * await auth.updateProfile({ displayName: 'Ada L.', bio: null })
   */
  updateProfile(changes: ProfileChanges, options?: CallOptions): Promise<Account>
  /**
   * Changes the password. By default every other session ends ("keep this one"); this one stays.
   *
   * @throws {PorchlightError} `INVALID_PASSWORD` (403) for a wrong current password;
   *   `VALIDATION_FAILED` (422) with `fields.newPassword`; `SIGN_IN_REQUIRED` (401).
   * @example
   * await auth.changePassword({ currentPassword, newPassword })
   */
  changePassword(
    input: { currentPassword: string; newPassword: string; signOutOtherSessions?: boolean },
    options?: CallOptions,
  ): Promise<{ status: 'password_changed' }>
  /**
   * Starts an email change: a confirmation link goes to the new address, a notice to the old one.
   * The address changes once the link is followed ({@link Auth.confirmEmailChange}). Give the
   * current password; a member without one (`account.hasPassword` false) leaves it out and must
   * have signed in within the last 10 minutes.
   *
   * @throws {PorchlightError} `INVALID_PASSWORD` (403); `REAUTHENTICATION_REQUIRED` (403) for a
   *   member without a password whose sign-in is older: sign them in again, then repeat;
   *   `VALIDATION_FAILED` (422) with `fields.newEmail`; `SIGN_IN_REQUIRED` (401).
   * @example
   * await auth.changeEmail({ password, newEmail: 'ada@new.example' })
   */
  changeEmail(
    input: { password?: string; newEmail: string },
    options?: CallOptions,
  ): Promise<{ status: 'confirmation_sent' }>
  /**
   * Finishes an email change with the token from the link sent to the new address; signed out
   * works too. Returns the account.
   *
   * @throws {PorchlightError} `INVALID_TOKEN` (400); `EMAIL_TAKEN` (409) when someone registered
   *   the address meanwhile.
   * @example
   * await auth.confirmEmailChange(link.token)
   */
  confirmEmailChange(token: string, options?: CallOptions): Promise<Account>
  /**
   * The member's live sessions, most recently used first; this one has `current: true`.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401).
   * @example
   * const sessions = await auth.listSessions()
   */
  listSessions(options?: CallOptions): Promise<MemberSession[]>
  /**
   * Ends one of the member's sessions; ending this one signs out here too.
   *
   * @throws {PorchlightError} `SESSION_NOT_FOUND` (404); `SIGN_IN_REQUIRED` (401).
   * @example
   * await auth.revokeSession(session.id)
   */
  revokeSession(id: string, options?: CallOptions): Promise<void>
  /**
   * Deletes the account (the site decides whether forum posts stay, as "deleted member") and
   * signs out. Give the password; a member without one (`account.hasPassword` false) leaves it
   * out and must have signed in within the last 10 minutes.
   *
   * @throws {PorchlightError} `INVALID_PASSWORD` (403); `REAUTHENTICATION_REQUIRED` (403) for a
   *   member without a password whose sign-in is older: sign them in again, then repeat;
   *   `SIGN_IN_REQUIRED` (401).
   * @example
   * await auth.deleteAccount(account.hasPassword ? password : undefined)
   */
  deleteAccount(password?: string, options?: CallOptions): Promise<void>
  /**
   * Everything the server holds about the member, parsed from the JSON download.
   *
   * @throws {PorchlightError} `SIGN_IN_REQUIRED` (401).
   * @example
   * const blob = new Blob([JSON.stringify(await auth.exportData())], { type: 'application/json' })
   */
  exportData(options?: CallOptions): Promise<AccountExport>
  /**
   * Reads an emailed link (`url`: a string, a `URL` or `location`; default the page's address),
   * `…?action=<action>&token=<token>` (the server's default link is
   * `<site>/account?action={action}&token={token}`; hash routes such as `#/account?…` work too).
   * Returns `null` when the URL is not such a link. It only reads: finish with
   * {@link Auth.verifyEmail} or {@link Auth.confirmEmailChange} at once, or ask for a new
   * password and call {@link Auth.resetPassword}.
   *
   * @throws Nothing.
   * @example
   * const link = auth.handleEmailLink()
   * if (link?.action === 'verify-email') await auth.verifyEmail(link.token)
   * if (link?.action === 'confirm-email-change') await auth.confirmEmailChange(link.token)
   * if (link?.action === 'reset-password') showNewPasswordForm(link.token)
   */
  handleEmailLink(url?: string | { readonly href: string }): EmailLink | null
}

const linkActions = ['verify-email', 'reset-password', 'confirm-email-change', 'sign-in']

/** A sign-in's answer when a second step must come first. */
type SecondStepBody = { status: string; challenge: string }

/**
 * Creates the membership API on its own, from options or from a {@link Connection} (a client,
 * or another feature's object) whose session it then shares. A page that only signs members in
 * bundles only this, the session and the request core.
 *
 * @throws Nothing itself; see {@link Auth} for what its methods throw.
 * @example
 * import { createAuth, createForum } from '@porchlight/sdk'
 * const auth = createAuth({ url: 'https://api.example.com', key: 'pk_…' })
 * const forum = createForum(auth) // same session
 * await auth.login({ email: 'ada@example.com', password })
 */
export function createAuth(source: ClientOptions | Connection): Auth {
  const { request, session } = 'request' in source ? source : connect(source)
  // The id of this session, when a listing or getSession told it (cookie sessions have no token).
  let currentId: string | undefined
  const post = <T>(path: string, body?: unknown, options?: CallOptions) =>
    request<T>('POST', `/v1/${path}`, { ...options, body })
  /** Replaces the kept session, unless the call carried its own credentials (see ownCredentials). */
  const save = async (next: SavedSession | null, options?: CallOptions) => {
    if (!ownCredentials(options)) await session.save(next)
  }
  /** Keeps a fresher copy of the signed-in account; another member's is only returned. */
  const keep = async (account: Account, options?: CallOptions) => {
    if (session.user?.id === account.id) await save({ account, token: session.token }, options)
    return account
  }
  // The challenge of a sign-in waiting for its TOTP step; memory only, it lives 10 minutes.
  let challenge: string | undefined
  /** Keeps a sign-in's session, or its challenge and the error that asks for the next step. */
  const signedIn = async (body: SavedSessionBody | SecondStepBody, options?: CallOptions) => {
    if ('challenge' in body) {
      challenge = body.challenge
      throw new PorchlightError({
        status: 200,
        code: 'SECOND_STEP_REQUIRED',
        message: 'Enter the code from your authenticator app.',
        fields: { step: body.status },
      })
    }
    challenge = undefined
    await save(body, options)
    return body.account
  }
  /** Signs out here whatever the server says; an already ended session (401) is no failure. */
  const signOut = async (path: string, options?: CallOptions) => {
    try {
      await post(path, undefined, options)
    } catch (error) {
      if ((error as PorchlightError).status !== 401) throw error
    } finally {
      await save(null, options)
    }
  }

  const auth: Auth = {
    request,
    session,
    get user() {
      return session.user
    },
    onChange: session.onChange,
    async register(input, options) {
      // Without a password the emailed link signs in, and only where this browser's key is
      // (browser-key.ts); with one the server ignores the key.
      const { status } = await post<{ status: 'verification_sent' | 'link_sent' }>(
        'auth/register',
        { ...input, browserKey: await browserKey(session.storage) },
        options,
      )
      return { status }
    },
    login: async ({ email, password }, options) =>
      signedIn(
        await post('auth/login', { email, password, transport: session.transport }, options),
        options,
      ),
    methods: (options) => request('GET', '/v1/auth/methods', options),
    async sendSignInLink(email, options) {
      // The link works only where this browser's key is (browser-key.ts): the one key of the
      // browser, so links asked for in two tabs both work. Kept in storage, not memory: the
      // link opens in a new tab.
      await post(
        'auth/sign-in-link',
        { email, browserKey: await browserKey(session.storage) },
        options,
      )
      return { status: 'link_sent' }
    },
    signInWithLink: async (token, options) =>
      signedIn(
        await post(
          'auth/sign-in-link/redeem',
          {
            token,
            browserKey: await browserKey(session.storage),
            transport: session.transport,
          },
          options,
        ),
        options,
      ),
    totp: {
      status: (options) => request('GET', '/v1/auth/totp', options),
      setup: (options) => post('auth/totp/setup', { challenge }, options),
      async confirm(code, options) {
        const body = await post<{ recoveryCodes: string[] } & Partial<SavedSessionBody>>(
          'auth/totp/confirm',
          { code, challenge, transport: session.transport },
          options,
        )
        if (body.account) await signedIn(body as SavedSessionBody, options)
        return { recoveryCodes: body.recoveryCodes }
      },
      signIn: async (input, options) =>
        signedIn(
          await post(
            'auth/login/totp',
            { ...input, challenge, transport: session.transport },
            options,
          ),
          options,
        ),
      async disable(proof = {}, options) {
        await request('DELETE', '/v1/auth/totp', { ...options, body: proof })
      },
      newRecoveryCodes: (password, options) =>
        post('auth/totp/recovery-codes', { password }, options),
    },
    logout: (options) => signOut('auth/logout', options),
    logoutEverywhere: (options) => signOut('auth/logout-everywhere', options),
    async getSession(options) {
      await session.ready
      let current: Partial<CurrentSession> = {}
      // Signed out with bearer sessions: nothing to ask. (An account kept without a token, say
      // from cookie sessions before, is no session either, and is forgotten below.)
      const forwarded = ownCredentials(options)
      if (forwarded || session.transport === 'cookie' || session.token) {
        try {
          current = await request('GET', '/v1/auth/session', options)
        } catch (error) {
          // An ended session is an answer here, not a failure; the request path forgot it.
          if ((error as PorchlightError).code !== 'INVALID_SESSION') throw error
        }
      }
      const { account } = current
      if (!forwarded) currentId = current.session?.id
      await save(account ? { account, token: session.token } : null, options)
      return account ? (current as CurrentSession) : null
    },
    verifyEmail: async (token, options) =>
      keep(
        (await post<{ account: Account }>('auth/verify-email', { token }, options)).account,
        options,
      ),
    resendVerification: (options) => post('auth/verify-email/resend', undefined, options),
    requestPasswordReset: (email, options) =>
      post('auth/password-reset/request', { email }, options),
    resetPassword: (token, password, options) =>
      post('auth/password-reset/confirm', { token, password }, options),
    updateProfile: async (changes, options) =>
      keep(await request('PATCH', '/v1/account', { ...options, body: changes }), options),
    changePassword: (input, options) => post('account/password', input, options),
    changeEmail: (input, options) => post('account/email', input, options),
    confirmEmailChange: async (token, options) =>
      keep(await post('auth/email-change/confirm', { token }, options), options),
    async listSessions(options) {
      const { sessions } = await request<{ sessions: MemberSession[] }>(
        'GET',
        '/v1/auth/sessions',
        options,
      )
      if (!ownCredentials(options)) currentId = sessions.find((s) => s.current)?.id
      return sessions
    },
    async revokeSession(id, options) {
      await request('DELETE', apiPath`/v1/auth/sessions/${id}`, options)
      // A bearer token is `<session id>.<secret>`.
      if (id === currentId || id === session.token?.split('.')[0]) await save(null, options)
    },
    async deleteAccount(password, options) {
      await request('DELETE', '/v1/account', { ...options, body: { password } })
      await save(null, options)
    },
    exportData: (options) => request('GET', '/v1/account/export', options),
    handleEmailLink(url = globalThis.location?.href ?? '') {
      // What follows the first `?`, up to and past a `#`: `/account?…` and `#/account?…` alike.
      const href = typeof url === 'string' ? url : url.href
      const params = new URLSearchParams(href.replace(/^[^?]*\??/, '').replace('#', '&'))
      const action = params.get('action') as EmailLink['action']
      const token = params.get('token')
      return token && linkActions.includes(action) ? { action, token } : null
    },
  }
  signInFinishers.set(auth, signedIn)
  return auth
}

/**
 * How a sign-in made elsewhere (passkeys.ts) ends on an {@link Auth}: its session kept, or its
 * second step waiting for `auth.totp.signIn`, exactly as after a password. Internal: not
 * exported from the package, so the way in stays one code path.
 */
export const signInFinishers = new WeakMap<
  Auth,
  (body: SavedSessionBody | SecondStepBody, options?: CallOptions) => Promise<Account>
>()

/** The answer to a sign-in: the token only with bearer sessions. */
type SavedSessionBody = { account: Account; token?: string; expiresAt: number }
