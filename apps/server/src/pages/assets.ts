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
  /**
   * `dist` when read from a build (the embed package's, or the one inside the installed server);
   * `memory` when built at first use (an unbuilt checkout).
   */
  from: 'dist' | 'memory'
}

/**
 * Files the server serves as they are: the embed bundle, the demo site, the API reference
 * page's renderer, and the owner console. On Node they come from `file-assets.ts` (the installed package's
 * `dist/public`, or a source checkout); a runtime without them passes none, and then these routes
 * do not exist.
 */
export interface StaticAssets {
  /** The bundle, or `null` when it is neither built nor buildable here. */
  embed(): Promise<EmbedBundle | null>
  /** A file of `examples/static-site` by name (`contact.html`, `style.css`), or `null`. */
  demoFile(name: string): Promise<string | null>
  /** A file of the API reference's renderer (Swagger UI) by name, or `null` when it is missing. */
  apiReferenceFile(name: ApiReferenceFile): Promise<string | null>
  /**
   * The OpenAPI document as the build generated it, or `null`: then the app generates it from
   * its routes on the first request (a source checkout, whose routes may have changed since).
   */
  openApiDocument(): Promise<string | null>
  /**
   * A file of the owner console's build (`apps/console`) by its path below `/console/`:
   * `index.html` or `assets/<name>-<hash>.js` (see `isConsoleFile`); `null` when there is no such
   * file, or the console is neither built nor buildable here.
   */
  consoleFile(path: string): Promise<string | null>
}

/**
 * The paths a console file may have: its page, and the hashed files Vite names in `assets/`.
 * Named, never pathed: nothing outside the build's folder can be asked for.
 */
const consoleFilePath = /^(index\.html|assets\/[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*\.(js|css|svg))$/

export function isConsoleFile(path: string): boolean {
  return consoleFilePath.test(path)
}

/**
 * The files of `swagger-ui-dist` that `/docs/api` loads, by their names in that package: the
 * bundle (no standalone preset: the page has no top bar) and its stylesheet; and the licence
 * texts that must travel with them (Apache-2.0: its LICENSE and NOTICE, and the notices of what
 * the bundle contains, which the bundle's first line points to). Nothing else of the package is
 * copied or served.
 */
export const apiReferenceFiles = [
  'swagger-ui-bundle.js',
  'swagger-ui.css',
  'swagger-ui-bundle.js.LICENSE.txt',
  'LICENSE',
  'NOTICE',
] as const
export type ApiReferenceFile = (typeof apiReferenceFiles)[number]

export function isApiReferenceFile(name: string): name is ApiReferenceFile {
  return (apiReferenceFiles as readonly string[]).includes(name)
}

/**
 * Demo files are named, never pathed: nothing outside their folder can be asked for. The build
 * copies exactly the files this admits.
 */
export const demoFileName = /^[a-z0-9-]+\.(html|css)$/

/**
 * `dist/public/assets.json`, written by the build beside the files it describes: the bundle's
 * version (its versioned URL), the demo pages and the console's files it copied.
 *
 * @example
 * const manifest: PublicAssetsManifest = {
 *   embed: { version: '0.1.0' },
 *   demo: ['index.html'],
 *   console: ['index.html', 'assets/index-Bx1d.js'],
 * }
 */
export type PublicAssetsManifest = {
  embed: { version: string }
  demo: string[]
  /** The console's files, by their paths below `console/`. */
  console: string[]
}

/**
 * Where each file lies in the build's `dist/public`, a folder that mirrors the URLs the files
 * are served at, so a static file server (Workers static assets) can serve it as it is.
 */
export const publicPaths = {
  manifest: 'assets.json',
  embed: 'embed.js',
  embedMap: 'embed.js.map',
  versionedEmbed: (version: string) => `embed/${version}/embed.js`,
  versionedEmbedMap: (version: string) => `embed/${version}/embed.js.map`,
  demo: (name: string) => `demo/${name}`,
  apiReference: (name: ApiReferenceFile) => `docs/api/${name}`,
  openApiDocument: 'v1/openapi.json',
  console: (path: string) => `console/${path}`,
} as const
