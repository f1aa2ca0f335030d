import { defineConfig } from 'tsup'

// The two builds run in parallel into one dist/, so each cleans everything but the other's files.
export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    // src/global.ts has types only: the script-tag build's global, for `./global` in exports.
    dts: { entry: ['src/index.ts', 'src/global.ts'] },
    // global.ts names the package itself, for consumers to resolve to these same declarations.
    external: ['@porchlight/sdk'],
    target: 'es2022',
    clean: ['!porchlight.global.js'],
  },
  {
    // For <script src=".../porchlight.global.js">: exposes window.Porchlight.createClient etc.
    entry: { porchlight: 'src/index.ts' },
    format: 'iife',
    globalName: 'Porchlight',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    clean: ['!index.*', '!global.*'],
  },
])
