import type { EmailLink } from '../../sdk/src/auth.ts'
import { button, PorchlightElement } from './element.ts'
import { type Html, html } from './html.ts'
import { format } from './strings.ts'

type Mode = 'signin' | 'register' | 'forgot' | 'reset'

/**
 * `<porchlight-auth>`: sign in, create an account, ask for a password reset link, and, signed
 * in, the member's name with sign out. Opened from an emailed link
 * (`?action=verify-email|reset-password|confirm-email-change&token=…`), it finishes that flow
 * and takes the token out of the address bar. Fires `porchlight:auth` (`detail.user`, the
 * account or `null`) whenever the member signs in or out or their account changes.
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

  protected start(): void {
    if (this.getAttribute('view') === 'register') this.mode = 'register'
    this.update()
    const link = this.client.auth.handleEmailLink()
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
    this.say(s.authConfirming)
    await this.run(async () => {
      await (action === 'verify-email' ? auth.verifyEmail(token) : auth.confirmEmailChange(token))
      this.say(action === 'verify-email' ? s.authConfirmed : s.authEmailChanged)
      this.focusOn()
    })
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
    const { email = '', password = '' } = data
    const signIn = async (message: string) => {
      await auth.login({ email, password })
      this.values = {}
      this.say(message)
      this.focusOn()
    }
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
    if (action === 'forgot') {
      void this.run(async () => {
        await auth.requestPasswordReset(email)
        this.say(s.authResetSent)
      }, target)
    }
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
    if (user) {
      return html`<h2 tabindex="-1" part="heading">${format(s.authSignedInAs, { name: user.displayName })}</h2>
<p class="muted">${user.email}</p>
${!user.emailVerified && html`<p>${s.authUnverified}</p>`}
<p class="row">${button('signout', s.authSignOut)}${!user.emailVerified && button('resend', s.authResend, '', html`class="q"`)}</p>`
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
    const { mode } = this
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
      reset: [s.authReset, [password(s.authNewPassword, 'new-password')], s.authSave],
    }[mode]
    return html`<h2 tabindex="-1" part="heading">${heading}</h2>
<form data-action="${mode}" part="form">${fields}<p><button part="button">${submit}</button></p></form>
<p class="row">${
      mode === 'signin'
        ? [
            button('view', s.authRegister, 'register', html`class="link"`),
            button('view', s.authForgot, 'forgot', html`class="link"`),
          ]
        : button('view', s.authBack, 'signin', html`class="link"`)
    }</p>`
  }
}
