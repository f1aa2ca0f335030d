// Builds the console with Vite: `npm run build -w @porchlight/console` writes apps/console/dist,
// which the server's build copies into its dist/public/console/. The server also imports
// `buildConsole` to build it in memory when a source checkout has not been built (`npm start`).
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Rolldown } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * The built console by file name relative to its folder: `index.html` and `assets/<name>-<hash>.js`
 * (and `.css`), every one text.
 */
export type ConsoleFiles = Map<string, string>

/**
 * Builds the console; with `write` (the default) into `dist/` as well.
 *
 * @example
 * const files = await buildConsole({ write: false })
 * files.get('index.html')
 */
export async function buildConsole({ write = true } = {}): Promise<ConsoleFiles> {
  const result = await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    root,
    logLevel: 'warn',
    build: { write },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const files: ConsoleFiles = new Map()
  for (const output of outputs.flatMap((o) => o.output)) {
    const text =
      output.type === 'chunk'
        ? output.code
        : typeof output.source === 'string'
          ? output.source
          : new TextDecoder().decode(output.source)
    files.set(output.fileName, text)
  }
  return files
}

if (import.meta.main) {
  const files = await buildConsole()
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`dist/${name}: ${kb(text.length)}, ${kb(gzipSync(text).byteLength)} gzip`)
  }
}
