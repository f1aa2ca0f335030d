#!/usr/bin/env node
// A source checkout runs the TypeScript directly (Node ≥ 22.18 strips types natively); the
// published package, which ships no sources, runs the build.
import { existsSync } from 'node:fs'

const source = new URL('../src/cli/main.ts', import.meta.url)
await import(existsSync(source) ? source.href : new URL('../dist/cli.js', import.meta.url).href)
