/**
 * Builds the Worker exactly as production does (`wrangler deploy --dry-run --outdir …` from the
 * repository root, with the root wrangler.toml, whose `[build]` command first builds the static
 * assets into apps/server/dist/public) and hands the output to the workerd tests: the modules, and
 * a copy of the static assets taken right after the build.
 *
 * The build takes a few seconds, and vitest runs each test file in its own process, so the output
 * is kept in the temp folder under a hash of everything that can change it (the server's sources,
 * the embed and SDK sources and the demo pages behind the assets, wrangler.toml, the lock file,
 * wrangler's version): every test file of a run, and later runs with the same inputs, share one
 * build. The `[build]` command rewrites folders of the checkout, so builds take turns under a
 * lock; a process that waited for the lock finds the build done and reuses it.
 *
 * Two builds: the shipped wrangler.toml's, for D1, which carries no libSQL client, and the one a
 * Turso deployment makes, with `PORCHLIGHT_WORKER_DATABASE = "'turso'"` under `[define]` (given
 * here on wrangler's command line, which overrides the toml's `[define]` as the edit would).
 */
import { createHash } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, relative } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { runProcess } from '../../../../test/support/child-processes.ts'

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

type ModuleType = 'esm' | 'cjs' | 'wasm' | 'text' | 'data'

export type WorkerBundle = {
  /** The folder wrangler wrote. */
  dir: string
  /** A copy of the static assets (`[assets] directory`) as the build left them. */
  assetsDir: string
  /** Bytes each package (or `apps/server/src`) contributes to the minified bundle, largest first. */
  contents: { source: string; bytes: number }[]
  /** esbuild's metafile of the build: every input file and the bytes it left in the output. */
  metafile: string
  /** The entry module's file name inside `dir` (wrangler names it after the entry: worker.js). */
  mainModule: string
  /** Every module miniflare must load, by name relative to `dir`. */
  modules: Record<string, { type: ModuleType; contents: Uint8Array<ArrayBuffer> }>
  compatibilityDate: string
  compatibilityFlags: string[]
  /** Sum of the modules' sizes, and of each gzipped at the default level (what Cloudflare limits). */
  bytes: number
  gzipBytes: number
  /** Wrangler's own "Total Upload: … / gzip: …" line, for comparison. */
  wranglerSummary: string
  /** How long the build took; 0 when an earlier build with the same inputs was reused. */
  buildMs: number
}

const moduleTypes: Record<string, ModuleType> = {
  '.js': 'esm',
  '.mjs': 'esm',
  '.cjs': 'cjs',
  '.wasm': 'wasm',
  '.txt': 'text',
  '.html': 'text',
  '.bin': 'data',
}

/** Which database the Worker is built for (wrangler.toml's `PORCHLIGHT_WORKER_DATABASE`). */
export type WorkerBuild = 'd1' | 'turso'

const pending = new Map<WorkerBuild, Promise<WorkerBundle>>()

/**
 * The built Worker for `database` (the shipped wrangler.toml's D1 build by default); builds each
 * at most once per process, and reuses a build with the same inputs.
 */
export function buildWorkerBundle(database: WorkerBuild = 'd1'): Promise<WorkerBundle> {
  let bundle = pending.get(database)
  if (!bundle) {
    bundle = build(database)
    pending.set(database, bundle)
  }
  return bundle
}

async function build(database: WorkerBuild): Promise<WorkerBundle> {
  const root = join(tmpdir(), `porchlight-worker-${database}-${inputsHash()}`)
  const marker = join(root, 'build.json')
  let buildMs = 0
  if (!existsSync(marker)) {
    await holdingBuildLock(async () => {
      // Another process may have built the same inputs while this one waited.
      if (!existsSync(marker)) buildMs = await buildInto(root, database)
    })
  }
  const { summary } = JSON.parse(readFileSync(marker, 'utf8')) as { summary: string }
  const dir = join(root, 'worker')
  return {
    ...readBundle(dir),
    assetsDir: join(root, 'public'),
    contents: bundleContents(join(root, 'meta.json')),
    metafile: join(root, 'meta.json'),
    wranglerSummary: summary,
    buildMs,
  }
}

async function buildInto(root: string, database: WorkerBuild): Promise<number> {
  const started = performance.now()
  const staging = mkdtempSync(join(tmpdir(), 'porchlight-worker-build-'))
  try {
    const output = await runWrangler([
      'deploy',
      '--dry-run',
      '--outdir',
      join(staging, 'worker'),
      '--metafile',
      join(staging, 'meta.json'),
      ...(database === 'd1' ? [] : ['--define', `PORCHLIGHT_WORKER_DATABASE:'${database}'`]),
    ])
    cpSync(join(repoRoot, 'apps/server/dist/public'), join(staging, 'public'), { recursive: true })
    const summary = /Total Upload:[^\n]*/.exec(output)?.[0]?.trim() ?? '(no summary printed)'
    writeFileSync(join(staging, 'build.json'), JSON.stringify({ summary }))
    renameSync(staging, root)
  } catch (error) {
    rmSync(staging, { recursive: true, force: true })
    throw error
  }
  return Math.round(performance.now() - started)
}

