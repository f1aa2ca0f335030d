import { defineConfig } from 'tsup'

// The module build: dist/index.js and its declarations, from src/module.ts, for apps that bundle
// their own code. The SDK's sources are bundled in, as in the script tag's bundle, so the package
// has no runtime dependency. The script tag's bundle (dist/embed.js) is built by scripts/build.ts.
export default defineConfig({
  entry: { index: 'src/module.ts' },
  format: 'esm',
  dts: true,
  platform: 'browser',
  // The script tag's floor too: every browser with AbortSignal.timeout.
  target: ['es2022', 'safari16'],
  // dist/ also holds the script tag's bundle.
  clean: false,
})
