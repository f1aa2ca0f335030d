import { type Auth, createAuth } from './auth.ts'
import { type ContactForm, createContactForm } from './contact.ts'
import type { CallOptions } from './core.ts'
import { createForum, type Forum } from './forum.ts'
import { createModeration, type Moderation } from './moderation.ts'
import { createNotifications, type Notifications } from './notifications.ts'
import { createPasskeys, type Passkeys } from './passkeys.ts'
import { type ClientOptions, type Connection, connect } from './session.ts'
import type { KeyValueStorage } from './storage.ts'

/**
 * Public information about the site a key belongs to.
 *
 * @example
 * const { id, name }: SiteInfo = await client.site()
 */
export interface SiteInfo {
  id: string
  name: string
}

/**
 * A Porchlight client, made by {@link createClient}. Its `request` carries the member's session,
 * and every feature on it shares that session.
 *
 * @example
 * const client: Client = createClient({ url: 'https://api.example.com', key: 'pk_…' })
 */
export interface Client extends Connection {
  /** Where the session is kept (`session.storage`). */
  readonly storage: KeyValueStorage
  /**
   * Fetches the public information of the site the key belongs to.
   *
   * @throws {PorchlightError} e.g. `INVALID_PUBLISHABLE_KEY` (401) when the key is unknown.
   * @example
   * const { name } = await client.site()
   */
  site(options?: CallOptions): Promise<SiteInfo>
  /**
   * Contact forms: submissions with a proof-of-work challenge solved in the page.
   *
   * @example
   * const { id } = await client.contactForm.submit('contact', { email, message })
   */
  readonly contactForm: ContactForm
  /**
   * Membership: sign-up, sign-in, the session and the member's account; passkeys at
   * `auth.passkey`.
   *
   * @example
   * await client.auth.login({ email, password })
   */
  readonly auth: Auth & { readonly passkey: Passkeys }
  /**
   * Discussions: categories, threads, posts, likes, flags, watches, search.
   *
   * @example
   * const { items } = await client.forum.threads('general')
   */
  readonly forum: Forum
  /**
   * The signed-in member's notifications and email preferences.
   *
   * @example
   * const count = await client.notifications.unreadCount()
   */
  readonly notifications: Notifications
  /**
   * Tools for moderators and admins.
   *
   * @example
   * await client.moderation.lockThread(threadId, 'Resolved')
   */
  readonly moderation: Moderation
}

/**
 * Creates a client for one site with every feature. A page that needs only one feature bundles
 * less with that feature's own factory, such as {@link createContactForm} or `createAuth`.
 *
 * @throws Nothing itself; each call documents what it throws.
 * @example
 * import { createClient } from '@porchlight/sdk'
 * const client = createClient({ url: 'https://api.example.com', key: 'pk_…' })
 * client.auth.onChange((user) => render(user))
 * const site = await client.site()
 */
export function createClient(options: ClientOptions): Client {
  const connection = connect(options)
  const { request, session } = connection
  return {
    request,
    session,
    storage: session.storage,
    site: (opts) => request('GET', '/v1/site', opts),
    contactForm: createContactForm(connection),
    auth: withPasskeys(createAuth(connection)),
    forum: createForum(connection),
    notifications: createNotifications(connection),
    moderation: createModeration(connection),
  }
}

/** The one-stop client's auth carries passkeys; `createAuth` alone leaves them out. */
function withPasskeys(auth: Auth): Auth & { readonly passkey: Passkeys } {
  return Object.assign(auth, { passkey: createPasskeys(auth) })
}
