import { createClient } from '@porchlight/sdk'

// Vite copies VITE_* variables from .env into the bundle at build time (see .env.example).
// The publishable key is meant to be public: the server accepts it only from the site's allowed
// origins. A secret key (`sk_…`) must never be put here: anyone can read a bundle.
const url = import.meta.env.VITE_PORCHLIGHT_URL ?? ''
const key = import.meta.env.VITE_PORCHLIGHT_KEY ?? ''

/** False until .env names a server and a key; main.ts then says what to do. */
export const configured = url !== '' && key !== ''

/**
 * The app's one Porchlight client. Its features (`contactForm`, `auth`, `forum`, `notifications`)
 * share the member's session, which the SDK keeps in localStorage and sends with every call.
 * `createClient` carries every feature; a page that needs only one can import its factory
 * instead (`createContactForm`, `createAuth`…) and bundle less.
 */
export const client = createClient({ url, key })
