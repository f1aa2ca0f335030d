import type { EmailLink, SignInMethods } from '../../sdk/src/auth.ts'
import { isPorchlightError } from '../../sdk/src/errors.ts'
import type { TotpSetup } from '../../sdk/src/totp.ts'
import { type Enrolment, enrolmentView } from './auth-two-factor.ts'
import { button, PorchlightElement } from './element.ts'
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
  private mode: Mode = 'signin'
  /** The reset link's token, while its new-password form shows. */
  private token = ''
  /** What the site offers; until known, password sign-in as before. */
  private methods: Partial<SignInMethods> = {}
  /** The key being set up, then the recovery codes to show once. */
  private enrolment: Enrolment = {}

  protected start(): void {
    if (this.getAttribute('view') === 'register') this.mode = 'register'
    this.update()
    const { auth } = this.client
    auth
      .methods()
      .then((methods) => {
        this.methods = methods
        this.update()
      })
      .catch(() => {})
    const link = auth.handleEmailLink()
    if (link) void this.follow(link)
  }

  protected override signedIn(): void {
    this.update()
    const detail = { user: this.client.auth.user }
    this.dispatchEvent(
      new CustomEvent('porchlight:auth', { bubbles: true, composed: true, detail }),
    )
  }

  private async follow({ action, token }: EmailLink) {
    // Tokens are single-use, but a URL leaks through history and Referer: drop it at once.
    const url = new URL(location.href)
    url.searchParams.delete('action')
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url)
    if (action === 'reset-password') {
      this.token = token
      return this.show('reset')
    }
    const { auth } = this.client
    const s = this.s
    if (action === 'sign-in') {
      this.say(s.authLinkSigningIn)
      return this.run(() => this.secondStep(() => auth.signInWithLink(token), s.authSignedIn))
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
  private async secondStep(first: () => Promise<unknown>, message: string) {
    try {
      await first()
    } catch (error) {
      if (!isPorchlightError(error) || error.code !== 'SECOND_STEP_REQUIRED') throw error
      this.values = {}
      if (error.fields.step === 'totp_required') return this.show('code')
      return this.enrol(this.s.authTotpRequired)
    }
    this.values = {}
    this.show('signin', message)
  }

  private async enrol(message = '') {
    const setup: TotpSetup = await this.client.auth.totp.setup()
    this.enrolment = { setup }
    this.show('enrol', message)
  }

  private show(mode: Mode, message = '') {
    this.mode = mode
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
    const signIn = (message: string) =>
      this.secondStep(() => auth.login({ email, password }), message)
    if (action === 'view') this.show(target.dataset.id as Mode)
    if (action === 'signin') void this.run(() => signIn(s.authSignedIn), target)
    if (action === 'register') {
      void this.run(async () => {
        await auth.register({ email, password, displayName: data.displayName ?? '' })
        // Straight in where the site lets members sign in before confirming their address.
        // A refusal says nothing here (the address may belong to someone else): ask them to
        // confirm and sign in, as for anyone.
        await signIn(s.authRegistered).catch(() => {
          this.values.password = ''
          this.show('signin', s.authCheckEmail)
        })
      }, target)
    }
    if (action === 'forgot' || action === 'link') {
      void this.run(async () => {
        await (action === 'link' ? auth.sendSignInLink(email) : auth.requestPasswordReset(email))
        this.say(action === 'link' ? s.authLinkSent : s.authResetSent)
      }, target)
    }
    if (action === 'code' || action === 'recovery') {
      void this.run(async () => {
        await auth.totp.signIn(action === 'code' ? { code } : { recoveryCode: code })
        this.values = {}
        this.show('signin', s.authSignedIn)
      }, target)
    }
    if (action === 'totp') void this.run(() => this.enrol(), target)
    if (action === 'enrol') {
      void this.run(async () => {
        const { recoveryCodes } = await auth.totp.confirm(code)
        this.values = {}
        this.enrolment = { recoveryCodes }
        this.show('enrol', s.authTotpOn)
      }, target)
    }
    if (action === 'done') this.show('signin')
    if (action === 'reset') {
      void this.run(async () => {
        // Every session ends with a reset, and only the token is known: sign in again.
        await auth.resetPassword(this.token, password)
        this.values = {}
        this.show('signin', s.authPasswordChanged)
      }, target)
    }
    if (action === 'signout') {
      void this.run(async () => {
        this.mode = 'signin'
        await auth.logout()
        this.say(s.authSignedOut)
        this.focusOn()
      }, target)
    }
    if (action === 'resend') {
      void this.run(async () => {
        const { status } = await auth.resendVerification()
        if (status === 'already_verified') {
          await auth.getSession()
          this.say(s.authConfirmed)
        } else this.sayNear(target, s.authResent)
      }, target)
    }
  }

  protected template(): Html {
    const s = this.s
    const user = this.client.auth.user
    const { mode, methods } = this
    // Enrolling staff have no session until they confirm; a member enrolling has one.
    if (mode === 'enrol') return enrolmentView(s, this.enrolment, this.values.code ?? '')
    if (user) {
      return html`<h2 tabindex="-1" part="heading">${format(s.authSignedInAs, { name: user.displayName })}</h2>
<p class="muted">${user.email}</p>
${!user.emailVerified && html`<p>${s.authUnverified}</p>`}
<p class="row">${button('signout', s.authSignOut)}${!user.emailVerified && button('resend', s.authResend, '', html`class="q"`)}${methods.totp && methods.totp !== 'off' && button('totp', s.authTotpSetup, '', html`class="q"`)}</p>`
    }
    const field = (name: string, label: string, type: string, autocomplete: string, hint = '') =>
      html`<label part="field">${label}<input part="input" id="${name}" name="${name}" type="${type}" autocomplete="${autocomplete}" required value="${this.values[name] ?? ''}" ${hint && html`aria-describedby="${name}-hint"`}></label>${hint && html`<small id="${name}-hint">${hint}</small>`}`
    const email = field('email', s.authEmail, 'email', 'username')
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
          password(s.authPassword, 'new-password'),
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
        : shown === 'signin'
          ? [
              button('view', s.authRegister, 'register', html`class="link"`),
              button('view', s.authForgot, 'forgot', html`class="link"`),
              methods.emailLink && button('view', s.authLinkAsk, 'link', html`class="link"`),
            ]
          : button('view', s.authBack, 'signin', html`class="link"`)
    return html`<h2 tabindex="-1" part="heading">${heading}</h2>
<form data-action="${shown}" part="form">${fields}<p><button part="button">${submit}</button></p></form>
<p class="row">${links}</p>`
  }
}
