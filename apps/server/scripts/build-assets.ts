// Assembles dist/public: the script tag's bundle (from packages/embed/dist, which the root
// `npm run build` builds first), the owner console (from apps/console/dist, likewise), the demo
// pages (examples/static-site), the API reference's renderer (swagger-ui-dist) and the OpenAPI
// document generated from the routes, laid out as the URLs they are served at. The published server serves this folder on Node (src/pages/
// built-assets.ts), and it is what a Worker deployment uploads as static assets. `npm run build`
// in apps/server runs it after tsup; wrangler.toml's [build] runs it before each Worker build.
import type { Dirent } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { commonPasswordsFrontCoded } from '../src/auth/common-passwords.generated.ts'
import { commonPasswordsAssetPath } from '../src/auth/common-passwords.ts'
import {
  apiReferenceFiles,
  demoFileName,
  isConsoleFile,
  type PublicAssetsManifest,
  publicPaths,
} from '../src/pages/assets.ts'
import { checkoutSources } from '../src/pages/checkout-assets.ts'
import { referenceOpenApiDocument } from './openapi.ts'

const serverRoot = fileURLToPath(new URL('..', import.meta.url))

/**
 * Writes `<serverRoot>/dist/public` afresh and returns its manifest.
 *
 * @example
 * const { embed } = await buildPublicAssets()
 */
export async function buildPublicAssets(root = serverRoot): Promise<PublicAssetsManifest> {
  const { embedPackage, consolePackage, demoSite, apiReferenceRenderer } = checkoutSources(root)
  const renderer = apiReferenceRenderer()
  if (!renderer) {
    throw new Error(
      'swagger-ui-dist is not installed: run `npm install` at the repository root (it is a development dependency the build copies from).',
    )
  }
  const out = join(root, 'dist', 'public')
  const bundle = join(embedPackage, 'dist', 'embed.js')
  const [code, map, embedManifest] = await Promise.all([
    readFile(bundle, 'utf8').catch(() => {
      throw new Error(
        `${bundle} is missing: build @porchlight/embed first (\`npm run build\` at the repository root builds both, in order).`,
      )
    }),
    readFile(`${bundle}.map`, 'utf8'),
    readFile(join(embedPackage, 'package.json'), 'utf8'),
  ])
  const version = (JSON.parse(embedManifest) as { version: string }).version
  const demo = (await readdir(demoSite)).filter((name) => demoFileName.test(name)).sort()
  const consoleDist = join(consolePackage, 'dist')
  const consoleFiles = await consoleBuild(consoleDist)

  const manifest: PublicAssetsManifest = { embed: { version }, demo, console: consoleFiles }
  const files = new Map<string, () => Promise<string>>([
    // The bundle names its map by a relative URL (`embed.js.map`), so a copy beside each works.
    [publicPaths.embed, async () => code],
    [publicPaths.embedMap, async () => map],
    [publicPaths.versionedEmbed(version), async () => code],
    [publicPaths.versionedEmbedMap(version), async () => map],
    ...demo.map((name): [string, () => Promise<string>] => [
      publicPaths.demo(name),
      () => readFile(join(demoSite, name), 'utf8'),
    ]),
    ...consoleFiles.map((path): [string, () => Promise<string>] => [
      publicPaths.console(path),
      () => readFile(join(consoleDist, path), 'utf8'),
    ]),
    ...apiReferenceFiles.map((name): [string, () => Promise<string>] => [
      publicPaths.apiReference(name),
      () => readFile(join(renderer, name), 'utf8'),
    ]),
    // Spares a Worker generating it on its first request (docs/architecture.md).
    [publicPaths.openApiDocument, async () => JSON.stringify(await referenceOpenApiDocument())],
    [publicPaths.manifest, async () => `${JSON.stringify(manifest, null, 2)}\n`],
    // Read by the Worker at its first registration instead of carried in its code (~22 KiB gzip):
    // never served at this path (the Worker runs first for every request).
    [commonPasswordsAssetPath, async () => commonPasswordsFrontCoded],
  ])
  for (const [path, content] of files) await replaceFile(join(out, path), await content())
  await removeAllBut(out, new Set(files.keys()))
  return manifest
}

/** The console's built files, by their paths below its `dist/`; fails when it was not built. */
async function consoleBuild(dist: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true }).catch(() => [])
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(isConsoleFile)
    .sort()
  if (!files.includes('index.html')) {
    throw new Error(
      `${dist} is missing: build @porchlight/console first (\`npm run build\` at the repository root builds it, in order).`,
    )
  }
  return files
}

// wrangler runs this before each Worker build, and builds may run at once (test files,
// `wrangler dev` while it watches) while others read the folder: so the folder is never removed,
// and each file is replaced whole, by renaming a finished copy over it.
async function replaceFile(path: string, content: string) {
  await mkdir(dirname(path), { recursive: true })
  const partial = `${path}.${process.pid}-${Math.random().toString(36).slice(2)}${partialSuffix}`
  await writeFile(partial, content)
  await rename(partial, path)
}

const partialSuffix = '.partial'

/** Removes what an earlier build left and this one did not write: an older version's bundle. */
async function removeAllBut(folder: string, keep: Set<string>) {
  const entries = await listTolerantly(folder)
  for (const entry of entries) {
    const path = relative(folder, join(entry.parentPath, entry.name))
    // Another build's file in the making is its own to finish.
    if (!entry.isFile() || keep.has(path) || path.endsWith(partialSuffix)) continue
    await rm(join(folder, path), { force: true })
  }
  for (const entry of entries.filter((e) => e.isDirectory()).reverse()) {
    // Only empty folders go (rmdir refuses others): the ones an older version's files were in.
    await rmdir(join(entry.parentPath, entry.name)).catch(() => {})
  }
}

/**
 * Every entry below `folder`. A build running at the same time may remove a folder while this
 * one walks it (an older version's); what is gone is simply not listed.
 */
async function listTolerantly(folder: string): Promise<Dirent[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  })
  const nested = await Promise.all(
    entries.filter((e) => e.isDirectory()).map((e) => listTolerantly(join(folder, e.name))),
  )
  return [...entries, ...nested.flat()]
}

if (import.meta.main) {
  const { embed, demo, console: files } = await buildPublicAssets()
  console.log(
    `dist/public: embed.js and embed/${embed.version}/embed.js, console/ (${files.length} files), demo/ (${demo.length} files), docs/api/, v1/openapi.json`,
  )
}
