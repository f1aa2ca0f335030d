#!/usr/bin/env node
// A source checkout runs the TypeScript directly (Node ≥ 22.18 strips types natively); the
// published package, which ships no sources, runs the build.
import { existsSync } from 'node:fs'

const [major, minor] = process.versions.node.split('.').map(Number)
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Porchlight needs Node.js 22.18 or newer (Node 24 LTS recommended); this is ${process.version}.`,
  )
  process.exit(1)
}

const source = new URL('../src/cli/main.ts', import.meta.url)
await import(existsSync(source) ? source.href : new URL('../dist/cli.js', import.meta.url).href)
