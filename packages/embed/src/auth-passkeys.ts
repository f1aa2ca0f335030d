import type { Auth } from '../../sdk/src/auth.ts'
import type { Passkey, Passkeys } from '../../sdk/src/passkeys.ts'
import { button } from './element.ts'
import { type Html, html } from './html.ts'
import type { EmbedStrings } from './strings.ts'

/**
 * Passkeys in `<porchlight-auth>`: "Sign in with a passkey" (and passkeys offered in the email
 * field's autofill, where the browser can), and, signed in, the member's passkeys to add, rename
 * and remove.
 *
 * @example
 * const passkeys = authPasskeys(client.auth)
 * await passkeys.refresh()
 */
export function authPasskeys(auth: Auth & { readonly passkey: Passkeys }) {
  const { passkey } = auth
  let list: Passkey[] = []
  /** The autofill's waiting sign-in, ended when the member signs in another way. */
  let waiting: AbortController | undefined
  const stopWaiting = () => {
    waiting?.abort()
    waiting = undefined
  }
  const refresh = async () => {
    if (auth.user) stopWaiting()
    list = auth.user ? await passkey.list() : []
  }
  return {
    /** Reads the member's passkeys for the account view; stops the autofill once signed in. */
    refresh,
    /** A passkey sign-in with the browser's own prompt. */
    signIn() {
      stopWaiting()
      return passkey.signIn()
    },
    /**
     * Offers passkeys in the autofill of the email field (`autocomplete="username webauthn"`)
     * while nobody is signed in: `then` gets the sign-in once the member picks one.
     */
    autofill(then: (signIn: Promise<unknown>) => void) {
      if (auth.user || waiting) return
      waiting = new AbortController()
      const { signal } = waiting
      void passkey.isConditionalSupported().then((ok) => {
        if (!ok || signal.aborted) return
        const signIn = passkey.signIn({ conditional: true }, { signal })
        // Aborted because the member went another way: nothing to say.
        signIn.then(
          () => then(signIn),
          () => signal.aborted || then(signIn),
        )
      })
    },
    /** "Sign in with a passkey", where the site and the browser can. */
    button: (s: EmbedStrings, on?: boolean) =>
      on && passkey.isSupported() && button('passkey', s.authPasskeySignIn, '', html`class="q"`),
    /** The account view's list: each passkey's name, editable in place, and its removal. */
    view(s: EmbedStrings, on?: boolean): Html {
      if (!on) return html``
      const row = ({ id, name }: Passkey) =>
        html`<li><form data-action="pkname" data-id="${id}" part="form" class="row"><input part="input" name="name" required aria-label="${s.authPasskeyName}" value="${name}"><button part="button">${s.authPasskeySave}</button>${button('pkremove', s.authPasskeyRemove, id, html`class="q" aria-label="${s.authPasskeyRemove}: ${name}"`)}</form></li>`
      return html`<h3>${s.authPasskeys}</h3>
<ul class="passkeys">${list.map(row)}</ul>
<p>${passkey.isSupported() && button('pkadd', s.authPasskeyAdd, '', html`class="q"`)}</p>`
    },
    /** A click or form of the list; `undefined` when `action` is not theirs. */
    act(action: string, id: string, name = ''): Promise<unknown> | undefined {
      if (action === 'pkadd') return passkey.register().then(refresh)
      if (action === 'pkname') return passkey.rename(id, name).then(refresh)
      if (action === 'pkremove') return passkey.remove(id).then(refresh)
      return undefined
    },
  }
}
