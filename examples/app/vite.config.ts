import { defaultClientConditions, defineConfig } from 'vite'

export default defineConfig({
  // Inside this monorepo only: `@porchlight/source` makes `@porchlight/sdk` resolve to the
  // workspace package's sources (packages/sdk/src), so the app builds before the SDK has been
  // built. An app of your own installs the package from npm and leaves this line out.
  resolve: { conditions: ['@porchlight/source', ...defaultClientConditions] },
  // Fixed ports: the page's origin (http://localhost:5173) must be one the site allows, so a
  // port taken by something else should stop Vite rather than move the app to another origin.
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
})
