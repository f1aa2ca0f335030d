import type { EmailLink, SignInMethods } from '../../sdk/src/auth.ts'
import type { PorchlightError } from '../../sdk/src/errors.ts'
import type { TotpSetup } from '../../sdk/src/totp.ts'
import { authPasskeys } from './auth-passkeys.ts'
import { authProviders } from './auth-providers.ts'
import { type Enrolment, enrolmentView } from './auth-two-factor.ts'
import { button, errorCode, PorchlightElement } from './element.ts'
import { type Html, html } from './html.ts'
import { format } from './strings.ts'

type Mode = 'signin' | 'register' | 'forgot' | 'reset' | 'link' | 'code' | 'recovery' | 'enrol'

/**
 * `<porchlight-auth>`: sign in, create an account, ask for a password reset link, and, signed
 * in, the member's name with sign out and two-factor setup. Shows the ways in the site has on:
 * "email me a sign-in link", and the code step after the password when the member has TOTP on.
 * Opened from an emailed link (`?action=verify-email|reset-password|confirm-email-change|sign-in&token=…`),
 * it finishes that flow and takes the token out of the address bar. Fires `porchlight:auth`
 * (`detail.user`, the account or `null`) whenever the member signs in or out or their account
 * changes.
 *
 * Attributes: `view="register"` to open on the registration form; `theme="light|dark"`.
 *
 * @example
 * // <porchlight-auth view="register"></porchlight-auth>
 * document.addEventListener('porchlight:auth', (event) => greet(event.detail.user))
 */
export class PorchlightAuth extends PorchlightElement {
  #mode: Mode = 'signin'
  /** The reset link's token, while its new-password form shows. */
  #token = ''
  /** What the site offers; until known, password sign-in as before. */
  #methods: Partial<SignInMethods> = {}
  /** The key being set up, then the recovery codes to show once. */
  #enrolment: Enrolment = {}
  /** "Sign in with …" and the linked providers (auth-providers.ts). */
  #providers = authProviders(this.client.auth)
  /** Passkeys: the sign-in button, the autofill, the account's list (auth-passkeys.ts). */
  #passkeys = authPasskeys(this.client.auth)

  protected start(): void {
    if (this.getAttribute('view') === 'register') this.#mode = 'register'
    this.update()
    const { auth } = this.client
    auth
      .methods()
      .then((methods) => {
        this.#methods = methods
        this.update()
        this.#accountChanged()
      })
      .catch(() => {})
    const link = auth.handleEmailLink()
    if (link) void this.#follow(link)
    const providers = this.#providers
    // Back from a provider: finish signing in (or linking) with the result in the URL.
    if (providers.pending()) {
      void this.run(() =>
        this.#secondStep(() => providers.complete().then(providers.refresh), this.s.authSignedIn),
      )
    }
  }

  protected override signedIn(): void {
    this.update()
    this.#accountChanged()
    const detail = { user: this.client.auth.user }
    this.dispatchEvent(
      new CustomEvent('porchlight:auth', { bubbles: true, composed: true, detail }),
    )
  }

