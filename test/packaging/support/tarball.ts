import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { runOk } from './run.ts'

export type UnpackedTarball = {
  /** The folder holding the package's files (npm packs them under `package/`). */
  dir: string
  manifest: PackageManifest
  /** Paths inside the package. */
  files: string[]
  read(path: string): string
  /** Deletes the unpacked files. */
  remove(): void
}

/** The package.json fields these tests look at. */
export type PackageManifest = {
  name: string
  version: string
  license?: string
  repository?: { type?: string; url?: string; directory?: string }
  engines?: { node?: string }
  sideEffects?: boolean | string[]
  files?: string[]
  unpkg?: string
  jsdelivr?: string
  dependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  peerDependenciesMeta?: Record<string, { optional?: boolean }>
}

/**
 * Unpacks a tarball with `tar`, as the registry would hand it to an installer.
 *
 * @example
 * const { manifest, files } = await unpack(packed['@porchlight/sdk'].tarball)
 */
export async function unpack(tarball: string): Promise<UnpackedTarball> {
  const into = mkdtempSync(join(tmpdir(), 'porchlight-unpacked-'))
  await runOk('tar', ['-xzf', tarball, '-C', into], { cwd: into })
  const dir = join(into, 'package')
  const read = (path: string) => readFileSync(join(dir, path), 'utf8')
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort()
  return {
    dir,
    manifest: JSON.parse(read('package.json')),
    files,
    read,
    remove: () => rmSync(into, { recursive: true, force: true }),
  }
}

/**
 * The packages a built file imports by name: not relative paths, not Node's built-in modules.
 * `@scope/name/sub` and `name/sub` count as `@scope/name` and `name`. TypeScript's own scanner
 * finds every import, export-from, `require()`, `import()` and `/// <reference types>` while
 * skipping comments and strings (a doc comment's `@example` imports nothing).
 *
 * @example
 * packagesImportedBy('import { Hono } from "hono"') // ['hono']
 */
export function packagesImportedBy(code: string): string[] {
  const scanned = ts.preProcessFile(code, true, true)
  const specifiers = [
    ...scanned.importedFiles.map((file) => file.fileName),
    ...scanned.typeReferenceDirectives.map((reference) => reference.fileName),
  ]
  const found = new Set<string>()
  for (const specifier of specifiers) {
    if (specifier.startsWith('.') || specifier.startsWith('/')) continue
    if (isBuiltin(specifier) || specifier === 'node') continue
    const parts = specifier.split('/')
    found.add(specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? ''))
  }
  return [...found].sort()
}
