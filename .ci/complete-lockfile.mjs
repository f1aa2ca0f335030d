// `npm ci` refuses a lockfile that lacks an entry for any optional dependency, including the
// prebuilt binaries for other platforms (biome, rollup, turbo, workerd for macOS, Windows…).
// The package registry this project's machines reach only carries the packages for the
// platforms it serves, so `npm install` here cannot record those entries and `npm ci` then
// fails its sync check. This adds a bare entry (`version`, `optional`) for each missing one:
// npm ci skips them as optional and installs exactly the locked tree for this platform.
// Idempotent; run before `npm ci`.
import { readFileSync, writeFileSync } from 'node:fs'

const file = new URL('../package-lock.json', import.meta.url)
const lock = JSON.parse(readFileSync(file, 'utf8'))
const packages = lock.packages
let added = 0
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, spec] of Object.entries(meta.optionalDependencies ?? {})) {
    const nested = `${path ? `${path}/` : ''}node_modules/${name}`
    const hoisted = `node_modules/${name}`
    if (packages[nested] || packages[hoisted]) continue
    packages[hoisted] = {
      version: spec.replace(/^[\^~=]/, ''),
      ...(meta.dev && { dev: true }),
      optional: true,
    }
    added++
  }
}
if (added > 0) writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
console.log(`complete-lockfile: ${added} entr${added === 1 ? 'y' : 'ies'} added`)
