import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

// Inside this monorepo only: `@porchlight/sdk` is the workspace package, whose "exports" point at
// packages/sdk/dist, which `npm run build` writes. Until it has been built, bundle the SDK from
// its sources instead. An app of your own installs the package from npm and needs none of this.
const sdkDist = new URL('../../packages/sdk/dist/index.js', import.meta.url)
const sdkSource = new URL('../../packages/sdk/src/index.ts', import.meta.url)

export default defineConfig({
  resolve: existsSync(sdkDist) ? {} : { alias: { '@porchlight/sdk': fileURLToPath(sdkSource) } },
  // Fixed ports: the page's origin (http://localhost:5173) must be one the site allows, so a
  // port taken by something else should stop Vite rather than move the app to another origin.
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
})
