// The web components and events as TypeScript sees them: the attributes each element reads, the
// element types `document.querySelector('porchlight-forum')` returns, and the events the embed
// dispatches. Types only. The JSX declarations for React, Preact and Vue (types/*.d.ts) are
// built on the attribute types here.
import type { Account, PorchlightError } from '../../sdk/src/index.ts'

/**
 * The `theme` attribute: a fixed light or dark look. Without it, the elements follow the
 * visitor's setting (`prefers-color-scheme`).
 *
 * @example
 * const theme: Theme = 'dark'
 */
export type Theme = 'light' | 'dark'

/**
 * What `<porchlight-auth>` reads from its attributes.
 *
 * @example
 * const attributes: PorchlightAuthAttributes = { view: 'register' }
 */
export interface PorchlightAuthAttributes {
  /** `register` opens on the registration form; the default is the sign-in form. */
  view?: 'register' | 'sign-in'
  theme?: Theme
}

/**
 * What `<porchlight-forum>` reads from its attributes.
 *
 * @example
 * const attributes: PorchlightForumAttributes = { category: 'general', 'signin-href': '/members' }
 */
export interface PorchlightForumAttributes {
  /** The category's slug. */
  category: string
  /** Where "Sign in to take part." links, e.g. the page with `<porchlight-auth>`. */
  'signin-href'?: string
  /** Seconds between checks of an open thread for changes; default 15. */
  poll?: number | string
  theme?: Theme
}

/**
 * What `<porchlight-notifications>` reads from its attributes.
 *
 * @example
 * const attributes: PorchlightNotificationsAttributes = { href: '/forum#thread-{thread}' }
 */
export interface PorchlightNotificationsAttributes {
  /** Where a notification leads: `{thread}`, `{post}` and `{number}` are filled in. */
  href?: string
  /** Seconds between counts of unread notifications; default 60. */
  poll?: number | string
  theme?: Theme
}

/**
 * Each element's attributes by tag name, for typing them in a framework's templates or JSX
 * (see the package's `react`, `preact` and `vue` type entries).
 *
 * @example
 * const forum: PorchlightElementAttributes['porchlight-forum'] = { category: 'general' }
 */
export interface PorchlightElementAttributes {
  'porchlight-auth': PorchlightAuthAttributes
  'porchlight-forum': PorchlightForumAttributes
  'porchlight-notifications': PorchlightNotificationsAttributes
}

/**
 * `<porchlight-auth>`: sign-in, registration, password reset, and the signed-in member.
 *
 * @example
 * const auth = document.querySelector('porchlight-auth') // PorchlightAuthElement | null
 */
export interface PorchlightAuthElement extends HTMLElement {}

/**
 * `<porchlight-forum category="…">`: a category's threads and their posts.
 *
 * @example
 * const forum = document.querySelector('porchlight-forum') // PorchlightForumElement | null
 */
export interface PorchlightForumElement extends HTMLElement {}

/**
 * `<porchlight-notifications>`: the signed-in member's notification bell.
 *
 * @example
 * const bell = document.querySelector('porchlight-notifications')
 */
export interface PorchlightNotificationsElement extends HTMLElement {}

/**
 * The events the embed dispatches, all bubbling: `porchlight:auth` from `<porchlight-auth>`
 * (also composed, so it crosses shadow roots), `porchlight:sent` and `porchlight:error` from an
 * enhanced contact form.
 *
 * @example
 * form.addEventListener('porchlight:sent', (event) => console.log(event.detail.id))
 */
export interface PorchlightEventMap {
  /** The member signed in or out, or their account changed; `user` is `null` once signed out. */
  'porchlight:auth': CustomEvent<{ user: Account | null }>
  /** A contact form's submission was accepted, with the id the server gave it. */
  'porchlight:sent': CustomEvent<{ id: string }>
  /** A contact form's submission failed. */
  'porchlight:error': CustomEvent<{ error: PorchlightError }>
}

declare global {
  interface HTMLElementTagNameMap {
    'porchlight-auth': PorchlightAuthElement
    'porchlight-forum': PorchlightForumElement
    'porchlight-notifications': PorchlightNotificationsElement
  }
  // They bubble, so any element on the way up may listen.
  interface HTMLElementEventMap extends PorchlightEventMap {}
}
