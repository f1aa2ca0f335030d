// Builds dist/embed.js, the script tag's bundle: one minified IIFE and its source map, built
// from src/ and the SDK's sources. `npm run build` (or `node packages/embed/scripts/build.ts`)
// writes it and prints its size; the server imports `buildEmbed` to build it in memory when a
// checkout has not been built yet.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { type BuildOptions, build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The package's version, for the banner and the server's versioned URL. */
export async function embedVersion(): Promise<string> {
  const manifest = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'))
  return manifest.version as string
}

/** How the bundle is built; scripts/size.ts measures the same build. */
export async function embedBuildOptions(): Promise<BuildOptions> {
  return {
    entryPoints: ['src/index.ts'],
    absWorkingDir: root,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Every browser with AbortSignal.timeout (Safari 16, Chrome 103, Firefox 100): the SDK's floor.
    target: ['es2022', 'safari16'],
    minify: true,
    sourcemap: 'linked',
    outfile: 'dist/embed.js',
    banner: { js: `/*! @porchlight/embed ${await embedVersion()} | MIT */` },
    write: false,
  }
}

export type EmbedBuild = { code: string; map: string }

/**
 * Builds the bundle; with `write`, into dist/embed.js and dist/embed.js.map.
 *
 * @example
 * const { code, map } = await buildEmbed({ write: false })
 */
export async function buildEmbed({ write = true } = {}): Promise<EmbedBuild> {
  const result = await build(await embedBuildOptions())
  const file = (suffix: string) =>
    result.outputFiles?.find((output) => output.path.endsWith(suffix))?.text ?? ''
  const built = { code: file('embed.js'), map: file('embed.js.map') }
  if (write) {
    await mkdir(join(root, 'dist'), { recursive: true })
    await writeFile(join(root, 'dist', 'embed.js'), built.code)
    await writeFile(join(root, 'dist', 'embed.js.map'), built.map)
  }
  return built
}

if (import.meta.main) {
  const { code } = await buildEmbed()
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  const gzip = gzipSync(code).byteLength
  console.log(`packages/embed/dist/embed.js: ${kb(code.length)}, ${kb(gzip)} min+gzip`)
}
