import type { Auth, SignInMethods } from '../../sdk/src/auth.ts'
import { createOAuth, type LinkedIdentity } from '../../sdk/src/oauth.ts'
import { button } from './element.ts'
import { type Html, html } from './html.ts'
import { type EmbedStrings, format } from './strings.ts'

type Provider = SignInMethods['providers'][number]

/**
 * "Sign in with …" in `<porchlight-auth>`: a "Continue with …" button per provider the site
 * offers; signed in, the linked ones with "Unlink" and the others with "Link". Finishes the
 * flow when the page comes back from a provider with the result in its URL.
 *
 * @example
 * const providers = authProviders(client.auth)
 * if (providers.pending()) await providers.complete()
 */
export function authProviders(auth: Auth) {
  const oauth = createOAuth(auth)
  let linked: LinkedIdentity[] = []
  return {
    /** The page came back from a provider: its result is in the URL's fragment. */
    pending: () => location.hash.includes('porchlight_oauth'),
    complete: () => oauth.complete(),
    /** The member's linked providers, for the account view. */
    refresh: async () => {
      linked = auth.user ? await oauth.identities.list() : []
    },
    /** The buttons for `providers`: to sign in with, or (signed in) to link and unlink. */
    view(s: EmbedStrings, providers: Provider[] = [], signedIn = false): Html[] {
      return providers.map(({ id, name }) => {
        const has = signedIn && linked.some((l) => l.provider === id)
        const label = signedIn ? (has ? s.authUnlink : s.authLink) : s.authContinueWith
        return button(has ? 'unlink' : 'oauth', format(label, { name }), id, html`class="q"`)
      })
    },
    /** A click on one of those buttons; `undefined` when `action` is not theirs. */
    act(action: string, id: string) {
      if (action === 'oauth') return auth.user ? oauth.link(id) : oauth.signIn(id)
      if (action === 'unlink') return oauth.identities.unlink(id).then(this.refresh)
      return undefined
    },
  }
}
