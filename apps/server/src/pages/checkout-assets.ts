import { readFile, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  type ApiReferenceFile,
  demoFileName,
  type EmbedBundle,
  isApiReferenceFile,
  isConsoleFile,
  type StaticAssets,
} from './assets.ts'

/**
 * Where a source checkout keeps what the server serves: the embed package, the console, the demo
 * site and the API reference's renderer, found from the server package's own folder (`apps/server`), wherever the code runs from.
 *
 * @example
 * const { embedPackage, demoSite } = checkoutSources('/src/porchlight/apps/server')
 */
export function checkoutSources(serverRoot: string) {
  const repository = join(serverRoot, '..', '..')
  return {
    embedPackage: join(repository, 'packages', 'embed'),
    consolePackage: join(repository, 'apps', 'console'),
    demoSite: join(repository, 'examples', 'static-site'),
    apiReferenceRenderer: () => swaggerUiFolder(serverRoot),
  }
}

/**
 * `swagger-ui-dist`'s folder, as Node resolves it from the server package (a development
 * dependency of the repository: installed in a checkout, absent from a production install), or
 * `null` when it is not installed.
 */
function swaggerUiFolder(serverRoot: string): string | null {
  try {
    const require = createRequire(join(serverRoot, 'package.json'))
    return dirname(require.resolve('swagger-ui-dist/package.json'))
  } catch {
    return null
  }
}

/**
 * The bundle, the console and the demo site from a source checkout. The bundle is read from
 * `packages/embed/dist` again whenever the build changes; when it has not been built, as in a
 * fresh clone after `npm install`, it is built once in memory with the package's own build
 * script, so `npm start` serves a working demo without a build step. A checkout installed
 * without esbuild (production dependencies only) must build first; until then there is no
 * bundle.
 *
 * @example
 * const assets = checkoutAssets(serverRoot)
 */
export function checkoutAssets(serverRoot: string): StaticAssets {
  const { embedPackage, consolePackage, demoSite, apiReferenceRenderer } =
    checkoutSources(serverRoot)
  const dist = join(embedPackage, 'dist', 'embed.js')
  const consoleDist = join(consolePackage, 'dist')
  let consoleBuilt: Promise<Map<string, string> | null> | undefined
  let read: { stamp: string; bundle: EmbedBundle } | undefined
  let built: Promise<EmbedBundle | null> | undefined
  // The renderer changes only with `npm install`, so each file is read once.
  const reference = new Map<ApiReferenceFile, Promise<string | null>>()

  const version = async () =>
    JSON.parse(await readFile(join(embedPackage, 'package.json'), 'utf8')).version as string

  async function buildInMemory(): Promise<EmbedBundle | null> {
    try {
      const script = pathToFileURL(join(embedPackage, 'scripts', 'build.ts')).href
      const { buildEmbed } = (await import(script)) as {
        buildEmbed(options: { write: boolean }): Promise<{ code: string; map: string }>
      }
      return { version: await version(), ...(await buildEmbed({ write: false })), from: 'memory' }
    } catch {
      return null
    }
  }

  // Vite, a development dependency, builds it: a checkout installed without it has no console
  // until it is built (`npm run build`), and the page says so.
  async function buildConsoleInMemory(): Promise<Map<string, string> | null> {
    try {
      const script = pathToFileURL(join(consolePackage, 'scripts', 'build.ts')).href
      const { buildConsole } = (await import(script)) as {
        buildConsole(options: { write: boolean }): Promise<Map<string, string>>
      }
      return await buildConsole({ write: false })
    } catch {
      return null
    }
  }

  return {
    async embed() {
      const file = await stat(dist).catch(() => null)
      if (!file) {
        built ??= buildInMemory()
        return built
      }
      const stamp = `${file.mtimeMs}:${file.size}`
      if (read?.stamp !== stamp) {
        const [code, map, current] = await Promise.all([
          readFile(dist, 'utf8'),
          readFile(`${dist}.map`, 'utf8').catch(() => ''),
          version(),
        ])
        read = { stamp, bundle: { version: current, code, map, from: 'dist' } }
      }
      return read.bundle
    },

    async demoFile(name) {
      if (!demoFileName.test(name)) return null
      return readFile(join(demoSite, name), 'utf8').catch(() => null)
    },

    apiReferenceFile(name) {
      if (!isApiReferenceFile(name)) return Promise.resolve(null)
      let file = reference.get(name)
      if (!file) {
        const folder = apiReferenceRenderer()
        file = folder
          ? readFile(join(folder, name), 'utf8').catch(() => null)
          : Promise.resolve(null)
        reference.set(name, file)
      }
      return file
    },

    // Generated from the routes as they are now: a checkout's routes change while developing.
    async openApiDocument() {
      return null
    },

    // The console's own build when there is one (read afresh: it is rebuilt while developing),
    // otherwise built in memory once, as the embed bundle is.
    async consoleFile(path) {
      if (!isConsoleFile(path)) return null
      if (await stat(join(consoleDist, 'index.html')).catch(() => null)) {
        return readFile(join(consoleDist, path), 'utf8').catch(() => null)
      }
      consoleBuilt ??= buildConsoleInMemory()
      return (await consoleBuilt)?.get(path) ?? null
    },
  }
}
