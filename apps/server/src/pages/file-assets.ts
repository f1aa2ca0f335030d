import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { StaticAssets } from './assets.ts'
import { builtAssets } from './built-assets.ts'
import { checkoutAssets } from './checkout-assets.ts'

/**
 * The Node implementation of `StaticAssets`, by the same rule as `bin/porchlight.js`: a package
 * with its `src/` (a source checkout) serves the embed package's build and `examples/static-site`
 * from the checkout; one without (installed from npm) serves its own `dist/public`.
 *
 * @example
 * const deps = createDeps({ config, client, assets: fileAssets() })
 */
export function fileAssets(serverRoot = serverPackageRoot()): StaticAssets {
  return existsSync(join(serverRoot, 'src'))
    ? checkoutAssets(serverRoot)
    : builtAssets(join(serverRoot, 'dist', 'public'))
}

/**
 * The folder of `@porchlight/server`'s package.json. Found by walking up from this module, not
 * by a fixed number of `../`: the module runs from `src/pages/` in a checkout and from `dist/`
 * once built, and the package itself may be anywhere (`node_modules/@porchlight/server`).
 */
function serverPackageRoot(): string {
  let folder = dirname(fileURLToPath(import.meta.url))
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder)
    if (parent === folder) throw new Error('@porchlight/server: no package.json above its code')
    folder = parent
  }
  return folder
}
