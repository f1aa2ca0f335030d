import { type ContactForm, createContactForm } from './contact.ts'
import {
  type CallOptions,
  type ConnectionOptions,
  createRequest,
  type RequestFunction,
} from './core.ts'
import { type KeyValueStorage, webStorage } from './storage.ts'

/**
 * Options for {@link createClient}.
 *
 * @example
 * const options: ClientOptions = { url: 'https://api.example.com', key: 'pk_live_…', timeout: 5000 }
 */
export interface ClientOptions extends ConnectionOptions {
  /** Defaults to `localStorage` when available, else memory. */
  storage?: KeyValueStorage
}

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
 * A Porchlight client, made by {@link createClient}.
 *
 * @example
 * const client: Client = createClient({ url: 'https://api.example.com', key: 'pk_live_…' })
 */
export interface Client {
  readonly storage: KeyValueStorage
  /**
   * The one request path every call goes through: JSON in and out, the key header, timeout.
   * Resolves to the parsed body, or `undefined` for an empty one.
   *
   * @throws {PorchlightError} on an error answer, a network failure, timeout or abort.
   * @example
   * const page = await client.request<Page>('GET', '/v1/things', { query: { limit: 20 } })
   */
  readonly request: RequestFunction
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
}

/**
 * Creates a client for one site with every feature. A page that needs only one feature bundles
 * less with that feature's own factory, such as {@link createContactForm}.
 *
 * @throws Nothing itself; each call documents what it throws.
 * @example
 * import { createClient } from '@porchlight/sdk'
 * const client = createClient({ url: 'https://api.example.com', key: 'pk_live_…' })
 * const site = await client.site()
 */
export function createClient(options: ClientOptions): Client {
  const request = createRequest(options)
  return {
    storage: options.storage ?? webStorage(),
    request,
    site: (opts) => request('GET', '/v1/site', opts),
    contactForm: createContactForm({ request }),
  }
}
