import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

/** The console's folder: the config is also loaded by the server's in-memory build, from elsewhere. */
const root = fileURLToPath(new URL('.', import.meta.url))

// `npm run dev -w @porchlight/console` serves the console with hot reload and sends the API's
// requests to a Porchlight server on its default port. Operator routes accept only requests
// whose Origin is the server's own (a second line against cross-site requests), so the proxy
// presents them as the server's.
const devServer = process.env.PORCHLIGHT_URL ?? 'http://127.0.0.1:8787'

export default defineConfig({
  root,
  base: '/console/',
  // Preact's JSX runtime through Vite's own transform (Oxc): no Babel plugin.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Every browser the console supports has module preloading; the polyfill would only add bytes.
    modulePreload: { polyfill: false },
    target: 'es2022',
    // Nothing inlined as data: URLs; every file is its own long-cached asset.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/v1': { target: devServer, changeOrigin: true, headers: { origin: devServer } } },
  },
})