  /**
   * Signed in: the account's linked providers and passkeys, read again; signed out: passkeys
   * offered in the email's autofill.
   */
  #accountChanged() {
    const { passkeys, providers } = this.#methods
    Promise.all([
      providers?.length && this.#providers.refresh(),
      passkeys && this.#passkeys.refresh(),
    ]).then(
      () => this.update(),
      () => {},
    )
    if (passkeys) {
      this.#passkeys.autofill(
        (signIn) => void this.run(() => this.#secondStep(() => signIn, this.s.authSignedIn)),
      )
    }
  }

  async #follow({ action, token }: EmailLink) {
    // Tokens are single-use, but a URL leaks through history and Referer: drop it at once.
    const url = new URL(location.href)
    url.searchParams.delete('action')
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url)
    if (action === 'reset-password') {
      this.#token = token
      return this.#show('reset')
    }
    const { auth } = this.client
    const s = this.s
    if (action === 'sign-in') {
      this.say(s.authLinkSigningIn)
      return this.run(() => this.#secondStep(() => auth.signInWithLink(token), s.authSignedIn))
    }
    this.say(s.authConfirming)
    await this.run(async () => {
      await (action === 'verify-email' ? auth.verifyEmail(token) : auth.confirmEmailChange(token))
      this.say(action === 'verify-email' ? s.authConfirmed : s.authEmailChanged)
      this.focusOn()
    })
  }

  /**
   * Signs in with `first`, then, when the member has TOTP on, shows the code step; staff the
   * site requires it of are taken to enrol first.
   */
  async #secondStep(first: () => Promise<unknown>, message: string) {
    try {
      await first()
    } catch (error) {
      if (errorCode(error) !== 'SECOND_STEP_REQUIRED') throw error
      this.values = {}
      if ((error as PorchlightError).fields.step === 'totp_required') return this.#show('code')
      return this.#enrol(this.s.authTotpRequired)
    }
    this.values = {}
    this.#show('signin', message)
  }

  async #enrol(message = '') {
    const setup: TotpSetup = await this.client.auth.totp.setup()
    this.#enrolment = { setup }
    this.#show('enrol', message)
  }

  #show(mode: Mode, message = '') {
    this.#mode = mode
    this.marks = undefined
    this.say(message)
    this.update()
    this.focusOn()
  }

  protected act(action: string, target: HTMLElement): void {
    const { auth } = this.client
    const s = this.s
    const data = (
      target instanceof HTMLFormElement ? Object.fromEntries(new FormData(target)) : {}
    ) as Record<string, string>
    const { email = '', password = '', code = '' } = data
    const id = target.dataset.id ?? ''
    const signIn = (message: string) =>
      this.#secondStep(() => auth.login({ email, password }), message)
    if (action === 'view') this.#show(id as Mode)
    if (action === 'done') this.#show('signin')
    // What each button and form does, run once at a time with its failure said next to it.
    const tasks: Record<string, () => Promise<unknown>> = {
      passkey: () => this.#secondStep(() => this.#passkeys.signIn(), s.authSignedIn),
      signin: () => signIn(s.authSignedIn),
      register: async () => {
        const displayName = data.displayName ?? ''
        // No password field where the site has passwords off: its link confirms and signs in.
        const { status } = await auth.register({
          email,
          displayName,
          ...(password && { password }),
        })
        if (status === 'link_sent') return this.#show('signin', s.authSignUpSent)
        // Straight in where the site lets members sign in before confirming their address.
        // A refusal says nothing here (the address may belong to someone else): ask them to
        // confirm and sign in, as for anyone.
        await signIn(s.authRegistered).catch(() => {
          this.values.password = ''
          this.#show('signin', s.authCheckEmail)
        })
      },
      forgot: async () => {
        await auth.requestPasswordReset(email)
        this.say(s.authResetSent)
      },
      link: async () => {
        await auth.sendSignInLink(email)
        this.say(s.authLinkSent)
      },
      code: () => this.#secondStep(() => auth.totp.signIn({ code }), s.authSignedIn),
      recovery: () =>
        this.#secondStep(() => auth.totp.signIn({ recoveryCode: code }), s.authSignedIn),
      totp: () => this.#enrol(),
      enrol: async () => {
        const { recoveryCodes } = await auth.totp.confirm(code)
        this.values = {}
        this.#enrolment = { recoveryCodes }
        this.#show('enrol', s.authTotpOn)
      },
      reset: async () => {
        // Every session ends with a reset, and only the token is known: sign in again.
        await auth.resetPassword(this.#token, password)
        this.values = {}
        this.#show('signin', s.authPasswordChanged)
      },
      signout: async () => {
        this.#mode = 'signin'
        await auth.logout()
        this.say(s.authSignedOut)
        this.focusOn()
      },
      resend: async () => {
        const { status } = await auth.resendVerification()
        if (status === 'already_verified') {
          await auth.getSession()
          this.say(s.authConfirmed)
        } else this.sayNear(target, s.authResent)
      },
    }
    // The buttons and forms of "Sign in with …" and of the account's passkeys.
    const listed = this.#providers.act(action, id) ?? this.#passkeys.act(action, id, data.name)
    const task = listed ? () => listed.then(() => this.update()) : tasks[action]
    if (task) void this.run(task, target)
  }

  protected template(): Html {
    const s = this.s
    const user = this.client.auth.user
    const mode = this.#mode
    const methods = this.#methods
    // Enrolling staff have no session until they confirm; a member enrolling has one.
    if (mode === 'enrol') return enrolmentView(s, this.#enrolment, this.values.code ?? '')
    if (user) {
      return html`<h2 tabindex="-1" part="heading">${format(s.authSignedInAs, { name: user.displayName })}</h2>
<p class="muted">${user.email}</p>
${!user.emailVerified && html`<p>${s.authUnverified}</p>`}
<p class="row">${button('signout', s.authSignOut)}${!user.emailVerified && button('resend', s.authResend, '', html`class="q"`)}${methods.totp && methods.totp !== 'off' && button('totp', s.authTotpSetup, '', html`class="q"`)}${this.#providers.view(s, methods.providers, true)}</p>
${this.#passkeys.view(s, methods.passkeys)}`
    }
    const field = (name: string, label: string, type: string, autocomplete: string, hint = '') =>
      html`<label part="field">${label}<input part="input" id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" required value="${this.values[name] ?? ''}" ${hint && html`aria-describedby="${name}-hint"`}></label>${hint && html`<small id="${name}-hint">${hint}</small>`}`
    // `webauthn`: the browser may offer passkeys in this field's autofill (conditional UI).
    const email = field(
      'email',
      s.authEmail,
      'email',
      `username${methods.passkeys ? ' webauthn' : ''}`,
    )
    // A new password gets the rules up front, not only after the server refused one.
    const password = (label: string, autocomplete: string) =>
      field(
        'password',
        label,
        'password',
        autocomplete,
        autocomplete === 'new-password' ? s.authPasswordHint : '',
      )
    // Where passwords are off, signing in is asking for a link.
    const shown = mode === 'signin' && methods.password === false ? 'link' : mode
    const [heading, fields, submit] = {
      signin: [s.authSignIn, [email, password(s.authPassword, 'current-password')], s.authSignIn],
      register: [
        s.authRegister,
        [
          field('displayName', s.authName, 'text', 'nickname', s.authNameHint),
          email,
          methods.password !== false && password(s.authPassword, 'new-password'),
        ],
        s.authRegister,
      ],
      forgot: [s.authForgot, [email], s.authSendLink],
      link: [s.authSignIn, [email], s.authLinkAsk],
      reset: [s.authReset, [password(s.authNewPassword, 'new-password')], s.authSave],
      code: [s.authCodeHeading, [field('code', s.authCode, 'text', 'one-time-code')], s.authVerify],
      recovery: [
        s.authCodeHeading,
        [field('code', s.authRecoveryCode, 'text', 'off')],
        s.authVerify,
      ],
    }[shown as Exclude<Mode, 'enrol'>]
    const links =
      mode === 'code' || mode === 'recovery'
        ? button(
            'view',
            mode === 'code' ? s.authUseRecovery : s.authUseCode,
            mode === 'code' ? 'recovery' : 'code',
            html`class="link"`,
          )
        : mode === 'signin'
          ? [
              button('view', s.authRegister, 'register', html`class="link"`),
              // Where passwords are off the sign-in form is the link form: no password to forget.
              shown === 'signin' && [
                button('view', s.authForgot, 'forgot', html`class="link"`),
                methods.emailLink && button('view', s.authLinkAsk, 'link', html`class="link"`),
              ],
              this.#providers.view(s, methods.providers),
              this.#passkeys.button(s, methods.passkeys),
            ]
          : button('view', s.authBack, 'signin', html`class="link"`)
    return html`<h2 tabindex="-1" part="heading">${heading}</h2>
<form data-action="${shown}" part="form">${fields}<p><button part="button">${submit}</button></p></form>
<p class="row">${links}</p>`
  }
}
