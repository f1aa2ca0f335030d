import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  type ApiReferenceFile,
  demoFileName,
  type EmbedBundle,
  isApiReferenceFile,
  isConsoleFile,
  type PublicAssetsManifest,
  publicPaths,
  type StaticAssets,
} from './assets.ts'

/**
 * The bundle, the demo site, the API reference's files, the OpenAPI document and the console from the build's
 * `dist/public`, as the published package carries them. An installed package never changes under a running server, so each file is read once.
 * A package built without them (a broken build) has no bundle, and `/embed.js` says so.
 *
 * @example
 * const assets = builtAssets(join(serverRoot, 'dist', 'public'))
 */
export function builtAssets(folder: string): StaticAssets {
  let embed: Promise<EmbedBundle | null> | undefined
  const demo = new Map<string, Promise<string | null>>()
  const reference = new Map<ApiReferenceFile, Promise<string | null>>()
  let openApi: Promise<string | null> | undefined
  const consoleFiles = new Map<string, Promise<string | null>>()
  const read = (path: string) => readFile(join(folder, path), 'utf8')

  async function readEmbed(): Promise<EmbedBundle | null> {
    try {
      const manifest = JSON.parse(await read(publicPaths.manifest)) as PublicAssetsManifest
      const [code, map] = await Promise.all([
        read(publicPaths.embed),
        read(publicPaths.embedMap).catch(() => ''),
      ])
      return { version: manifest.embed.version, code, map, from: 'dist' }
    } catch {
      return null
    }
  }

  return {
    embed() {
      embed ??= readEmbed()
      return embed
    },

    demoFile(name) {
      if (!demoFileName.test(name)) return Promise.resolve(null)
      let file = demo.get(name)
      if (!file) {
        file = read(publicPaths.demo(name)).catch(() => null)
        demo.set(name, file)
      }
      return file
    },

    apiReferenceFile(name) {
      if (!isApiReferenceFile(name)) return Promise.resolve(null)
      let file = reference.get(name)
      if (!file) {
        file = read(publicPaths.apiReference(name)).catch(() => null)
        reference.set(name, file)
      }
      return file
    },

    openApiDocument() {
      openApi ??= read(publicPaths.openApiDocument).catch(() => null)
      return openApi
    },

    consoleFile(path) {
      if (!isConsoleFile(path)) return Promise.resolve(null)
      let file = consoleFiles.get(path)
      if (!file) {
        file = read(publicPaths.console(path)).catch(() => null)
        consoleFiles.set(path, file)
      }
      return file
    },
  }
}
