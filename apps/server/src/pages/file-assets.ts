import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { EmbedBundle, StaticAssets } from './assets.ts'

const checkout = fileURLToPath(new URL('../../../../', import.meta.url))

/** Demo files are named, never pathed: nothing outside the folder can be asked for. */
const demoFileName = /^[a-z0-9-]+\.(html|css)$/

/**
 * The bundle and the demo site from a source checkout (Node only). The bundle is read from
 * `packages/embed/dist` again whenever the build changes; when it has not been built, as in a
 * fresh clone after `npm install`, it is built once in memory with the package's own build
 * script, so `npm start` serves a working demo without a build step. An install without
 * esbuild (production dependencies only) must build first; until then there is no bundle.
 *
 * @example
 * const deps = createDeps({ config, client, assets: fileAssets() })
 */
export function fileAssets(root = checkout): StaticAssets {
  const embedDir = join(root, 'packages', 'embed')
  const dist = join(embedDir, 'dist', 'embed.js')
  let read: { stamp: string; bundle: EmbedBundle } | undefined
  let built: Promise<EmbedBundle | null> | undefined

  const version = async () =>
    JSON.parse(await readFile(join(embedDir, 'package.json'), 'utf8')).version as string

  async function buildInMemory(): Promise<EmbedBundle | null> {
    try {
      const script = pathToFileURL(join(embedDir, 'scripts', 'build.ts')).href
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
      return readFile(join(root, 'examples', 'static-site', name), 'utf8').catch(() => null)
    },
  }
}
