// The package's module entry (dist/index.js): `import { install } from '@porchlight/embed'` in
// an app that bundles its own code, where the script tag's bundle (src/index.ts) is not used.
// Importing it does nothing by itself, in a browser or on a server: a server-rendered app can
// import it anywhere, and calls `install` once the page runs.
import { readConfig } from './config.ts'
import { type PorchlightEmbed, setUpPage } from './global.ts'
import type { StringOverrides } from './strings.ts'

export type { EmbedConfig } from './config.ts'
export type * from './element-types.ts'
export type { PorchlightEmbed } from './global.ts'
export type { EmbedStrings, StringOverrides } from './strings.ts'

/**
 * What {@link install} takes: the script tag's `data-*` attributes, as options.
 *
 * @example
 * const options: EmbedOptions = { key: 'pk_…', url: 'https://api.example.com' }
 */
export interface EmbedOptions {
  /** The site's publishable key, `pk_…`: safe in a page, accepted only from the site's origins. */
  key: string
  /** The API base, e.g. `https://api.example.com`; default the page's own origin. */
  url?: string
  /** `cookie` for an API on the site's own domain (an HttpOnly session cookie); default `bearer`. */
  session?: 'bearer' | 'cookie'
  /** Strings to use from the start (see `defaultStrings` in the README). */
  strings?: StringOverrides
}

/**
 * Does in a page what the script tag does: creates the site's client, installs
 * `window.Porchlight`, enhances the contact forms (now and as they are added) and defines
 * `<porchlight-auth>`, `<porchlight-forum>` and `<porchlight-notifications>`. Called again, or
 * beside a script tag, it returns the first setup. Without a page (server rendering, a Worker,
 * Node) it does nothing and returns `null`.
 *
 * @throws Nothing.
 * @example
 * import { install } from '@porchlight/embed'
 * const porchlight = install({ key: 'pk_…', url: 'https://api.example.com' })
 * porchlight?.client.auth.onChange((user) => console.log(user?.displayName))
 */
export function install({ key, url, session, strings }: EmbedOptions): PorchlightEmbed | null {
  if (typeof document !== 'object' || typeof customElements !== 'object') return null
  // The options stand in for the tag's attributes; an empty `src` makes the page the API's origin.
  const config = readConfig({ src: '', dataset: { key, api: url, session } }, location.href)
  return setUpPage(config, strings)
}
