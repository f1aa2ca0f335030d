import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { PageRoute } from './recording-front.ts'

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

/**
 * A page route serving a blank page that loads `sdk` (from buildPageScript) at `/`, the script at
 * `/sdk.js`, and a 404 for the favicon; `false` for any other path, which the server answers.
 *
 * @example
 * real.membersScene({ pages: sdkPage(await buildPageScript()) })
 */
export function sdkPage(sdk: string): PageRoute {
  return (req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<script src="/sdk.js"></script>')
    } else if (req.url === '/sdk.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(sdk)
    } else if (req.url === '/favicon.ico') res.writeHead(404).end()
    else return false
    return true
  }
}
