import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { demoFileName, type EmbedBundle, type StaticAssets } from './assets.ts'

/**
 * Where a source checkout keeps what the server serves: the embed package and the demo site,
 * found from the server package's own folder (`apps/server`), wherever the code runs from.
 *
 * @example
 * const { embedPackage, demoSite } = checkoutSources('/src/porchlight/apps/server')
 */
export function checkoutSources(serverRoot: string) {
  const repository = join(serverRoot, '..', '..')
  return {
    embedPackage: join(repository, 'packages', 'embed'),
    demoSite: join(repository, 'examples', 'static-site'),
  }
}

/**
 * The bundle and the demo site from a source checkout. The bundle is read from
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
  const { embedPackage, demoSite } = checkoutSources(serverRoot)
  const dist = join(embedPackage, 'dist', 'embed.js')
  let read: { stamp: string; bundle: EmbedBundle } | undefined
  let built: Promise<EmbedBundle | null> | undefined

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
  }
}
