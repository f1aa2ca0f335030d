import { type Account, isPorchlightError } from '@porchlight/sdk'
import { onSubmit, text } from './forms.ts'
import { client } from './porchlight.ts'

const { auth } = client

/** Sign up, sign in and sign out, with the signed-in account shown here and in the header. */
export function mountAccount(section: HTMLElement, summary: HTMLElement): void {
  const $ = <T extends HTMLElement = HTMLElement>(selector: string) =>
    section.querySelector(selector) as T
  const status = $('#account-status')

  function render(user: Account | null) {
    summary.textContent = user ? `Signed in as ${user.displayName}` : 'Not signed in'
    $('#signed-out').hidden = user !== null
    $('#signed-in').hidden = user === null
    if (!user) return
    $('#account-name').textContent = user.displayName
    $('#account-email').textContent = user.email
    $('#resend-form').hidden = user.emailVerified
  }
  // `auth.user` is known at page load without a request: the SDK keeps the account with the
  // session. onChange reports every change after that: sign-in, sign-out, a session that ended
  // on the server (revoked, expired), a verified address, and the same in the app's other tabs.
  render(auth.user)
  auth.onChange(render)

  onSubmit($('#register-form'), async (data) => {
    // Registering does not sign in, and answers the same for an address that already has an
    // account (its owner gets an email instead), so nobody learns who is registered here.
    await auth.register({
      displayName: text(data, 'displayName'),
      email: text(data, 'email'),
      password: text(data, 'password'),
    })
    return 'Check your inbox for a link to verify your address, then sign in.'
  })

  onSubmit($('#login-form'), async (data) => {
    await auth.login({ email: text(data, 'email'), password: text(data, 'password') })
    $<HTMLFormElement>('#login-form').reset()
    return undefined // onChange has shown the account
  })

  onSubmit($('#resend-form'), async () => {
    const { status } = await auth.resendVerification()
    return status === 'verification_sent' ? 'A new link is on its way.' : 'Already verified.'
  })

  onSubmit(
    $('#logout-form'),
    async () => {
      // Forgets the session here even when the server cannot be reached (and then throws).
      await auth.logout()
      return 'Signed out.'
    },
    status,
  )

  void finishEmailLink(status)
}

/**
 * Emailed links come back to this page as `…?action=verify-email&token=…` (where they point is
 * the site's `linkTemplate`: see the README). Finish the flow, then take the one-time token out
 * of the address bar and the history.
 */
async function finishEmailLink(status: HTMLElement) {
  const link = auth.handleEmailLink()
  // Password resets and email changes come back the same way; this app only shows verification.
  if (link?.action !== 'verify-email') return
  history.replaceState(null, '', location.pathname)
  try {
    await auth.verifyEmail(link.token) // signed in or not; when signed in, onChange fires
    status.textContent = 'Your email address is verified.'
  } catch (error) {
    if (!isPorchlightError(error)) throw error
    status.textContent = error.message // INVALID_TOKEN: used, expired, or cut short by a mail app
  }
}
