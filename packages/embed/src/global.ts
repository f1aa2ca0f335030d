import type * as sdk from '../../sdk/src/index.ts'
import {
  type Client,
  type ContactForm,
  createAuth,
  createClient,
  createContactForm,
  createForum,
  createModeration,
  createNotifications,
  createOAuth,
  createPasskeys,
  createRequest,
  isConfigurationError,
  isPorchlightError,
  memoryStorage,
  PorchlightError,
  webStorage,
} from '../../sdk/src/index.ts'
import { PorchlightAuth } from './auth-element.ts'
import type { EmbedConfig } from './config.ts'
import { setComponentContext } from './element.ts'
import { enhanceForm, type FormContext } from './forms.ts'
import { PorchlightForum } from './forum-element.ts'
import { PorchlightNotifications } from './notifications-element.ts'
import { defaultStrings, type EmbedStrings, mergeStrings, type StringOverrides } from './strings.ts'

/**
 * `window.Porchlight` as the script tag installs it: one client for the page, the strings, and
 * every export of `@porchlight/sdk` (`createClient`, `isPorchlightError`…), so it can stand in for
 * the SDK's own script-tag build. The web components and the site's own code share the client,
 * and with it the member's session.
 *
 * @example
 * const { client, isPorchlightError } = window.Porchlight
 * const site = await client.site()
 */
export interface PorchlightEmbed extends SdkExports {
  /** The SDK client for this page's site, configured from the script tag. */
  readonly client: Client
  /** What the script tag said: key, API base, session transport. */
  readonly config: EmbedConfig
  /** The strings in use; change them with `setStrings`. */
  readonly strings: EmbedStrings
  /**
   * Replaces some strings (see `defaultStrings` for the names). Messages shown from then on use
   * them; components on the page re-render on the `porchlight:strings` event it fires on
   * `document`.
   *
   * @throws Nothing.
   * @example
   * Porchlight.setStrings({ formSent: 'Danke!', errors: { RATE_LIMITED: 'Bitte später erneut.' } })
   */
  setStrings(changes: StringOverrides): void
  /**
   * Enhances the contact forms in `root` (a form, or an element containing forms; default the
   * whole document). Forms added to the page later are found by themselves; this is for forms
   * in a shadow root, which the embed cannot see.
   *
   * @throws Nothing.
   * @example
   * Porchlight.enhance(dialog.shadowRoot)
   */
  enhance(root?: ParentNode): void
}

/** Everything `@porchlight/sdk` exports at run time. */
type SdkExports = typeof sdk

/** What the embed reads from and writes to the page's global scope. */
interface PageGlobals {
  Porchlight?: Partial<PorchlightEmbed>
  /** Strings to use from the start: set before the script tag. */
  PorchlightEmbedStrings?: StringOverrides
}

/**
 * Sets up the page for a site: creates the client, installs `window.Porchlight`, enhances the
 * contact forms now and as they are added, and defines the web components (`<porchlight-auth>`,
 * `<porchlight-forum>`, `<porchlight-notifications>`). A second copy of the embed on the same
 * page (a script tag and a module, say) reuses the first one's `Porchlight`, so nothing happens
 * twice. Needs a DOM: the script tag (src/index.ts) and `install` (src/module.ts) call it only
 * in a page.
 *
 * @throws Nothing.
 * @example
 * setUpPage(readConfig(document.currentScript as HTMLScriptElement, location.href))
 */
export function setUpPage(config: EmbedConfig, overrides?: StringOverrides): PorchlightEmbed {
  const page = globalThis as unknown as PageGlobals
  if (page.Porchlight?.client) return page.Porchlight as PorchlightEmbed
  const client = createClient(config)
  let strings = mergeStrings(mergeStrings(defaultStrings, page.PorchlightEmbedStrings), overrides)

  // A form whose action names another site's key gets a contact form API of its own.
  const otherSites = new Map<string, ContactForm>()
  const context: FormContext = {
    url: config.url,
    contactForm(key) {
      if (!key || key === config.key) return client.contactForm
      const found = otherSites.get(key) ?? createContactForm({ url: config.url, key })
      otherSites.set(key, found)
      return found
    },
    strings: () => strings,
  }
  const enhance = (root: ParentNode = document) => {
    if (root instanceof HTMLFormElement) enhanceForm(root, context)
    else for (const form of root.querySelectorAll('form')) enhanceForm(form, context)
  }

  const porchlight: PorchlightEmbed = {
    // The SDK's exports one by one, not spread from `import * as sdk`: a namespace object costs
    // the bundle a getter per export. `PorchlightEmbed` extends them all, so the compiler names
    // any one left out.
    createAuth,
    createClient,
    createContactForm,
    createForum,
    createModeration,
    createNotifications,
    createOAuth,
    createPasskeys,
    createRequest,
    isConfigurationError,
    isPorchlightError,
    memoryStorage,
    PorchlightError,
    webStorage,
    client,
    config,
    get strings() {
      return strings
    },
    setStrings(changes) {
      strings = mergeStrings(strings, changes)
      document.dispatchEvent(new Event('porchlight:strings'))
    },
    enhance,
  }
  page.Porchlight = porchlight

  setComponentContext({ client, strings: () => strings })
  const components = [
    ['porchlight-auth', PorchlightAuth],
    ['porchlight-forum', PorchlightForum],
    ['porchlight-notifications', PorchlightNotifications],
  ] as const
  for (const [name, element] of components) {
    // Another bundle on the page (an older copy, say) may have defined them first.
    if (!customElements.get(name)) customElements.define(name, element)
  }

  const start = () => {
    enhance()
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) enhance(node)
      }
    }).observe(document.documentElement, { childList: true, subtree: true })
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
  else start()
  return porchlight
}
