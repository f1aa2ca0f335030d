/**
 * What the script tag configures, read once from the `<script>` element that loaded the bundle.
 *
 * @example
 * // <script src="https://api.example.com/embed.js" data-key="pk_…" defer></script>
 * const config: EmbedConfig = { key: 'pk_…', url: 'https://api.example.com', session: 'bearer' }
 */
export interface EmbedConfig {
  /** The site's publishable key, `pk_…`, from `data-key`; empty when the tag has none. */
  key: string
  /** The API base: `data-api` when given, else the origin the script was loaded from. */
  url: string
  /** `cookie` with `data-session="cookie"` (an API on the site's own domain), else `bearer`. */
  session: 'bearer' | 'cookie'
}

/** The parts of a `<script>` element the configuration comes from. */
export type ScriptTag = Pick<HTMLScriptElement, 'src' | 'dataset'>

/**
 * Reads the configuration from the script tag. Without a tag (the bundle inlined, say), the page's
 * own origin is the API base, as when the server serves the page.
 *
 * @throws Nothing: a malformed `data-api` falls back to the script's origin.
 * @example
 * const config = readConfig(document.currentScript as HTMLScriptElement, location.href)
 */
export function readConfig(script: ScriptTag | null, pageUrl: string): EmbedConfig {
  const data = script?.dataset ?? {}
  // A script served from the API itself: its origin is the API. From a CDN, data-api says where.
  let url = new URL(script?.src || pageUrl, pageUrl).origin
  try {
    if (data.api) url = new URL(data.api, pageUrl).href
  } catch {}
  return {
    key: data.key ?? '',
    url: url.replace(/\/+$/, ''),
    session: data.session === 'cookie' ? 'cookie' : 'bearer',
  }
}