const lockPath = join(tmpdir(), 'porchlight-worker-build.lock')

/**
 * Runs `work` holding the cross-process lock on wrangler.toml's `[build]` outputs (the embed
 * bundle and dist/public in the checkout), so two test processes never rewrite them at once.
 * The lock is a folder (creating one is atomic); one older than any build can take was left by
 * a killed process, and is broken.
 */
export async function holdingBuildLock<T>(work: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 300_000
  for (;;) {
    try {
      mkdirSync(lockPath)
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const age = Date.now() - (statSync(lockPath, { throwIfNoEntry: false })?.mtimeMs ?? Date.now())
    if (age > 240_000) rmSync(lockPath, { recursive: true, force: true })
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lockPath}`)
    await sleep(250)
  }
  try {
    return await work()
  } finally {
    rmSync(lockPath, { recursive: true, force: true })
  }
}

/** Per package, the bytes of the minified bundle that came from it (esbuild's metafile). */
function bundleContents(metafile: string): WorkerBundle['contents'] {
  const meta = JSON.parse(readFileSync(metafile, 'utf8')) as {
    outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
  }
  const bySource = new Map<string, number>()
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1]
      const source = pkg ?? (input.includes('apps/server/src/') ? 'apps/server/src' : input)
      bySource.set(source, (bySource.get(source) ?? 0) + bytesInOutput)
    }
  }
  return [...bySource]
    .map(([source, bytes]) => ({ source, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
}

function readBundle(dir: string) {
  const modules: WorkerBundle['modules'] = {}
  let bytes = 0
  let gzipBytes = 0
  for (const file of listFiles(dir)) {
    const type = moduleTypes[extname(file)]
    if (!type) continue // README.md, build.json and source maps are not uploaded
    const contents = new Uint8Array(readFileSync(join(dir, file)))
    modules[file] = { type, contents }
    bytes += contents.byteLength
    gzipBytes += gzipSync(contents).byteLength
  }
  const mainModule = ['worker.js', 'index.js'].find((name) => name in modules)
  if (!mainModule) {
    throw new Error(
      `No entry module in the Worker build at ${dir}: ${Object.keys(modules).join(', ')}`,
    )
  }
  const toml = readFileSync(join(repoRoot, 'wrangler.toml'), 'utf8')
  const compatibilityDate = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1]
  const flags = /^compatibility_flags\s*=\s*\[([^\]]*)\]/m.exec(toml)?.[1] ?? ''
  if (!compatibilityDate) throw new Error('wrangler.toml has no compatibility_date')
  return {
    dir,
    mainModule,
    modules,
    compatibilityDate,
    compatibilityFlags: [...flags.matchAll(/"([^"]+)"/g)].map((m) => m[1] as string),
    bytes,
    gzipBytes,
  }
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
}

/** Everything that changes the bundle or the assets; tests beside the sources do not. */
function inputsHash(): string {
  const hash = createHash('sha256')
  const sourceFolders = [
    'apps/server/src',
    'packages/embed/src',
    'packages/sdk/src',
    'apps/console/src',
    'examples/static-site',
  ].map((folder) => join(repoRoot, folder))
  const files = [
    ...sourceFolders.flatMap((folder) =>
      listFiles(folder)
        .filter((f) => !f.endsWith('.test.ts'))
        .map((f) => join(folder, f)),
    ),
    ...[
      'wrangler.toml',
      'package-lock.json',
      'package.json',
      'apps/server/package.json',
      'apps/server/scripts/build-assets.ts',
      'apps/server/scripts/openapi.ts',
      'packages/embed/package.json',
      'packages/embed/scripts/build.ts',
      'apps/console/index.html',
      'apps/console/vite.config.ts',
      'apps/console/scripts/build.ts',
    ].map((f) => join(repoRoot, f)),
    join(repoRoot, 'node_modules/wrangler/package.json'),
  ]
  for (const file of files) {
    hash.update(relative(repoRoot, file)).update('\0')
    if (existsSync(file)) hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/** The repository's wrangler CLI, run with this Node. */
export const wranglerBin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js')

/** How tests run wrangler: no prompts, no telemetry, no colours in its output. */
export const wranglerEnv = {
  ...process.env,
  CI: 'true',
  WRANGLER_SEND_METRICS: 'false',
  NO_COLOR: '1',
  FORCE_COLOR: '0',
}

/** Runs the repository's wrangler with this Node, bounded in time; resolves with its output. */
async function runWrangler(args: string[], timeoutMs = 180_000): Promise<string> {
  const { code, signal, output } = await runProcess(process.execPath, [wranglerBin, ...args], {
    cwd: repoRoot,
    env: wranglerEnv,
    timeoutMs,
  })
  if (code === 0) return output
  const why = signal ? `was killed (${signal}, timeout ${timeoutMs} ms)` : `exited with ${code}`
  throw new Error(`wrangler ${args.join(' ')} ${why}:\n${output}`)
}

/** "1,328,948 bytes (1297.8 KiB)" */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en')} bytes (${(bytes / 1024).toFixed(1)} KiB)`
}
