/**
 * Builds the Worker exactly as production does (`wrangler deploy --dry-run --outdir …` from the
 * repository root, with the root wrangler.toml) and hands the output to the workerd tests.
 *
 * The build takes 5–10 s, and vitest runs each test file in its own process, so the output is
 * kept in the temp folder under a hash of everything that can change it (the server's sources,
 * wrangler.toml, the lock file, wrangler's version): every test file of a run, and later runs
 * with the same inputs, share one build. Two processes building at once are safe: each builds
 * into its own folder and the first to rename it into place wins.
 */
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { extname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))

type ModuleType = 'esm' | 'cjs' | 'wasm' | 'text' | 'data'

export type WorkerBundle = {
  /** The folder wrangler wrote. */
  dir: string
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

let pending: Promise<WorkerBundle> | undefined

/** The built Worker; builds at most once per process, and reuses a build with the same inputs. */
export function buildWorkerBundle(): Promise<WorkerBundle> {
  pending ??= build()
  return pending
}

async function build(): Promise<WorkerBundle> {
  const dir = join(tmpdir(), `porchlight-worker-${inputsHash()}`)
  const marker = join(dir, 'build.json')
  let buildMs = 0
  let wranglerSummary: string
  if (existsSync(marker)) {
    wranglerSummary = (JSON.parse(readFileSync(marker, 'utf8')) as { summary: string }).summary
  } else {
    const started = performance.now()
    const staging = mkdtempSync(join(tmpdir(), 'porchlight-worker-build-'))
    const output = await runWrangler(['deploy', '--dry-run', '--outdir', staging]).catch(
      (error: unknown) => {
        rmSync(staging, { recursive: true, force: true })
        throw error
      },
    )
    wranglerSummary = /Total Upload:[^\n]*/.exec(output)?.[0]?.trim() ?? '(no summary printed)'
    writeFileSync(join(staging, 'build.json'), JSON.stringify({ summary: wranglerSummary }))
    try {
      renameSync(staging, dir)
    } catch (error) {
      // Another test process finished the same build first; use its output.
      rmSync(staging, { recursive: true, force: true })
      if (!existsSync(marker)) throw error
    }
    buildMs = Math.round(performance.now() - started)
  }
  return { ...readBundle(dir), wranglerSummary, buildMs }
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

/** Everything that changes the bundle; tests beside the sources do not. */
function inputsHash(): string {
  const hash = createHash('sha256')
  const src = join(repoRoot, 'apps/server/src')
  const files = [
    ...listFiles(src)
      .filter((f) => !f.endsWith('.test.ts'))
      .map((f) => join(src, f)),
    ...['wrangler.toml', 'package-lock.json', 'package.json', 'apps/server/package.json'].map((f) =>
      join(repoRoot, f),
    ),
    join(repoRoot, 'node_modules/wrangler/package.json'),
  ]
  for (const file of files) {
    hash.update(relative(repoRoot, file)).update('\0')
    if (existsSync(file)) hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}

/** Runs the repository's wrangler with this Node, no prompts, no telemetry, bounded in time. */
function runWrangler(args: string[], timeoutMs = 180_000): Promise<string> {
  const bin = join(repoRoot, 'node_modules/wrangler/bin/wrangler.js')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: repoRoot,
      env: {
        ...process.env,
        CI: 'true',
        WRANGLER_SEND_METRICS: 'false',
        NO_COLOR: '1',
        FORCE_COLOR: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
      killSignal: 'SIGKILL',
    })
    let output = ''
    child.stdout.on('data', (chunk) => {
      output += chunk
    })
    child.stderr.on('data', (chunk) => {
      output += chunk
    })
    child.on('error', reject)
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output)
      else {
        const why = signal
          ? `was killed (${signal}, timeout ${timeoutMs} ms)`
          : `exited with ${code}`
        reject(new Error(`wrangler ${args.join(' ')} ${why}:\n${output}`))
      }
    })
  })
}

/** "1,328,948 bytes (1297.8 KiB)" */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en')} bytes (${(bytes / 1024).toFixed(1)} KiB)`
}
