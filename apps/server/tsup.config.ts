import { defineConfig } from 'tsup'

// The published build: the CLI that `bin/porchlight.js` runs when there are no sources, the
// library entry for Node, and the Worker entry on its own, so that importing it pulls in
// nothing Node-only (no node:fs, no @hono/node-server, no nodemailer). Dependencies stay
// external imports, installed beside the package. `scripts/build-assets.ts` then adds
// dist/public (the script tag's bundle and the demo pages).
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    worker: 'src/entry/worker.ts',
    cli: 'src/cli/main.ts',
  },
  format: 'esm',
  platform: 'node',
  target: 'node22',
  // Shared code goes into chunks that each entry imports, so the three do not each carry a copy.
  splitting: true,
  // Every package stays an import, declared dependency or not: a bundled copy of a native
  // loader (libsql) breaks, and an undeclared one should fail the packaging test, not hide.
  skipNodeModulesBundle: true,
  // Keep `node:crypto` as written: Workers' nodejs_compat and Node both resolve the prefixed name.
  removeNodeProtocol: false,
  dts: { entry: { index: 'src/index.ts', worker: 'src/entry/worker.ts' } },
  // Everything but dist/public, which scripts/build-assets.ts keeps up to date file by file:
  // a Worker build may be reading it.
  clean: ['!public/**'],
})
