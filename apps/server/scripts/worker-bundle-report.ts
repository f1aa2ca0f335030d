// What the Worker bundle is made of: builds it as the Worker tests do (wrangler's `deploy --dry-run`
// of the root wrangler.toml, reusing a build of the same inputs) and prints its total size, then
// the largest inputs and packages by the bytes they left in the minified output, each with an
// estimate of its share of the gzip size.
//
//   node apps/server/scripts/worker-bundle-report.ts [--top 25] [--database d1|turso]
//
// The shipped wrangler.toml builds for D1 (the default here); `--database turso` reports the
// build a Turso deployment makes, which carries the libSQL client too.
//
// The gzip share of a part is what the gzipped bundle loses when that part's bytes are cut out
// of it (the bundle's source map says which output bytes came from which input). Parts share
// redundancy with each other, so the shares add up to less than the total: read each as "what
// leaving this out would save", not as a slice of a pie.
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { gzipSync } from 'node:zlib'
import { buildWorkerBundle, repoRoot } from '../test/worker/worker-bundle.ts'
import { inputsOfSources, outputBySource } from './worker-bundle-sources.ts'

const { values } = parseArgs({
  options: {
    top: { type: 'string', default: '25' },
    database: { type: 'string', default: 'd1' },
  },
})
const top = Number(values.top)
if (!Number.isInteger(top) || top < 1) {
  console.error(`--top takes a whole number of rows, at least 1 (got ${values.top})`)
  process.exit(2)
}
const database = values.database
if (database !== 'd1' && database !== 'turso') {
  console.error(`--database takes d1 or turso (got ${database})`)
  process.exit(2)
}

const bundle = await buildWorkerBundle(database)
const code = readFileSync(join(bundle.dir, bundle.mainModule), 'utf8')
const map = JSON.parse(readFileSync(join(bundle.dir, `${bundle.mainModule}.map`), 'utf8')) as {
  sources: string[]
  mappings: string
}
const gzipOf = (text: string) => gzipSync(Buffer.from(text)).byteLength
const total = gzipOf(code)

// The map names sources relative to the folder wrangler wrote, which the build then moved: the
// same depth under the temp folder, so resolving against the final folder finds the checkout.
const sourceNames = map.sources.map((s) => relative(repoRoot, resolve(bundle.dir, s)))
const ranges = outputBySource(code, map.mappings)

const meta = JSON.parse(readFileSync(bundle.metafile, 'utf8')) as {
  outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
}
const inputs = Object.values(meta.outputs).flatMap((output) =>
  Object.entries(output.inputs).map(([input, { bytesInOutput }]) => ({
    name: input.replace(/^(\.\.\/)+/, ''),
    bytes: bytesInOutput,
  })),
)
const inputOfSource = inputsOfSources(sourceNames, inputs)

/** A part of the bundle: inputs (by index), and the bytes esbuild says they left in it. */
type Part = { name: string; minified: number; inputs: Set<number> }

function gzipShare(part: Part): number {
  let kept = ''
  let at = 0
  for (const range of ranges) {
    if (!part.inputs.has(inputOfSource[range.source] ?? -1)) continue
    kept += code.slice(at, range.start)
    at = range.end
  }
  return total - gzipOf(kept + code.slice(at))
}

/** The package an input belongs to, or the folder of the checkout it is in. */
function packageOf(input: string): string {
  return /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? dirname(input)
}

const files: Part[] = inputs.map(({ name, bytes }, index) => ({
  name,
  minified: bytes,
  inputs: new Set([index]),
}))
const packages = new Map<string, Part>()
inputs.forEach(({ name, bytes }, index) => {
  const pkg = packageOf(name)
  const part = packages.get(pkg) ?? { name: pkg, minified: 0, inputs: new Set() }
  part.minified += bytes
  part.inputs.add(index)
  packages.set(pkg, part)
})

const kib = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6)

function table(title: string, parts: Iterable<Part>) {
  const largest = [...parts].sort((a, b) => b.minified - a.minified).slice(0, top)
  console.log(`\n${title}\n  minified KiB   gzip share KiB   input`)
  for (const part of largest) {
    console.log(`  ${kib(part.minified)}         ${kib(gzipShare(part))}        ${part.name}`)
  }
}

console.log(
  `Worker bundle for ${database === 'd1' ? 'D1' : 'Turso'}: ${kib(bundle.bytes).trim()} KiB minified, ${kib(bundle.gzipBytes).trim()} KiB gzip ` +
    `(${bundle.wranglerSummary}); ${bundle.buildMs > 0 ? 'built now' : 'an identical build reused'}`,
)
table(`The ${top} largest inputs`, files)
table(`The ${top} largest packages (and folders of the checkout)`, packages.values())
