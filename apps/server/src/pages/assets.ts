/**
 * The script tag's bundle as the server hands it out.
 *
 * @example
 * const bundle: EmbedBundle = { version: '0.1.0', code: '…', map: '{…}', from: 'dist' }
 */
export type EmbedBundle = {
  /** `@porchlight/embed`'s version, which names the long-cached URL `/embed/<version>/embed.js`. */
  version: string
  code: string
  /** Its source map; empty when there is none. */
  map: string
  /** `dist` when read from the build; `memory` when built at first use (an unbuilt checkout). */
  from: 'dist' | 'memory'
}

/**
 * Files the server serves as they are: the embed bundle and the demo site. The Node entry reads
 * them from the source checkout (`file-assets.ts`); the Worker has none (a deployment there can
 * serve `packages/embed/dist` as static assets), and then these routes do not exist.
 */
export interface StaticAssets {
  /** The bundle, or `null` when it is neither built nor buildable here. */
  embed(): Promise<EmbedBundle | null>
  /** A file of `examples/static-site` by name (`contact.html`, `style.css`), or `null`. */
  demoFile(name: string): Promise<string | null>
}
