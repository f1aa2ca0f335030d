import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * The SDK as a page without a bundler loads it: one IIFE script whose global is `Porchlight`,
 * built from the sources for this run, in memory.
 *
 * @example
 * const sdk = await buildPageScript() // served as /sdk.js to a page with <script src="/sdk.js">
 */
export async function buildPageScript(): Promise<string> {
  const bundle = await build({
    entryPoints: ['src/index.ts'],
    absWorkingDir: root,
    bundle: true,
    format: 'iife',
    globalName: 'Porchlight',
    write: false,
  })
  return bundle.outputFiles[0]?.text ?? ''
}
