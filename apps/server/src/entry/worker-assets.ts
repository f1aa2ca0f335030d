import {
  type ApiReferenceFile,
  demoFileName,
  type EmbedBundle,
  isApiReferenceFile,
  isConsoleFile,
  type PublicAssetsManifest,
  publicPaths,
  type StaticAssets,
} from '../pages/assets.ts'

/**
 * What the Worker needs of its Workers static assets binding (`[assets] binding = "ASSETS"`):
 * a fetch that answers with a file of `dist/public` by its path.
 */
export type AssetsBinding = {
  fetch(input: string): Promise<{ ok: boolean; text(): Promise<string> }>
}

/**
 * The Workers implementation of `StaticAssets`: `dist/public`, uploaded as the Worker's static
 * assets, read through the ASSETS binding, so the same page routes serve the embed bundle, the
 * demo pages, the API reference and the console on both runtimes; and the OpenAPI document the build made,
 * which spares each isolate generating it. A deployment's assets never change under a running isolate, so
 * each file is fetched once per isolate; a failed fetch is not remembered, and is tried again by
 * the next request.
 *
 * @example
 * const deps = createDeps({ config, client, db, assets: workerAssets(env.ASSETS) })
 */
export function workerAssets(binding: AssetsBinding): StaticAssets {
  let manifest: Promise<PublicAssetsManifest | null> | undefined
  let embed: Promise<EmbedBundle | null> | undefined
  const demo = new Map<string, Promise<string | null>>()
  const reference = new Map<ApiReferenceFile, Promise<string | null>>()
  let openApi: Promise<string | null> | undefined
  const consoleFiles = new Map<string, Promise<string | null>>()

  // The host is a placeholder: the binding serves by path alone.
  const read = async (path: string): Promise<string | null> => {
    const res = await binding.fetch(`https://assets.invalid/${path}`)
    return res.ok ? res.text() : null
  }
  const remembered = <T>(load: () => Promise<T | null>, forget: () => void) => {
    const pending = load().catch(() => null)
    pending.then((value) => value ?? forget())
    return pending
  }

  function readManifest() {
    manifest ??= remembered(
      async () => {
        const text = await read(publicPaths.manifest)
        return text === null ? null : (JSON.parse(text) as PublicAssetsManifest)
      },
      () => {
        manifest = undefined
      },
    )
    return manifest
  }

  async function readEmbed(): Promise<EmbedBundle | null> {
    const found = await readManifest()
    if (!found) return null
    const [code, map] = await Promise.all([read(publicPaths.embed), read(publicPaths.embedMap)])
    return code === null
      ? null
      : { version: found.embed.version, code, map: map ?? '', from: 'dist' }
  }

  return {
    embed() {
      embed ??= remembered(readEmbed, () => {
        embed = undefined
      })
      return embed
    },

    async demoFile(name) {
      // Only the files the build listed are fetched: any other name costs no request, and the
      // cache below holds at most what the folder holds.
      if (!demoFileName.test(name) || !(await readManifest())?.demo.includes(name)) return null
      let file = demo.get(name)
      if (!file) {
        file = remembered(
          () => read(publicPaths.demo(name)),
          () => demo.delete(name),
        )
        demo.set(name, file)
      }
      return file
    },

    apiReferenceFile(name) {
      if (!isApiReferenceFile(name)) return Promise.resolve(null)
      let file = reference.get(name)
      if (!file) {
        file = remembered(
          () => read(publicPaths.apiReference(name)),
          () => reference.delete(name),
        )
        reference.set(name, file)
      }
      return file
    },

    openApiDocument() {
      openApi ??= remembered(
        () => read(publicPaths.openApiDocument),
        () => {
          openApi = undefined
        },
      )
      return openApi
    },

    async consoleFile(path) {
      // As for the demo: only the build's own files are fetched (and remembered).
      if (!isConsoleFile(path) || !(await readManifest())?.console?.includes(path)) return null
      let file = consoleFiles.get(path)
      if (!file) {
        file = remembered(
          () => read(publicPaths.console(path)),
          () => consoleFiles.delete(path),
        )
        consoleFiles.set(path, file)
      }
      return file
    },
  }
}
